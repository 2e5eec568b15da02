/**
 * (h): a batch as the issue states it — 8 weekly periods of content/open-model-weekly, HTML and
 * PDF, in ONE `brief build` process (fresh output folder, so no chart comes from an earlier
 * run), against the floor: one warm Chromium printing the same 8 finished pages with as many
 * tabs as CPUs (bench/print-floor.js). Ours and the floor alternate, so load from other jobs on
 * the machine stretches both alike; each side is a fresh process timed from outside.
 */
import { availableParallelism } from 'node:os';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from './measure.js';
import { runMeasured } from './process-stats.js';

const WEEKS = '2026-W01..2026-W08';

export async function measureWeeklyBatch(repo, work, { runs }) {
  const tabs = availableParallelism();
  const ours = [];
  const floor = [];
  const cpu = { ours: [], floor: [] };
  for (let i = 0; i < runs; i++) {
    const out = join(work, 'weekly8-out');
    rmSync(out, { recursive: true, force: true });
    const build = await runMeasured(process.execPath, [join(repo, 'bin/brief.js'), 'build', 'content/open-model-weekly', '--period', WEEKS, '--format', 'html,pdf', '--out', out, '--quiet'], { cwd: repo });
    const root = join(out, 'open-model-weekly');
    // Each period's page, wherever the output layout puts it (`<period>/` or `<period>/<variant>/`).
    const pages = readdirSync(root, { recursive: true }).map(String).filter((f) => /^\d{4}-W\d{2}\/(.+\/)?index\.html$/.test(f)).map((f) => join(root, f));
    if (build.code !== 0 || pages.length !== 8) throw new Error(`brief build exited ${build.code} with ${pages.length}/8 issues:\n${build.stderr.slice(-2000)}`);
    ours.push(build.seconds * 1000);
    if (build.cpuSeconds !== undefined) cpu.ours.push(build.cpuSeconds * 1000);

    const pdfs = join(work, 'weekly8-floor');
    rmSync(pdfs, { recursive: true, force: true });
    mkdirSync(pdfs, { recursive: true });
    const printed = await runMeasured(process.execPath, [join(repo, 'bench/print-floor.js'), String(tabs), pdfs, ...pages], { cwd: repo });
    if (printed.code !== 0 || readdirSync(pdfs).length !== 8) throw new Error(`print-floor exited ${printed.code}:\n${printed.stderr.slice(-2000)}`);
    floor.push(printed.seconds * 1000);
    if (printed.cpuSeconds !== undefined) cpu.floor.push(printed.cpuSeconds * 1000);
  }
  return {
    tabs,
    ours: { ...summarize(ours, 'ms'), cpu: cpu.ours.length ? summarize(cpu.ours, 'ms') : undefined },
    floor: { ...summarize(floor, 'ms'), cpu: cpu.floor.length ? summarize(cpu.floor, 'ms') : undefined },
  };
}
