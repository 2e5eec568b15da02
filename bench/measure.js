/**
 * Timing helpers for the benchmark. The machine is shared (2 cores, other jobs running), so every
 * number keeps all its samples and is summarised by the median, which one slow outlier cannot move;
 * ratios are only ever taken between medians measured in the same run.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) throw new Error('median of no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Samples with their median, min and max, rounded for reading (the raw samples stay in results.json). */
export function summarize(samples, unit) {
  const round = (x) => Math.round(x * 1000) / 1000;
  return { unit, samples: samples.map(round), median: round(median(samples)), min: round(Math.min(...samples)), max: round(Math.max(...samples)) };
}

/** a / b rounded to two decimals: "how many times b is a". */
export function ratio(a, b) {
  return Math.round((a / b) * 100) / 100;
}

/** Milliseconds that `fn` takes, and what it returned. */
export async function timed(fn) {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/**
 * Runs `fn` `warmup` times unmeasured (JIT, caches, the browser's first tab), then `runs` times
 * measured. `onSample` sees each measured result, so callers can keep details such as page counts.
 */
export async function sample(fn, { warmup = 1, runs = 5, onSample = () => {} } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const { ms, value } = await timed(fn);
    samples.push(ms);
    onSample(value, i);
  }
  return summarize(samples, 'ms');
}

/** A target stated next to a number: `value op limit`, and whether this run met it. */
export function target(value, op, limit) {
  const met = op === '<=' ? value <= limit : value >= limit;
  return { op, limit, met };
}

/**
 * Which code was measured: the commit, and whether src/ had uncommitted changes (read-only git
 * commands; "unknown" outside a git checkout, e.g. in an exported copy).
 */
export function sourceInfo(repo) {
  const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return { commit: git('rev-parse', '--short', 'HEAD'), srcChanged: git('status', '--porcelain', '--', 'src').length > 0 };
  } catch {
    return { commit: 'unknown' };
  }
}

/** What a reader needs to compare numbers across machines. */
export function machineInfo(chromiumPath = '/usr/bin/chromium') {
  let chromium = 'unknown';
  try {
    // Debian's wrapper script can print shell noise on stderr; the version is the stdout line.
    chromium = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Leave "unknown": the PDF measurements will fail loudly on their own.
  }
  const cpuList = cpus();
  return {
    node: process.version,
    chromium,
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    kernel: release(),
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
