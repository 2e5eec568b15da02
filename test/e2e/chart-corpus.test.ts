import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../../src/edges/browser/launch-browser.js';
import { PdfPrinter } from '../../src/edges/pdf/pdf-printer.js';
import { pdfMetadata } from '../../src/features/build/build-briefing.js';
import type { RenderResult } from '../../src/pipeline/render-briefing.js';
import { drawingOps, pageTexts, pdfFile } from '../support/pdf-tools.js';
import { renderFolder } from '../support/render-folder.js';

const CORPUS = 'test/fixtures/chart-corpus';

interface Case {
  /** Items drawn in the chart's data marks, by mark type (the counts plain Vega draws). */
  marks: Record<string, number>;
  /** Rule ids of the warnings the briefing gets. */
  warnings: string[];
  /** Text of the chart that the PDF must carry. */
  text: string;
  /** Rows of the chart's data table. */
  rows: number;
  /** Images painted in the PDF. */
  images?: number;
}

/** One briefing per class of chart that used to be refused (see the corpus README). */
const CASES: Record<string, Case> = {
  selection: { marks: { rect: 2, symbol: 10 }, warnings: ['chart-no-description'], text: 'price', rows: 5 },
  'empty-filter-boxplot': { marks: { symbol: 2, rule: 2, rect: 4 }, warnings: ['chart-warning'], text: 'b', rows: 2 },
  choropleth: { marks: { shape: 179 }, warnings: [], text: 'Releases in the timeline', rows: 3 },
  'image-mark': { marks: { image: 3 }, warnings: [], text: 'score', rows: 3, images: 3 },
  'nested-field-table': { marks: { rect: 30 }, warnings: ['chart-no-description'], text: 'Satisfaction', rows: 5 },
  'schema-vs-compiler': { marks: { rect: 6 }, warnings: ['chart-schema'], text: 'plotValue', rows: 6 },
  'image-in-data': { marks: { text: 3 }, warnings: [], text: 'data/green.png', rows: 3 },
};

/** Elements drawn inside the SVG's data-mark groups, by mark type (axes, legends and titles left out). */
function drawnMarks(svg: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of svg.matchAll(/<g class="mark-(\w+) role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/g)) {
    const type = m[1] ?? '';
    if (type === 'group') continue;
    counts[type] = (counts[type] ?? 0) + (m[2]?.match(/<(path|rect|circle|line|image|text)\b/g) ?? []).length;
  }
  return counts;
}

describe('chart corpus: each class of chart builds to HTML and PDF, drawn', () => {
  let chromium: LaunchedBrowser;
  const results = new Map<string, RenderResult>();

  beforeAll(async () => {
    for (const name of Object.keys(CASES)) results.set(name, await renderFolder(`${CORPUS}/${name}`, name));
    chromium = await launchBrowser();
  });

  afterAll(() => chromium?.close());

  it.each(Object.entries(CASES))('%s', async (name, expected) => {
    const result = results.get(name);
    expect(result?.messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(result?.messages.map((m) => m.ruleId)).toEqual(expected.warnings);
    const figure = result?.figures[0];
    expect(drawnMarks(figure?.chart.svg ?? '')).toEqual(expected.marks);
    expect(figure?.chart.table.rows).toHaveLength(expected.rows);

    if (!result?.html || !result.meta || !result.template) throw new Error(`${name} did not render`);
    const printed = await new PdfPrinter(chromium.browser).print({ html: result.html, page: result.template.page, meta: pdfMetadata(result.meta) });
    expect(printed.blocked).toEqual([]);
    expect(pageTexts(pdfFile(printed.pdf), printed.layout.pageCount).join('\n')).toContain(expected.text);
    const ops = await drawingOps(printed.pdf);
    const shapes = Object.entries(expected.marks).filter(([type]) => type !== 'text' && type !== 'image').reduce((n, [, count]) => n + count, 0);
    expect(ops.paths).toBeGreaterThanOrEqual(shapes);
    expect(ops.images).toBe(expected.images ?? 0);
  });

  it('brushes the interactive selection chart in Chromium: the linked view keeps only the brushed points', async () => {
    const html = results.get('selection')?.html ?? '';
    const page = await chromium.browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    try {
      // Tall enough to show the chart without scrolling (the theme scrolls smoothly, which would move it under the pointer).
      await page.setViewport({ width: 1100, height: 1400 });
      await page.setContent(html, { waitUntil: 'load' });
      await page.waitForSelector('[data-bs-live-drawn] .bs-live svg');
      const linked = () => page.$$eval('.bs-live .mark-symbol.role-mark', (groups) => groups.map((g) => g.querySelectorAll('path').length));
      expect(await linked()).toEqual([5, 5]);
      const points = await page.$$eval('.bs-live .mark-symbol.role-mark', (groups) =>
        [...(groups[0]?.querySelectorAll('path') ?? [])].map((p) => {
          const box = p.getBoundingClientRect();
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        }),
      );
      expect(points).toHaveLength(5);
      const xs = points.map((p) => p.x).sort((a, b) => a - b);
      // Drag across the second and third points (from between the first two to between the third and fourth).
      const y = Math.max(...points.map((p) => p.y)) + 5;
      await page.mouse.move(((xs[0] ?? 0) + (xs[1] ?? 0)) / 2, y);
      await page.mouse.down();
      await page.mouse.move(((xs[2] ?? 0) + (xs[3] ?? 0)) / 2, y, { steps: 5 });
      await page.mouse.up();
      await page.waitForFunction(() => document.querySelectorAll('.bs-live .mark-symbol.role-mark')[1]?.querySelectorAll('path').length === 2);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
