/**
 * (g): the periodic example as its users run it — 52 weekly PDFs of content/open-model-weekly in
 * ONE `brief build --period 2026-W01..2026-W52` command (one warm browser, default concurrency).
 * Reports the total, the median seconds per brief (from the CLI's own summary table) and the peak
 * memory of the process tree.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './measure.js';
import { runMeasured } from './process-stats.js';

export async function runWeekly(repo, out) {
  rmSync(out, { recursive: true, force: true });
  const args = [join(repo, 'bin/brief.js'), 'build', 'content/open-model-weekly', '--period', '2026-W01..2026-W52', '--format', 'pdf', '--out', out];
  const run = await runMeasured(process.execPath, args, { cwd: repo });
  // Count each period's PDF once: the archive's `latest` symlink points at one of them again.
  const pdfs = readdirSync(join(out, 'open-model-weekly')).filter((f) => /^\d{4}-W\d{2}$/.test(f)).length;
  if (run.code !== 0 || pdfs !== 52) throw new Error(`brief build exited ${run.code} with ${pdfs}/52 PDFs:\n${run.stderr.slice(-2000)}`);
  // Summary rows: "content/open-model-weekly 2026-W01      7      5.4  ok"
  const perBrief = [...run.stdout.matchAll(/^content\/open-model-weekly \d{4}-W\d{2}(?: \S+)?\s+\d+\s+([\d.]+)\s+ok$/gm)].map((m) => Number(m[1]));
  return {
    briefs: pdfs,
    seconds: Math.round(run.seconds * 100) / 100,
    perMinute: Math.round((pdfs / run.seconds) * 60 * 10) / 10,
    perBriefMedianSeconds: perBrief.length > 0 ? median(perBrief) : undefined,
    nodePeakRssMiB: run.nodePeakRssMiB,
    treePeakPssMiB: run.treePeakPssMiB,
  };
}
