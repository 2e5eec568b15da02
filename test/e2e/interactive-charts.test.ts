import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../../src/edges/browser/launch-browser.js';
import { memoryFiles } from '../../src/edges/files/briefing-files.js';
import { fontsourceStore } from '../../src/edges/fonts/font-store.js';
import { PdfPrinter } from '../../src/edges/pdf/pdf-printer.js';
import { pdfMetadata } from '../../src/features/build/build-briefing.js';
import { renderBriefing, type RenderResult } from '../../src/pipeline/render-briefing.js';
import { pageTexts, pdfFile } from '../support/pdf-tools.js';
import { templates } from '../support/render-folder.js';

const EXAMPLE = 'content/deepseek-moment';

/** The example's files, with `interactive` set in its front matter or not. */
function example(interactive: boolean): Record<string, Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else entries[relative(EXAMPLE, path)] = readFileSync(path);
    }
  };
  walk(EXAMPLE);
  if (interactive) {
    const brief = Buffer.from(entries['brief.md'] ?? '').toString('utf8');
    entries['brief.md'] = Buffer.from(brief.replace(/^template: briefing$/m, 'template: briefing\ninteractive: true'));
  }
  return entries;
}

const render = (interactive: boolean) => renderBriefing({ files: memoryFiles(example(interactive), EXAMPLE), templates, fonts: fontsourceStore() });

/** Opens a page in Chromium with the network off: any request other than a data: URI fails and is recorded. */
async function openOffline(chromium: LaunchedBrowser, html: string) {
  const page = await chromium.browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('pageerror', (e) => void problems.push(String(e)));
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (r.url().startsWith('data:')) return void r.continue();
    problems.push(`request: ${r.url()}`);
    void r.abort('internetdisconnected');
  });
  await page.emulateNetworkConditions({ offline: true, download: 0, upload: 0, latency: 0 });
  await page.setViewport({ width: 1100, height: 900 });
  await page.setContent(html, { waitUntil: 'load' });
  return { page, problems };
}

describe('interactive charts: the example with `interactive: true`', () => {
  let chromium: LaunchedBrowser;
  let live: RenderResult;
  let still: RenderResult;
  let html: string;

  beforeAll(async () => {
    [live, still] = await Promise.all([render(true), render(false)]);
    html = live.html ?? '';
    chromium = await launchBrowser();
  });

  afterAll(() => chromium?.close());

  it('builds as cleanly as without the option; without it the page has no script at all', () => {
    expect(live.messages).toEqual(still.messages);
    expect(still.html).not.toMatch(/<script/i);
    expect(still.html).not.toContain('Content-Security-Policy');
  });

  it('inlines the runtime once, allowed by its hash and nothing else, and each chart’s data next to its static SVG', () => {
    const runtimes = [...html.matchAll(/<script data-bs-chart-runtime>([\s\S]*?)<\/script>/g)];
    expect(runtimes).toHaveLength(1);
    const hash = createHash('sha256').update(runtimes[0]?.[1] ?? '').digest('base64');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    expect(policy).toBe(`default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'`);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.filter((s) => s !== '<script data-bs-chart-runtime>')).toEqual(live.figures.map(() => '<script type="application/json" data-bs-live>'));
    for (const figure of live.figures) {
      const markup = html.slice(html.indexOf(`<figure class="chart" id="${figure.id}"`), html.indexOf('</figure>', html.indexOf(`id="${figure.id}"`)));
      expect(markup).toMatch(/<div class="chart-graphic"><svg[^>]*role="img"[\s\S]*<\/svg><script type="application\/json" data-bs-live>/);
    }
  });

  it('draws every chart live in Chromium with the network off; hovering a mark shows a Vega tooltip; no console error', async () => {
    const { page, problems } = await openOffline(chromium, html);
    try {
      await page.waitForFunction((n) => document.querySelectorAll('[data-bs-live-drawn]').length === n, { timeout: 15_000 }, live.figures.length);
      const mark = await page.$('#fig-timeline [data-bs-live-drawn] .bs-live .mark-symbol path');
      expect(mark).not.toBeNull();
      await mark?.scrollIntoView();
      const box = await mark?.boundingBox();
      if (!box) throw new Error('the timeline’s first point has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForSelector('#vg-tooltip-element.visible', { timeout: 5_000 });
      const tooltip = await page.$eval('#vg-tooltip-element', (el) => el.textContent ?? '');
      expect(tooltip).toContain('DeepSeek-R1 (MIT licence)');
      expect(tooltip).toContain('深度求索');
      // The static SVG is hidden on screen once the live chart is drawn, and comes back for print.
      const shown = (page: Page) => page.$eval('#fig-timeline .chart-graphic > svg', (el) => getComputedStyle(el).display);
      expect(await shown(page)).toBe('none');
      await page.emulateMediaType('print');
      expect(await shown(page)).toBe('block');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('prints the same PDF text and pages as the static page, with no script in it', async () => {
    const printer = new PdfPrinter(chromium.browser);
    const print = (result: RenderResult) => {
      if (!result.html || !result.meta || !result.template) throw new Error('the example did not render');
      return printer.print({ html: result.html, page: result.template.page, meta: pdfMetadata(result.meta) });
    };
    const [a, b] = [await print(live), await print(still)];
    expect(a.layout.pageCount).toBe(b.layout.pageCount);
    expect(a.blocked).toEqual([]);
    expect(pageTexts(pdfFile(a.pdf), a.layout.pageCount)).toEqual(pageTexts(pdfFile(b.pdf), b.layout.pageCount));
    expect(Buffer.from(a.pdf).toString('latin1')).not.toMatch(/\/(JavaScript|JS|OpenAction|AA)\b/);
  });

  it('sanitizes all author script: only the chart runtime runs, and an inline spec’s chart is live', async () => {
    const spec = JSON.stringify({ description: 'Two bars', data: { values: [{ a: 'x', b: 1 }, { a: 'y', b: 2 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } } });
    const brief = [
      '---\ntitle: Hostile\ninteractive: true\n---',
      'Text <script>window.pwned = 1</script><img src="data:image/png;base64,AAAA" onerror="window.pwned = 2"> and <a href="javascript:window.pwned = 3">a link</a>.',
      `\`\`\`vega-lite caption="Bars"\n${spec}\n\`\`\``,
    ].join('\n\n');
    const result = await renderBriefing({ files: memoryFiles({ 'brief.md': brief }, 'hostile'), templates });
    const html = result.html ?? '';
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script type="application/json" data-bs-live>', '<script data-bs-chart-runtime>']);
    // (The runtime itself mentions `onerror`: Vega sets it on the images it loads.)
    expect(html.replace(/<script data-bs-chart-runtime>[\s\S]*?<\/script>/, '')).not.toMatch(/pwned|onerror|javascript:/);
    const { page, problems } = await openOffline(chromium, html);
    try {
      await page.waitForSelector('[data-bs-live-drawn] .bs-live .mark-rect path');
      await page.click('main p a');
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
