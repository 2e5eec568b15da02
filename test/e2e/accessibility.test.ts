import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../../src/edges/browser/launch-browser.js';
import { duckdbEngine } from '../../src/edges/sql/duckdb-engine.js';
import { renderFolder } from '../support/render-folder.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  targets: string[];
}

/** axe-core (Deque's engine, as in Lighthouse) run in real Chromium on the built pages, at desktop and phone widths. */
describe('accessibility of the built pages (axe-core)', () => {
  let chromium: LaunchedBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(() => chromium?.close());

  async function violations(html: string, width: number): Promise<Violation[]> {
    const page = await chromium.browser.newPage();
    try {
      await page.setViewport({ width, height: 900 });
      await page.setContent(html, { waitUntil: 'load' });
      await page.addScriptTag({ content: AXE }); // the test's own script; the built page has none
      return await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe;
        const result = await axe.run(document);
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
      });
    } finally {
      await page.close();
    }
  }

  // The phone width is where content scrolls sideways; the long report is checked there only (axe takes seconds on it).
  it.each([
    ['the report example', 'content/deepseek-moment', [390]],
    ['the weekly example', 'content/open-model-weekly', [1280, 390]],
    ['the memo example', 'content/open-model-monthly', [1280, 390]],
  ])('%s has no serious or critical violation', async (_name, dir, widths) => {
    // The weekly example has a SQL dataset (queries/top_orgs.sql), answered by DuckDB over its folder.
    const queries = duckdbEngine(dir);
    const rendered = await renderFolder(dir, dir, queries).finally(() => queries.close());
    expect(rendered.html, dir).toBeDefined();
    for (const width of widths) {
      const found = await violations(rendered.html ?? '', width);
      expect(found.filter((v) => v.impact === 'serious' || v.impact === 'critical'), `${dir} at ${width}px`).toEqual([]);
    }
  });
});
