/**
 * (d): a periodic batch as a user runs it — ONE `brief build … --format pdf` process over many
 * copies of the example, default concurrency. Timed from outside, so the figure includes Node's
 * start-up, module loading, the browser launch and writing every output folder.
 */
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runMeasured } from './process-stats.js';

/** `n` copies named `<name>-01…`: distinct folder names give distinct slugs (the example sets no `slug`). */
export function copyBriefings(source, n, into, name) {
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  return Array.from({ length: n }, (_, i) => {
    const dir = join(into, `${name}-${String(i + 1).padStart(2, '0')}`);
    cpSync(source, dir, { recursive: true });
    return dir;
  });
}

/** Runs the CLI once over `dirs`; fails when a briefing fails or a PDF is missing, so a broken build never reports a speed. */
export async function runBatch(repo, dirs, out) {
  rmSync(out, { recursive: true, force: true });
  const run = await runMeasured(process.execPath, [join(repo, 'bin/brief.js'), 'build', ...dirs, '--format', 'pdf', '--out', out, '--quiet'], { cwd: repo });
  const pdfs = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.pdf')).length;
  if (run.code !== 0 || pdfs !== dirs.length) {
    throw new Error(`brief build exited ${run.code} with ${pdfs}/${dirs.length} PDFs:\n${run.stderr.slice(-2000)}`);
  }
  return {
    briefings: dirs.length,
    seconds: Math.round(run.seconds * 100) / 100,
    perMinute: Math.round((dirs.length / run.seconds) * 60 * 10) / 10,
    cpuSeconds: run.cpuSeconds,
    cpuSecondsPerBriefing: run.cpuSeconds === undefined ? undefined : Math.round((run.cpuSeconds / dirs.length) * 100) / 100,
    nodePeakRssMiB: run.nodePeakRssMiB,
    treePeakPssMiB: run.treePeakPssMiB,
    maxProcesses: run.maxProcesses,
  };
}
