#!/usr/bin/env node
/**
 * Throughput of a worker fleet on this machine: a throw-away redis-server on loopback, 1, 2 and 3
 * `brief worker`s (one job at a time each) and one coordinator building the same weekly PDFs,
 * next to the same batch built locally. Also the queue's per-job overhead (an HTML-only batch of
 * the weekly example through one worker, against the same batch built locally) and Redis memory
 * with the batch queued and no worker. Runs dist/ (`npm run build` first). Not part of `npm run bench`.
 *
 *   node bench/queue-fleet.js [weeks]      (default 12; prints a Markdown table)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const weeks = Number(process.argv[2] ?? 12);
const period = `2026-W01..2026-W${String(weeks).padStart(2, '0')}`;
const fresh = (name) => mkdtempSync(join(tmpdir(), `bench-fleet-${name}-`));

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function start(command, args, ready) {
  const child = spawn(command, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = '';
  const started = new Promise((resolve, reject) => {
    const look = (d) => {
      seen += d.toString();
      if (seen.includes(ready)) resolve();
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${seen}`)));
  });
  return { child, started };
}

async function timed(args) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/brief.js', ...args], { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d.toString()));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  // A failed job is reported, not hidden: the time still counts, with the failures shown.
  if (code !== 0) console.log(`brief ${args.join(' ')} exited ${code}:\n${stderr.split('\n').filter((l) => l.startsWith('✗')).join('\n')}`);
  return (performance.now() - t0) / 1000;
}

const port = await freePort();
const url = `redis://127.0.0.1:${port}`;
const redis = start('/usr/bin/redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], 'Ready to accept connections');
await redis.started;
const load = loadavg()[0].toFixed(1);
const rows = [];
try {
  const build = (out, more = []) => ['build', 'content/open-model-weekly', '--period', period, '--out', out, ...more];
  const local = await timed(build(fresh('local'), ['--quiet']));
  rows.push([`local \`brief build\` (2 at once, one browser)`, local]);
  for (const n of [1, 2, 3]) {
    const workers = Array.from({ length: n }, () => start(process.execPath, ['bin/brief.js', 'worker', '--queue', url, '--concurrency', '1'], 'taking jobs'));
    await Promise.all(workers.map((w) => w.started));
    rows.push([`${n} worker${n > 1 ? 's' : ''} (1 job at a time each) + coordinator`, await timed(build(fresh(`fleet${n}`), ['--quiet', '--queue', url]))]);
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((resolve) => w.child.once('exit', resolve))));
  }
  const html = (out, more = []) => build(out, ['--format', 'html', '--quiet', ...more]);
  const localHtml = await timed(html(fresh('local-html'), ['--concurrency', '1']));
  const worker = start(process.execPath, ['bin/brief.js', 'worker', '--queue', url, '--concurrency', '1'], 'taking jobs');
  await worker.started;
  const queuedHtml = await timed(html(fresh('queued-html'), ['--queue', url]));
  worker.child.kill('SIGTERM');
  console.log(`Queue overhead per job (HTML only, one at a time): ${(((queuedHtml - localHtml) / weeks) * 1000).toFixed(0)} ms (local ${localHtml.toFixed(1)} s, queued ${queuedHtml.toFixed(1)} s for ${weeks} jobs; includes the coordinator's and the worker's start)`);
} finally {
  redis.child.kill('SIGTERM');
}
console.log(`\n${weeks} weekly PDFs of content/open-model-weekly; load average ${load} at the start\n`);
console.log('| setup | wall | PDFs per minute |\n| --- | ---: | ---: |');
for (const [name, seconds] of rows) console.log(`| ${name} | ${seconds.toFixed(1)} s | ${((weeks / seconds) * 60).toFixed(1)} |`);
