/**
 * Run as its own fresh process by cold-start.js: does what `brief build <dir> --format html` does,
 * step by step, and prints how long each step took as JSON on stdout. A wall-clock total alone
 * cannot say whether a slow cold start is Node, module loading, one-time setup (fonts, schema,
 * canvas) or the render itself; these phases can. A second, warm render in the same process shows
 * how much of the first render was one-time cost.
 *
 * Usage: node bench/cold-probe.js <briefing-dir> <out-dir>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

// performance.now() counts from the process's time origin: this first reading is Node's own start-up.
const boot = performance.now();
const [dir, out] = process.argv.slice(2);
const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
const phases = { nodeStartup: boot };
const step = async (name, fn) => {
  const start = performance.now();
  const value = await fn();
  phases[name] = performance.now() - start;
  return value;
};

// The CLI's module graph: main.js statically imports every command and, through them, the pipeline.
await step('importCli', () => dist('cli/main.js'));
const api = await step('importRest', async () => ({
  ...(await dist('pipeline/render-briefing.js')),
  ...(await dist('edges/files/disk-files.js')),
  ...(await dist('pipeline/templates/disk-template-library.js')),
  ...(await dist('cli/commands/build.js')),
  ...(await dist('features/build/build-batch.js')),
  ...(await dist('paths.js')),
  ...(await dist('edges/fonts/font-store.js')),
}));
const templates = await step('templateLibrary', async () => api.diskTemplateLibrary(api.TEMPLATES_DIR, await api.loadTemplateHelpers(api.TEMPLATES_DIR)));
const fonts = await step('fontStore', () => api.fontsourceStore());
const renderOnce = () => api.renderBriefing({ files: api.diskFiles(dir, dir), templates, fonts, now: () => performance.now() });
const first = await step('firstRender', renderOnce);
await step('write', () => {
  mkdirSync(join(out, 'cold-probe'), { recursive: true });
  writeFileSync(join(out, 'cold-probe', 'index.html'), first.html);
});
const totalBeforeWarm = performance.now();
const second = await step('secondRender', renderOnce);
process.stdout.write(`${JSON.stringify({ phases, totalToWritten: totalBeforeWarm, firstStages: first.timings, secondStages: second.timings })}\n`);
