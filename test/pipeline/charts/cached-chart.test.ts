import { describe, expect, it } from 'vitest';
import { memoryFiles } from '../../../src/edges/files/briefing-files.js';
import { MessageLog } from '../../../src/messages/message-log.js';
import { chartKey, renderChartCached, type ChartCache } from '../../../src/pipeline/charts/cached-chart.js';
import { defaultChartTheme } from '../../../src/pipeline/charts/chart-theme.js';
import type { ChartRequest } from '../../../src/pipeline/charts/render-chart.js';
import { renderBriefing } from '../../../src/pipeline/render-briefing.js';
import { templates } from '../../support/render-folder.js';
import { countingCache, CSV, datasetsOf, FILE } from './helpers.js';

/** One-pixel PNGs, red and blue. */
const RED = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');
const BLUE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/5ncLrgAAAABJRU5ErkJggg==', 'base64');

/** Three charts: a file bound to a dataset (with a Vega-Lite warning), a file reading data/ by url, an inline image mark. */
const FOLDER: Record<string, string | Uint8Array> = {
  'brief.md': [
    '---\ntitle: Cached charts\n---\n\nIntro.\n\n## Charts\n',
    '::chart{src="charts/sales.vl.json" caption="Units per month"}\n',
    '::chart{src="charts/prices.vl.json" caption="Prices"}\n',
    '```vega-lite caption="Logo"',
    JSON.stringify({ description: 'A dot.', data: { values: [{ u: 'images/dot.png' }] }, mark: { type: 'image', width: 8, height: 8 }, encoding: { url: { field: 'u', type: 'nominal' } } }),
    '```\n',
  ].join('\n'),
  'data/sales.csv': 'month,units,region\nJan,3,EU\nFeb,5,US\n',
  'data/prices.csv': 'lab,price\nDeepSeek,0.55\nMeta,0.9\n',
  'charts/sales.vl.json': JSON.stringify({
    description: 'Units per month.', data: { name: 'sales' }, mark: 'bar',
    encoding: { x: { field: 'month', type: 'ordinal' }, y: { field: 'units', type: 'quantitative' }, shape: { field: 'region', type: 'nominal' } },
  }, null, 2),
  'charts/prices.vl.json': JSON.stringify({ description: 'Prices.', data: { url: 'data/prices.csv' }, mark: 'bar', encoding: { x: { field: 'lab', type: 'nominal' }, y: { field: 'price', type: 'quantitative' } } }),
  'images/dot.png': RED,
};

const build = (entries: Record<string, string | Uint8Array>, cache?: ChartCache) =>
  renderBriefing({ files: memoryFiles(entries, 'content/cached'), templates, ...(cache ? { chartCache: cache } : {}) });

describe('the chart cache', () => {
  it('gives byte-identical pages and the same messages as an uncached build, and draws nothing twice', async () => {
    const uncached = await build(FOLDER);
    expect(uncached.html).toBeDefined();
    expect(uncached.figures).toHaveLength(3);
    expect(uncached.messages.map((m) => m.ruleId)).toContain('chart-warning');
    const counting = countingCache();
    const first = await build(FOLDER, counting.cache);
    const second = await build(FOLDER, counting.cache);
    expect(counting.drawn()).toBe(3);
    expect(counting.reused()).toBe(3);
    for (const cached of [first, second]) {
      expect(cached.html).toBe(uncached.html);
      expect(cached.messages).toEqual(uncached.messages);
      expect(cached.figures).toEqual(uncached.figures);
    }
  });

  it.each([
    ['a dataset row', { 'data/sales.csv': 'month,units,region\nJan,3,EU\nFeb,6,US\n' }],
    ['a data file read by url', { 'data/prices.csv': 'lab,price\nDeepSeek,0.56\nMeta,0.9\n' }],
    ['a chart spec', { 'charts/prices.vl.json': String(FOLDER['charts/prices.vl.json']).replace('"bar"', '"point"') }],
    ['an image a chart embeds', { 'images/dot.png': BLUE }],
  ])('redraws exactly the chart whose input changed: %s', async (_what, change) => {
    const counting = countingCache();
    await build(FOLDER, counting.cache);
    const changed = { ...FOLDER, ...change };
    const rebuilt = await build(changed, counting.cache);
    expect(counting.drawn()).toBe(4);
    expect(rebuilt.html).toBe((await build(changed)).html);
    expect(rebuilt.html).not.toBe((await build(FOLDER)).html);
  });

  it('keys a chart by everything that changes its drawing, and refuses to key one with binding errors', () => {
    const files = memoryFiles(CSV, 'brief');
    const spec = JSON.stringify({ data: { name: 'releases' }, mark: 'bar', encoding: { x: { field: 'model', type: 'nominal' } } });
    const base: ChartRequest = { source: { file: FILE, text: spec }, files, datasets: datasetsOf(files, Object.keys(CSV)), theme: defaultChartTheme };
    const key = chartKey(base);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(chartKey({ ...base })).toBe(key);
    const variants: ChartRequest[] = [
      { ...base, theme: { ...defaultChartTheme, fontFamily: 'Noto Sans SC' } },
      { ...base, theme: { ...defaultChartTheme, palette: ['#000000'] } },
      { ...base, params: { region: 'EU' } },
      { ...base, lang: 'zh' },
      { ...base, interactive: true },
      { ...base, source: { file: FILE, text: spec, origin: { line: 3, column: 1 } } },
      { ...base, source: { file: 'brief/charts/b.vl.json', text: spec } },
      { ...base, datasets: datasetsOf(memoryFiles({ 'data/releases.csv': 'model\nR2\n' }, 'brief'), ['data/releases.csv']) },
    ];
    const keys = variants.map(chartKey);
    expect(new Set([key, ...keys]).size).toBe(variants.length + 1);
    expect(chartKey({ ...base, source: { file: FILE, text: spec.replace('releases', 'nope') } })).toBeUndefined();
    expect(chartKey({ ...base, source: { file: FILE, text: '{"mark": ' } })).toBeUndefined();
  });

  it('redraws for another theme, and caches no chart that had errors', async () => {
    const files = memoryFiles(CSV, 'brief');
    const request = (theme = defaultChartTheme, field = 'model'): ChartRequest => ({
      source: { file: FILE, text: JSON.stringify({ data: { name: 'releases' }, mark: 'bar', encoding: { x: { field, type: 'nominal' } } }) },
      files, datasets: datasetsOf(files, Object.keys(CSV)), theme,
    });
    const counting = countingCache();
    const plain = await renderChartCached(request(), new MessageLog(), counting.cache);
    const dark = await renderChartCached(request({ ...defaultChartTheme, palette: ['#000000'], textColor: '#000000' }), new MessageLog(), counting.cache);
    expect(counting.drawn()).toBe(2);
    expect(dark?.svg).not.toBe(plain?.svg);
    const log = new MessageLog();
    // A field the data lacks binds (so it has a key) but fails the field check: an error, never cached.
    expect(await renderChartCached(request(defaultChartTheme, 'modle'), log, counting.cache)).toBeUndefined();
    expect(log.hasErrors).toBe(true);
    expect(counting.drawn()).toBe(2);
  });
});
