/**
 * (e): the peer, md-to-pdf (Markdown → marked → HTML → Puppeteer → PDF, one shared browser, all
 * files of one invocation converted concurrently). It is installed on demand into the git-ignored
 * bench/.peer/ at a pinned version, with Puppeteer's browser download skipped: it is pointed at the
 * same Debian Chromium through its --launch-options, so both tools print with the same engine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMeasured } from './process-stats.js';

export const PEER_VERSION = '5.2.5';

/** Installs md-to-pdf@PEER_VERSION under `peerDir` unless that exact version is already there; returns its CLI path. */
export function ensurePeer(peerDir) {
  const pkg = join(peerDir, 'node_modules/md-to-pdf/package.json');
  const installed = existsSync(pkg) ? JSON.parse(readFileSync(pkg, 'utf8')).version : undefined;
  if (installed !== PEER_VERSION) {
    mkdirSync(peerDir, { recursive: true });
    execFileSync('npm', ['install', '--prefix', peerDir, '--no-audit', '--no-fund', `md-to-pdf@${PEER_VERSION}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
    });
  }
  return join(peerDir, 'node_modules/md-to-pdf/dist/cli.js');
}

const dist = (repo, path) => import(join(repo, 'dist', path));

/**
 * The example's narrative as plain Markdown, taken from our own pipeline after the Handlebars step
 * (so `{{cell …}}` etc. are the same values our PDF shows). md-to-pdf cannot draw Vega-Lite, so each
 * `::chart` line becomes its caption in italics; footnotes stay as marked prints them (it has no
 * footnote support), so the peer does less work per document than we do.
 */
export async function peerMarkdown(repo, exampleDir) {
  const [{ diskFiles }, { loadBriefing }, { loadDatasets }, { proseStage }, { builtinHelpers }, { MessageLog }] = await Promise.all([
    dist(repo, 'edges/files/disk-files.js'),
    dist(repo, 'pipeline/load/load-briefing.js'),
    dist(repo, 'pipeline/data/load-datasets.js'),
    dist(repo, 'pipeline/prose/prose-stage.js'),
    dist(repo, 'pipeline/prose/helpers/builtin-helpers.js'),
    dist(repo, 'messages/message-log.js'),
  ]);
  const log = new MessageLog();
  const files = diskFiles(exampleDir);
  const loaded = loadBriefing(files, log);
  const datasets = await loadDatasets(files, loaded.meta.data, log);
  const docs = proseStage(loaded.prose, { meta: loaded.meta, datasets, params: {}, period: null, helpers: builtinHelpers }, log);
  if (log.hasErrors) throw new Error(`cannot evaluate ${exampleDir}: ${log.messages.map((m) => m.reason).join('; ')}`);
  const chart = /^::chart\{[^}]*caption="([^"]*)"[^}]*\}\s*$/gm;
  const body = docs.map((d) => d.markdown.replace(chart, (_, caption) => `*Figure: ${caption} (chart not drawn)*`)).join('\n\n');
  const { title, subtitle } = loaded.meta;
  return `# ${title}\n\n${subtitle ? `**${subtitle}**\n\n` : ''}${body}\n`;
}

const LAUNCH = { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--headless'] };

async function invoke(cli, names, workDir) {
  const run = await runMeasured(process.execPath, [cli, '--launch-options', JSON.stringify(LAUNCH), ...names], { cwd: workDir });
  const pdfs = names.filter((name) => existsSync(join(workDir, name.replace(/\.md$/, '.pdf')))).length;
  return { ...run, pdfs };
}

const perMinute = (n, seconds) => Math.round((n / seconds) * 60 * 10) / 10;

/**
 * Writes `n` copies of `markdown` into `workDir` and converts them with ONE md-to-pdf process, as
 * asked. md-to-pdf starts every file at once (one tab each, no limit) under Puppeteer's 30 s
 * navigation timeout, so on a small or busy machine that single run can lose files to timeouts.
 * That failure is recorded as found; then, so there is still a throughput to compare, the same
 * files are converted again by sequential invocations of `chunk` files each, and the row says so.
 */
export async function runPeer(cli, markdown, n, workDir, { chunk = 5 } = {}) {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const names = Array.from({ length: n }, (_, i) => `doc-${String(i + 1).padStart(2, '0')}.md`);
  for (const name of names) writeFileSync(join(workDir, name), markdown);
  const cpu = (runs) => {
    if (runs.some((r) => r.cpuSeconds === undefined)) return {};
    const cpuSeconds = Math.round(runs.reduce((sum, r) => sum + r.cpuSeconds, 0) * 100) / 100;
    return { cpuSeconds, cpuSecondsPerDocument: Math.round((cpuSeconds / n) * 100) / 100 };
  };
  const memory = (runs) => ({
    nodePeakRssMiB: Math.max(...runs.map((r) => r.nodePeakRssMiB)),
    treePeakPssMiB: Math.max(...runs.map((r) => r.treePeakPssMiB)),
    maxProcesses: Math.max(...runs.map((r) => r.maxProcesses)),
  });
  const one = await invoke(cli, names, workDir);
  const seconds = Math.round(one.seconds * 100) / 100;
  if (one.code === 0 && one.pdfs === n) {
    return { version: PEER_VERSION, documents: n, mode: 'one invocation', seconds, perMinute: perMinute(n, one.seconds), ...cpu([one]), ...memory([one]) };
  }
  const reason = /TimeoutError[^\n]*/.exec(one.stderr)?.[0] ?? one.stderr.trim().split('\n').pop();
  const oneInvocation = { seconds, pdfs: one.pdfs, exitCode: one.code, reason };
  for (const f of readdirSync(workDir)) if (f.endsWith('.pdf')) rmSync(join(workDir, f));
  const runs = [];
  for (let i = 0; i < n; i += chunk) runs.push(await invoke(cli, names.slice(i, i + chunk), workDir));
  // A file lost even then (its tab timed out) gets one invocation of its own, and the time counts.
  const missing = () => names.filter((name) => !existsSync(join(workDir, name.replace(/\.md$/, '.pdf'))));
  const lost = missing();
  for (const name of lost) runs.push(await invoke(cli, [name], workDir));
  const total = runs.reduce((sum, r) => sum + r.seconds, 0);
  const failed = runs.filter((r) => r.code !== 0 || r.stderr.trim() !== '').at(-1);
  if (missing().length > 0) throw new Error(`md-to-pdf made ${n - missing().length}/${n} PDFs even ${chunk} at a time and one by one:\n${failed?.stderr.slice(-2000) ?? ''}`);
  const retried = lost.length > 0 ? `, ${lost.length} lost then and converted alone` : '';
  return {
    version: PEER_VERSION,
    documents: n,
    mode: `${runs.length - lost.length} sequential invocations of ${chunk}${retried}`,
    oneInvocation,
    seconds: Math.round(total * 100) / 100,
    perMinute: perMinute(n, total),
    ...cpu(runs),
    ...memory(runs),
  };
}
