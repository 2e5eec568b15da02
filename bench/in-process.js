/**
 * Measurements (a)–(c), run inside this Node process against dist/ (what `brief` runs):
 *   (a) renderBriefing with embedded fonts, warm;
 *   (b) renderBriefing + PdfPrinter.print, with one warm browser;
 *   (c) the floor: Chromium alone printing the same final HTML with the same page.pdf options.
 * (b) and (c) alternate within one loop so that load from other jobs on the machine hits both
 * alike and the ratio (b)/(c) stays meaningful even when the absolute numbers drift.
 */
import { performance } from 'node:perf_hooks';
import { summarize, sample } from './measure.js';

const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);

/** The public entry points the bench drives, loaded once (module loading is the cold-start bench's job). */
export async function loadApi() {
  const [{ renderBriefing }, { diskFiles }, { diskTemplateLibrary }, { TEMPLATES_DIR }, { fontsourceStore }, { memoryCache }, { memoryRenderCache }] = await Promise.all([
    dist('pipeline/render-briefing.js'),
    dist('edges/files/disk-files.js'),
    dist('pipeline/templates/disk-template-library.js'),
    dist('paths.js'),
    dist('edges/fonts/font-store.js'),
    dist('edges/cache/memory-cache.js'),
    dist('pipeline/render-cache.js'),
  ]);
  const [{ launchBrowser }, { PdfPrinter }, { pdfMetadata }, { pageGeometry }, { readPdfLayout }] = await Promise.all([
    dist('edges/browser/launch-browser.js'),
    dist('edges/pdf/pdf-printer.js'),
    dist('features/build/build-briefing.js'),
    dist('edges/pdf/page-geometry.js'),
    dist('edges/pdf/read-destinations.js'),
  ]);
  return {
    renderBriefing, diskFiles, launchBrowser, PdfPrinter, pdfMetadata, pageGeometry, readPdfLayout, memoryCache, memoryRenderCache,
    templates: diskTemplateLibrary(TEMPLATES_DIR),
    fonts: fontsourceStore(),
  };
}

/** One render of a briefing folder, as `brief build` does it; throws on content errors. */
async function render(api, dir, chartCache, renderCache) {
  const result = await api.renderBriefing({
    files: api.diskFiles(dir, dir), templates: api.templates, fonts: api.fonts, now: () => performance.now(),
    ...(chartCache ? { chartCache } : {}), ...(renderCache ? { renderCache } : {}),
  });
  if (!result.html) {
    const errors = result.messages.filter((m) => m.severity === 'error').map((m) => `${m.file}: ${m.reason}`);
    throw new Error(`cannot render ${dir}:\n${errors.join('\n')}`);
  }
  return result;
}

/**
 * (a): the in-memory HTML build (with `chartCache` and `renderCache`, (a'): charts, compiled
 * templates, prepared prose and parsed Markdown come from caches the warm-up run filled, as in the
 * preview or a batch when nothing changed). Stage timings of each measured run are kept to show where time
 * goes, and the process's CPU time per run, which other jobs on the machine stretch less than wall time.
 */
export async function measureHtml(api, dir, { runs, chartCache, renderCache }) {
  const stages = [];
  const cpu = [];
  const once = async () => {
    const before = process.cpuUsage();
    const result = await render(api, dir, chartCache, renderCache);
    const { user, system } = process.cpuUsage(before);
    return { result, cpuMs: (user + system) / 1000 };
  };
  const stats = await sample(once, {
    runs,
    onSample: ({ result, cpuMs }) => {
      stages.push(result.timings);
      cpu.push(cpuMs);
    },
  });
  const stageMedians = Object.fromEntries(Object.keys(stages[0]).map((k) => [k, summarize(stages.map((t) => t[k]), 'ms').median]));
  return { ...stats, cpu: summarize(cpu, 'ms'), stageMedians };
}

/**
 * The floor (c): exactly what PdfPrinter asks of Chromium once, nothing of ours around it. The HTML
 * gets the same injected @page rule PdfPrinter adds, so both print the same layout.
 */
async function printFloor(api, browser, html, page) {
  const tab = await browser.newPage();
  try {
    await tab.setJavaScriptEnabled(false);
    const withPage = html.replace(/<\/head>/i, `<style>${api.pageGeometry(page).css}</style></head>`);
    await tab.setContent(withPage, { waitUntil: 'load' });
    return await tab.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
  } finally {
    await tab.close();
  }
}

/**
 * (b) and (c), alternating, after one unmeasured round of each. (b) is split into its render and
 * print parts, and the number of prints PdfPrinter needed is kept (it re-prints when the predicted
 * table-of-contents page numbers were wrong). How long pdfjs takes to read one printed PDF back is
 * timed separately, since PdfPrinter does that after every print: together these explain (b)/(c).
 */
export async function measurePdf(api, browser, dir, { runs }) {
  const printer = new api.PdfPrinter(browser);
  const endToEnd = async () => {
    const start = performance.now();
    const result = await render(api, dir);
    const rendered = performance.now();
    const printed = await printer.print({ html: result.html, page: result.template.page, meta: api.pdfMetadata(result.meta) });
    const end = performance.now();
    return { total: end - start, render: rendered - start, print: end - rendered, printed, result };
  };
  const first = await endToEnd();
  const { html, template } = first.result;
  const floorOnce = async () => {
    const start = performance.now();
    await printFloor(api, browser, html, template.page);
    return performance.now() - start;
  };
  await floorOnce();
  const e2e = [];
  const floor = [];
  const readBack = [];
  for (let i = 0; i < runs; i++) {
    e2e.push(await endToEnd());
    floor.push(await floorOnce());
    const start = performance.now();
    await api.readPdfLayout(new Uint8Array(e2e[i].printed.pdf)); // a copy: pdfjs refuses Buffers
    readBack.push(performance.now() - start);
  }
  const last = e2e[e2e.length - 1].printed;
  return {
    pdf: {
      ...summarize(e2e.map((s) => s.total), 'ms'),
      renderMedian: summarize(e2e.map((s) => s.render), 'ms').median,
      printMedian: summarize(e2e.map((s) => s.print), 'ms').median,
      pdfjsReadMedian: summarize(readBack, 'ms').median,
      prints: e2e.map((s) => s.printed.prints),
      pages: last.layout.pageCount,
      bytes: last.pdf.length,
    },
    floor: summarize(floor, 'ms'),
  };
}
