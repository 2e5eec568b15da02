#!/usr/bin/env node
/**
 * Chart corpus sweep (not part of `npm test`): renders every Vega-Lite spec of a folder as a
 * one-chart briefing, with the data files it names copied into the briefing's data/, and compares
 * with plain Vega rendering the same spec from the same files. Needs `npm run build` first.
 *
 *   node scripts/chart-corpus.mjs --specs <dir of *.vl.json> --data <dir with data/…> [--json out.json] [--only name]
 *
 * Real specs come from github:vega/vega-lite (examples/specs) and their data from
 * github:vega/vega-datasets (data/); neither is committed here. A spec "renders" under plain Vega
 * when it compiles, runs and serialises to SVG without an error-level log (a failed load logs
 * one); under Briefsmith when the page is built with its figure. Drawn mark items (elements
 * inside `role-mark` groups of the SVG) are counted for both, so "rendered" means the same marks.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as vega from 'vega';
import { compile } from 'vega-lite';

const root = resolve(import.meta.dirname, '..');
const { renderBriefing } = await import(join(root, 'dist/pipeline/render-briefing.js'));
const { memoryFiles } = await import(join(root, 'dist/edges/files/briefing-files.js'));
const { diskTemplateLibrary } = await import(join(root, 'dist/pipeline/templates/disk-template-library.js'));
const { TEMPLATES_DIR } = await import(join(root, 'dist/paths.js'));

const { values } = parseArgs({
  options: { specs: { type: 'string' }, data: { type: 'string' }, json: { type: 'string' }, only: { type: 'string' } },
});
if (!values.specs || !values.data) {
  console.error('usage: node scripts/chart-corpus.mjs --specs <dir> --data <dir containing data/> [--json out.json] [--only name]');
  process.exit(2);
}
const dataRoot = resolve(values.data);
const templates = diskTemplateLibrary(TEMPLATES_DIR);

/** Strings like "data/cars.json" anywhere in the spec that name an existing file: data urls and image paths. */
function namedFiles(spec) {
  const found = new Set();
  const walk = (node) => {
    if (typeof node === 'string') {
      if (/^data\/[\w.-]+$/.test(node) && existsSync(join(dataRoot, node))) found.add(node);
    } else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(spec);
  return [...found];
}

/** Elements drawn inside data-mark groups (not axes, legends or titles). */
function drawnItems(svg) {
  let count = 0;
  for (const m of svg.matchAll(/<g class="mark-(\w+) role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/g)) {
    if (m[1] === 'group') continue;
    count += (m[2].match(/<(path|rect|circle|line|image|text)\b/g) ?? []).length;
  }
  return count;
}

async function plainVega(spec) {
  const errors = [];
  try {
    const vg = compile(spec, { logger: vega.logger(vega.None) }).spec;
    // Errors, and a failed load (which Vega logs as a warning), mean the chart is not what was written.
    const logger = vega.logger(vega.Warn, undefined, (method, level, args) => {
      const text = args.map(String).join(' ');
      if (method === 'error' || text.startsWith('Loading failed')) errors.push(text);
    });
    // Local files only: a remote url fails here as it would with the network off.
    const files = vega.loader({ baseURL: `${dataRoot}/`, mode: 'file' });
    const loader = Object.assign(Object.create(files), { http: (url) => Promise.reject(new Error(`no network (${url})`)) });
    const view = new vega.View(vega.parse(vg), { renderer: 'none', logger, logLevel: vega.Warn, loader });
    await view.runAsync();
    const svg = await view.toSVG();
    view.finalize();
    return errors.length > 0 ? { ok: false, error: errors[0] } : { ok: true, items: drawnItems(svg) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

async function briefsmith(name, text, spec) {
  const entries = {
    'brief.md': `---\ntitle: Corpus ${name}\n---\n\n::chart{src="charts/${name}" caption="${name}"}\n`,
    [`charts/${name}`]: text,
  };
  for (const file of namedFiles(spec)) entries[file] = readFileSync(join(dataRoot, file));
  try {
    const result = await renderBriefing({ files: memoryFiles(entries, 'corpus'), templates });
    const errors = result.messages.filter((m) => m.severity === 'error');
    const warnings = result.messages.filter((m) => m.severity === 'warning' && !['chart-no-description', 'figure-no-caption'].includes(m.ruleId));
    const figure = result.figures[0];
    if (!result.html || !figure) return { ok: false, error: errors[0] ? `[${errors[0].ruleId}] ${errors[0].reason}` : 'no figure', warnings: warnings.length };
    return { ok: true, items: drawnItems(figure.chart.svg), warnings: warnings.length, warningRules: [...new Set(warnings.map((w) => w.ruleId))] };
  } catch (e) {
    return { ok: false, error: `crash: ${e instanceof Error ? e.message : String(e)}`, warnings: 0 };
  }
}

const names = readdirSync(values.specs).filter((f) => f.endsWith('.vl.json') && (!values.only || f.includes(values.only))).sort();
const rows = [];
for (const name of names) {
  const text = readFileSync(join(values.specs, name), 'utf8');
  const spec = JSON.parse(text);
  const plain = await plainVega(spec);
  const ours = await briefsmith(name, text, spec);
  rows.push({ name, plain, ours });
}

const plainOk = rows.filter((r) => r.plain.ok);
const bothOk = plainOk.filter((r) => r.ours.ok);
const sameMarks = bothOk.filter((r) => r.ours.items === r.plain.items);
const classes = new Map();
for (const r of plainOk.filter((r) => !r.ours.ok)) {
  const key = r.ours.error.replace(/"[^"]*"/g, '"…"').slice(0, 90);
  classes.set(key, [...(classes.get(key) ?? []), r.name]);
}
const pct = (a, b) => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
console.log(`specs: ${rows.length}; plain Vega renders ${plainOk.length}`);
console.log(`Briefsmith renders ${bothOk.length} of those (${pct(bothOk.length, plainOk.length)}); same drawn mark count: ${sameMarks.length}`);
console.log(`with warnings: ${bothOk.filter((r) => r.ours.warnings > 0).length}`);
console.log(`Briefsmith renders where plain Vega does not: ${rows.filter((r) => !r.plain.ok && r.ours.ok).length}`);
console.log('\nfailure classes (where plain Vega renders):');
for (const [key, list] of [...classes].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`${String(list.length).padStart(4)}  ${key}\n        ${list.slice(0, 4).join(', ')}${list.length > 4 ? ', …' : ''}`);
}
const differing = bothOk.filter((r) => r.ours.items !== r.plain.items);
if (differing.length > 0) {
  console.log('\ndrawn mark counts differ:');
  for (const r of differing) console.log(`  ${r.name}: plain ${r.plain.items}, Briefsmith ${r.ours.items}`);
}
const plainFails = rows.filter((r) => !r.plain.ok);
if (plainFails.length > 0) console.log(`\nplain Vega fails: ${plainFails.map((r) => `${r.name} (${r.plain.error.slice(0, 60)})`).join('; ')}`);
if (values.json) writeFileSync(values.json, JSON.stringify(rows, null, 1));
