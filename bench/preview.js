/**
 * (i): preview latency as an author feels it — `brief preview` on a copy of the example, a
 * client on its Server-Sent Events stream, and the time from saving a file to the event that
 * announces the rebuilt page. Two edits, alternating, each repeated: a paragraph of the
 * narrative (sections/05-outlook.md), and a chart spec (its description: one chart redrawn).
 * The rebuild waits 40 ms for the editor's save to settle; that wait is part of what is measured.
 */
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout, clearTimeout } from 'node:timers';
import { summarize } from './measure.js';

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Resolves with a function that waits for the next `state` event meeting `test`. */
function stateEvents(url) {
  const waiters = [];
  const request = get(`${url}events`, (response) => {
    let buffer = '';
    response.setEncoding('utf8');
    response.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!frame.startsWith('event: state')) continue;
        const state = JSON.parse(frame.slice(frame.indexOf('data: ') + 6));
        for (const waiter of waiters.splice(0)) if (!waiter(state)) waiters.push(waiter);
      }
    });
  });
  return {
    next: (test) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no rebuilt page from brief preview within 120 s')), 120_000);
        waiters.push((state) => (test(state) ? (clearTimeout(timer), resolve(state), true) : false));
      }),
    close: () => request.destroy(),
  };
}

export async function measurePreview(repo, example, work, { runs }) {
  const dir = join(work, 'preview-briefing');
  rmSync(dir, { recursive: true, force: true });
  cpSync(example, dir, { recursive: true });
  const port = await freePort();
  const child = spawn(process.execPath, [join(repo, 'bin/brief.js'), 'preview', dir, '--port', String(port)], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => String(chunk).includes(url) && resolve());
      child.once('exit', (code) => reject(new Error(`brief preview exited ${code}`)));
    });
    const events = stateEvents(url);
    const first = await events.next((s) => !s.building);
    if (first.version === null) throw new Error(`the example does not build in preview: ${first.errors[0]}`);
    let version = first.version;
    const edit = async (file, change) => {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      const start = performance.now();
      writeFileSync(path, change(text));
      const state = await events.next((s) => !s.building && s.version !== version);
      if (state.errors.length > 0) throw new Error(`preview build failed: ${state.errors[0]}`);
      version = state.version;
      return performance.now() - start;
    };
    const paragraph = [];
    const chart = [];
    // One unmeasured round each: the first chart redraw in the process pays for loading Vega.
    for (let i = -1; i < runs; i++) {
      const p = await edit('sections/05-outlook.md', (t) => t.replace(/^([A-Z][^\n]{80,})$/m, `$1 Edited ${i}.`));
      const c = await edit('charts/monthly-releases.vl.json', (t) => t.replace('"description": "', `"description": "Edit ${i}. `));
      if (i >= 0) {
        paragraph.push(p);
        chart.push(c);
      }
    }
    events.close();
    return { paragraph: summarize(paragraph, 'ms'), chart: summarize(chart, 'ms') };
  } finally {
    child.kill('SIGINT');
  }
}
