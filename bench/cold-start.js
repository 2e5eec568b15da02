/**
 * (f): what a user waits for when typing `brief build content/deepseek-moment --format html`:
 * a fresh Node process each time, wall clock from spawn to exit. One unmeasured run first fills the
 * OS file cache (and the chart cache), so the samples measure Node and our code rather than the
 * disk: a rebuild with every chart from `<out>/.cache/charts/`, alternating with `--no-cache`. Then, to say where
 * the time goes: one run of cold-probe.js (phases) and one CPU-profiled CLI run (costs by package).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from './measure.js';
import { summarizeProfile } from './cpu-profile.js';
import { runMeasured } from './process-stats.js';

const round = (x) => Math.round(x);

async function cliOnce(repo, dir, out, nodeFlags = [], flags = []) {
  const run = await runMeasured(process.execPath, [...nodeFlags, join(repo, 'bin/brief.js'), 'build', dir, '--format', 'html', '--out', out, '--quiet', ...flags], { cwd: repo });
  if (run.code !== 0) throw new Error(`brief build exited ${run.code}:\n${run.stderr.slice(-2000)}`);
  return run;
}

export async function measureColdStart(repo, dir, work, { runs }) {
  const out = join(work, 'cold-out');
  rmSync(out, { recursive: true, force: true });
  await cliOnce(repo, dir, out); // fills the OS file cache and <out>/.cache/charts
  const samples = [];
  const cpu = [];
  const uncached = { wall: [], cpu: [] };
  let rss = 0;
  // A rebuild (charts from the disk cache) and a build with --no-cache (every chart drawn), alternating.
  for (let i = 0; i < runs; i++) {
    const run = await cliOnce(repo, dir, out);
    samples.push(run.seconds * 1000);
    if (run.cpuSeconds !== undefined) cpu.push(run.cpuSeconds * 1000);
    rss = Math.max(rss, run.nodePeakRssMiB);
    const fresh = await cliOnce(repo, dir, out, [], ['--no-cache']);
    uncached.wall.push(fresh.seconds * 1000);
    if (fresh.cpuSeconds !== undefined) uncached.cpu.push(fresh.cpuSeconds * 1000);
  }

  const probe = await runMeasured(process.execPath, [join(repo, 'bench/cold-probe.js'), dir, out], { cwd: repo });
  if (probe.code !== 0) throw new Error(`cold-probe failed:\n${probe.stderr.slice(-2000)}`);
  const phases = JSON.parse(probe.stdout.trim().split('\n').pop());
  const roundAll = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)]));

  const profDir = join(work, 'cpu-profile');
  rmSync(profDir, { recursive: true, force: true });
  await cliOnce(repo, dir, out, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
  const profile = summarizeProfile(join(profDir, readdirSync(profDir)[0]));

  return {
    wall: summarize(samples, 'ms'),
    cpu: cpu.length > 0 ? summarize(cpu, 'ms') : undefined,
    nodePeakRssMiB: rss,
    uncached: { wall: summarize(uncached.wall, 'ms'), cpu: uncached.cpu.length > 0 ? summarize(uncached.cpu, 'ms') : undefined },
    breakdown: {
      phases: roundAll(phases.phases),
      probeTotalMs: round(phases.totalToWritten),
      firstRenderStages: roundAll(phases.firstStages),
      secondRenderStages: roundAll(phases.secondStages),
    },
    profile,
  };
}
