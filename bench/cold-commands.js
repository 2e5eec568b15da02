#!/usr/bin/env node
/**
 * What a command costs cold, from spawn to exit, next to Node's own start and to importing vega +
 * vega-lite alone: `brief new` must not pay for charts, `brief check` not for the PDF printer.
 * Each command also runs once under the module recorder the tests use
 * (test/support/record-imports.mjs) to count the modules it loads and say whether vega or
 * puppeteer-core is among them. Runs dist/ (`npm run build` first).
 *
 *   node bench/cold-commands.js [runs]      (default 11; prints a Markdown table)
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.js';
import { runMeasured } from './process-stats.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 11);
const fresh = (name) => mkdtempSync(join(tmpdir(), `bench-${name}-`));

const CASES = [
  { name: 'node -e 0 (Node start, for reference)', args: () => ['-e', '0'] },
  { name: 'import vega + vega-lite (for reference)', args: () => ['--input-type=module', '-e', "await import('vega'); await import('vega-lite');"] },
  { name: 'brief --version', args: () => ['bin/brief.js', '--version'] },
  { name: 'brief new x', args: () => ['bin/brief.js', 'new', 'x', '--dir', fresh('new')] },
  { name: 'brief check content/deepseek-moment', args: () => ['bin/brief.js', 'check', 'content/deepseek-moment'] },
];

async function modulesOf(args) {
  const log = join(fresh('imports'), 'modules.txt');
  const run = await runMeasured(process.execPath, ['--import', './test/support/record-imports.mjs', ...args], { cwd: repo, env: { BRIEF_IMPORT_LOG: log } });
  if (run.code !== 0) throw new Error(`${args.join(' ')} exited ${run.code}:\n${run.stderr}`);
  // `node -e` loads no module file, so nothing may be recorded.
  const urls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  const has = (pattern) => (urls.some((url) => pattern.test(url)) ? 'yes' : 'no');
  return { count: urls.length, vega: has(/\/node_modules\/vega(-lite)?\//), puppeteer: has(/\/node_modules\/puppeteer-core\//) };
}

const rows = [];
const load = [loadavg()[0]];
for (const { name, args } of CASES) {
  process.stderr.write(`${name} …\n`);
  await runMeasured(process.execPath, args(), { cwd: repo }); // warms the file cache
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const run = await runMeasured(process.execPath, args(), { cwd: repo });
    if (run.code !== 0) throw new Error(`${name} exited ${run.code}:\n${run.stderr}`);
    wall.push(run.seconds * 1000);
    if (run.cpuSeconds !== undefined) cpu.push(run.cpuSeconds * 1000);
  }
  const modules = await modulesOf(args());
  rows.push(`| ${name} | ${Math.round(median(wall))} ms | ${cpu.length > 0 ? `${Math.round(median(cpu))} ms` : 'n/a'} | ${modules.count} | ${modules.vega} | ${modules.puppeteer} |`);
}
load.push(loadavg()[0]);
console.log(`Medians of ${runs} cold runs each; load average ${load.map((x) => x.toFixed(1)).join(' → ')}.\n`);
console.log('| command | wall | CPU (user + sys) | modules loaded | vega | puppeteer-core |');
console.log('| --- | ---: | ---: | ---: | --- | --- |');
for (const row of rows) console.log(row);
