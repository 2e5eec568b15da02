#!/usr/bin/env node
/**
 * `npm run bench`: measures Briefsmith against its performance targets and against md-to-pdf, on
 * this machine, now. Runs against dist/ (what users run; the npm script compiles it first), writes
 * every sample to bench/results.json and prints a Markdown table on stdout (progress goes to stderr).
 *
 *   node bench/run.js [--only a,b,c,d,e,f,g,h,i,j]   BENCH_RUNS (default 5), BENCH_BATCH (default 50), BENCH_VARIANTS (default 1000)
 *
 * (g), the 52 weekly PDFs, runs only when asked for (`--only g`): (h) is the batch the targets name.
 *
 * Order matters on a 2-core machine: the in-process measurements share one browser that is closed
 * before the batch runs, and the batch and the peer each get the machine to themselves.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { copyBriefings, runBatch } from './batch.js';
import { measureColdStart } from './cold-start.js';
import { loadApi, measureHtml, measurePdf } from './in-process.js';
import { machineInfo, ratio, sourceInfo, target } from './measure.js';
import { ensurePeer, peerMarkdown, runPeer } from './peer-md-to-pdf.js';
import { breakdowns, markdownTable } from './report.js';
import { writeSyntheticBriefing } from './synthetic-briefing.js';
import { runWeekly } from './weekly.js';
import { measureWeeklyBatch } from './weekly-batch.js';
import { measurePreview } from './preview.js';
import { measureVariants } from './variants.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const work = join(repo, 'bench/.work');
const example = join(repo, 'content/deepseek-moment');
const { values } = parseArgs({ options: { only: { type: 'string', default: 'a,b,c,d,e,f,h,i,j' } } });
const only = new Set(values.only.split(','));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const batchSize = Number(process.env.BENCH_BATCH ?? 50);
const variantCount = Number(process.env.BENCH_VARIANTS ?? 1000);
const started = performance.now();
const progress = (text) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}\n`);

const results = {
  date: new Date().toISOString(),
  machine: machineInfo(),
  source: sourceInfo(repo),
  settings: { runs, warmup: 1, batch: batchSize, variants: variantCount },
  measurements: {},
  ratios: {},
};
let failed = false;

/** Runs one measurement; a failure is recorded in results.json and fails the run, but the others still run. */
async function attempt(name, fn) {
  try {
    return await fn();
  } catch (error) {
    failed = true;
    progress(`${name} FAILED: ${error.stack ?? error}`);
    return { error: String(error.message ?? error) };
  }
}

mkdirSync(work, { recursive: true });
const synthetic = writeSyntheticBriefing(join(work, 'synthetic-briefing'));

if (['a', 'b', 'c'].some((k) => only.has(k))) {
  const api = await loadApi();
  const briefings = { example, synthetic };
  for (const [key, dir] of Object.entries(briefings)) {
    const entry = (results.measurements[key] = {});
    if (only.has('a')) {
      progress(`(a) HTML build, ${key}`);
      entry.html = await attempt(`(a) ${key}`, () => measureHtml(api, dir, { runs }));
      if (key === 'example' && entry.html.median !== undefined) entry.html.target = target(entry.html.median, '<=', 150);
      progress(`(a') HTML build with a warm chart cache (nothing changed), ${key}`);
      entry.htmlCached = await attempt(`(a') ${key}`, () => measureHtml(api, dir, { runs, chartCache: api.memoryCache(), renderCache: api.memoryRenderCache() }));
      if (key === 'example' && entry.htmlCached.median !== undefined) entry.htmlCached.target = target(entry.htmlCached.median, '<=', 40);
    }
  }
  if (only.has('b') || only.has('c')) {
    const launched = await api.launchBrowser();
    try {
      for (const [key, dir] of Object.entries(briefings)) {
        progress(`(b)+(c) PDF end to end and floor, alternating, ${key}`);
        const entry = results.measurements[key];
        const measured = await attempt(`(b)/(c) ${key}`, () => measurePdf(api, launched.browser, dir, { runs }));
        if (measured.error) entry.pdf = measured;
        else {
          Object.assign(entry, measured);
          const value = ratio(measured.pdf.median, measured.floor.median);
          entry.ratio = { value, target: target(value, '<=', 1.25) };
          results.ratios[`pdfOverFloor_${key}`] = entry.ratio;
        }
      }
    } finally {
      await launched.close();
    }
  }
}

if (only.has('d')) {
  progress(`(d) batch of ${batchSize} × example, one brief build --format pdf`);
  const dirs = copyBriefings(example, batchSize, join(work, 'batch-in'), 'deepseek-moment');
  results.measurements.batch = await attempt('(d)', () => runBatch(repo, dirs, join(work, 'batch-out')));
}

if (only.has('e')) {
  progress(`(e) md-to-pdf over ${batchSize} Markdown files (installs bench/.peer/ on first use)`);
  results.measurements.peer = await attempt('(e)', async () => runPeer(ensurePeer(join(repo, 'bench/.peer')), await peerMarkdown(repo, example), batchSize, join(work, 'peer')));
  const { batch, peer } = results.measurements;
  if (batch?.perMinute && peer?.perMinute) {
    const value = ratio(batch.perMinute, peer.perMinute);
    results.ratios.batchOverPeer = { value, target: target(value, '>=', 1.5) };
  }
  // The same comparison by CPU seconds per document: what the throughput ratio would be with both
  // tools CPU-bound on an otherwise idle machine, less sensitive to load from other jobs.
  if (batch?.cpuSecondsPerBriefing && peer?.cpuSecondsPerDocument) {
    results.ratios.batchOverPeerByCpu = { value: ratio(peer.cpuSecondsPerDocument, batch.cpuSecondsPerBriefing) };
  }
}

if (only.has('f')) {
  progress('(f) cold HTML build, fresh process each run, from the disk chart cache and with --no-cache, alternating; a phase breakdown and a CPU profile');
  const cold = (results.measurements.cold = await attempt('(f)', () => measureColdStart(repo, example, work, { runs })));
  if (cold.wall) cold.target = target(cold.wall.median, '<=', 1000);
  if (cold.uncached) cold.uncached.target = target(cold.uncached.wall.median, '<=', 1000);
}

if (only.has('h')) {
  progress('(h) 8 weekly periods, HTML + PDF, one brief build, alternating with one Chromium printing the same 8 pages');
  const weekly8 = (results.measurements.weekly8 = await attempt('(h)', () => measureWeeklyBatch(repo, work, { runs: Math.min(runs, 3) })));
  if (weekly8.ours) {
    const value = ratio(weekly8.ours.median, weekly8.floor.median);
    results.ratios.weeklyBatchOverFloor = weekly8.ratio = { value, target: target(value, '<=', 1.3) };
  }
}

if (only.has('i')) {
  progress('(i) preview: save → rebuilt page announced on /events, a paragraph and a chart spec, alternating');
  const preview = (results.measurements.preview = await attempt('(i)', () => measurePreview(repo, example, work, { runs })));
  if (preview.paragraph) {
    preview.paragraph.target = target(preview.paragraph.median, '<=', 250);
    preview.chart.target = target(preview.chart.median, '<=', 400);
  }
}

if (only.has('j')) {
  progress(`(j) memory: ${variantCount} variants in one brief build --format html`);
  const variants = (results.measurements.variants = await attempt('(j)', () => measureVariants(repo, work, variantCount)));
  if (variants.large) variants.target = target(variants.large.nodePeakRssMiB, '<=', 400);
  if (variants.bounded) variants.bounded.target = target(variants.bounded.nodePeakRssMiB, '<=', 400);
}

if (only.has('g')) {
  progress('(g) 52 weekly PDFs of content/open-model-weekly in one command');
  results.measurements.weekly = await attempt('(g)', () => runWeekly(repo, join(work, 'weekly-out')));
}

results.machine.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
results.seconds = Math.round((performance.now() - started) / 1000);
writeFileSync(join(repo, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
progress(`done; all samples in bench/results.json`);
const { machine } = results;
process.stdout.write(
  `\n${markdownTable(results)}\n\n${machine.cpus} CPUs (${machine.cpuModel}), ${machine.chromium}, Node ${machine.node}, ` +
    `load average ${machine.loadAverageAtStart.join('/')} at start and ${machine.loadAverageAtEnd.join('/')} at end; ${results.date.slice(0, 10)}\n\n` +
    `${breakdowns(results)}\n`,
);
process.exitCode = failed ? 1 : 0;
