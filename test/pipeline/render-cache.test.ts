import { describe, expect, it } from 'vitest';
import type { KeyValueCache } from '../../src/edges/cache/key-value-cache.js';
import { memoryFiles } from '../../src/edges/files/briefing-files.js';
import { fontsourceStore } from '../../src/edges/fonts/font-store.js';
import { renderBriefing } from '../../src/pipeline/render-briefing.js';
import { memoryRenderCache, type RenderCache } from '../../src/pipeline/render-cache.js';
import { templates } from '../support/render-folder.js';

/**
 * Prose with everything the prose and markdown stages treat specially: expressions, helpers,
 * a block, Handlebars shown in code, a footnote across files, raw HTML, a table, a chart slot.
 */
const FOLDER: Record<string, string> = {
  'brief.md': [
    '---',
    'title: "Cached prose for {{params.region}}"',
    'params:',
    '  region: { type: string, default: EU }',
    '---',
    '',
    'Intro for {{params.region}}: {{num (sum "sales" "units")}} units.[^a]',
    '',
    '## Sales',
    '',
    '{{#each data.sales}}',
    '- {{month}}: {{units}}',
    '{{/each}}',
    '',
    'Shown as written: `{{not.a.variable}}` and m<sup>2</sup>.',
    '',
    '| month | units |',
    '| --- | --- |',
    '| Jan | 3 |',
    '',
    '```vega-lite caption="Units"',
    JSON.stringify({ description: 'Units per month.', data: { name: 'sales' }, mark: 'bar', encoding: { x: { field: 'month', type: 'ordinal' }, y: { field: 'units', type: 'quantitative' } } }),
    '```',
    '',
  ].join('\n'),
  'sections/02-outlook.md': '## Outlook\n\nNext month {{params.region}} grows.[^a]\n\n[^a]: A note with **bold** text.\n',
  'partials/cover.hbs': '<header class="cover"><h1 class="mine">{{meta.title}}</h1></header>',
  'data/sales.csv': 'month,units\nJan,3\nFeb,5\n',
};

/** A render cache that counts what each part compiled or parsed anew (every `set` is a miss). */
function countingRenderCache(): { cache: RenderCache; added: () => { templates: number; prose: number; markdown: number; datasets: number } } {
  const inner = memoryRenderCache();
  const counts = { templates: 0, prose: 0, markdown: 0, datasets: 0 };
  const counted = <T>(cache: KeyValueCache<T>, part: keyof typeof counts): KeyValueCache<T> => ({
    get: (key) => cache.get(key),
    set: (key, value) => {
      counts[part] += 1;
      cache.set(key, value);
    },
  });
  return {
    cache: {
      templates: counted(inner.templates, 'templates'),
      prose: counted(inner.prose, 'prose'),
      markdown: counted(inner.markdown, 'markdown'),
      datasets: counted(inner.datasets, 'datasets'),
    },
    added: () => ({ ...counts }),
  };
}

const fonts = fontsourceStore();
const build = (entries: Record<string, string>, renderCache?: RenderCache, params?: Record<string, string>) =>
  renderBriefing({ files: memoryFiles(entries, 'content/cached'), templates, fonts, ...(renderCache ? { renderCache } : {}), ...(params ? { params } : {}) });

describe('the render cache', () => {
  it('gives byte-identical pages, documents and messages, and compiles and parses nothing twice', async () => {
    const uncached = await build(FOLDER);
    expect(uncached.messages).toEqual([]);
    expect(uncached.html).toContain('<h1 class="mine">Cached prose for EU</h1>');
    expect(uncached.html).toContain('{{not.a.variable}}');
    const counting = countingRenderCache();
    const first = await build(FOLDER, counting.cache);
    const afterFirst = counting.added();
    // Two narrative files and the title are prepared; the layout, its partials and the figure partial compiled; two files parsed.
    expect(afterFirst.prose).toBe(3);
    expect(afterFirst.markdown).toBe(2);
    expect(afterFirst.datasets).toBe(1);
    expect(afterFirst.templates).toBeGreaterThan(2);
    const second = await build(FOLDER, counting.cache);
    expect(counting.added()).toEqual(afterFirst);
    for (const cached of [first, second]) {
      expect(cached.html).toBe(uncached.html);
      expect(cached.messages).toEqual(uncached.messages);
      expect(cached.figures).toEqual(uncached.figures);
      expect(cached.document?.citations).toEqual(uncached.document?.citations);
    }
  });

  it('prepares and parses again exactly the file whose text changed', async () => {
    const counting = countingRenderCache();
    await build(FOLDER, counting.cache);
    const before = counting.added();
    const changed = { ...FOLDER, 'sections/02-outlook.md': FOLDER['sections/02-outlook.md']!.replace('grows', 'shrinks') };
    const rebuilt = await build(changed, counting.cache);
    expect(counting.added()).toEqual({ ...before, prose: before.prose + 1, markdown: before.markdown + 1 });
    expect(rebuilt.html).toContain('Next month EU shrinks.');
    expect(rebuilt.html).toBe((await build(changed)).html);
  });

  it('reads a data file again only when its bytes change, and gives its messages again on every reuse', async () => {
    const counting = countingRenderCache();
    await build(FOLDER, counting.cache);
    const before = counting.added();
    const changed = { ...FOLDER, 'data/sales.csv': 'month,units\nJan,3\nFeb,7\n' };
    const rebuilt = await build(changed, counting.cache);
    expect(counting.added()).toEqual({ ...before, datasets: before.datasets + 1, markdown: before.markdown + 1 });
    expect(rebuilt.html).toContain('Intro for EU: 10 units.');
    expect(rebuilt.html).toBe((await build(changed)).html);
    // A short row: the data stage's error, and the dataset's uses muted, the same from the cache.
    const short = { ...FOLDER, 'data/sales.csv': 'month,units\nJan,3\nFeb\n' };
    const uncached = await build(short);
    expect(uncached.messages.map((m) => `${m.place?.line}:${m.ruleId}`)).toEqual(['3:data-parse']);
    for (let i = 0; i < 2; i++) expect((await build(short, counting.cache)).messages).toEqual(uncached.messages);
    // A copy of the briefing in another folder reuses the parse; its messages name its own file.
    const parsed = counting.added().datasets;
    const copy = await renderBriefing({ files: memoryFiles(short, 'content/copy'), templates, fonts, renderCache: counting.cache });
    expect(counting.added().datasets).toBe(parsed);
    expect(copy.messages).toEqual(uncached.messages.map((m) => ({ ...m, file: m.file.replace('content/cached/', 'content/copy/') })));
    expect(copy.messages[0]?.file).toBe('content/copy/data/sales.csv');
  });

  it('keeps cached rows frozen, so no render can change the data the next one reads', async () => {
    const cache = memoryRenderCache();
    await build(FOLDER, cache);
    const result = await build(FOLDER, cache);
    const rows = result.internals?.datasets.get('sales')?.rows;
    expect(rows?.length).toBe(2);
    expect(Object.isFrozen(rows)).toBe(true);
    expect(Object.isFrozen(rows?.[0])).toBe(true);
  });

  it('compiles a changed partial anew (and reads an unchanged data file from the cache)', async () => {
    const cache = memoryRenderCache();
    await build(FOLDER, cache);
    const changed = { ...FOLDER, 'partials/cover.hbs': '<header class="cover"><h1 class="theirs">{{meta.title}}</h1></header>' };
    const rebuilt = await build(changed, cache);
    expect(rebuilt.html).toContain('<h1 class="theirs">Cached prose for EU</h1>');
    expect(rebuilt.html).toBe((await build(changed)).html);
  });

  it('reuses a prepared file for other values, and parses again only the Markdown they change', async () => {
    const counting = countingRenderCache();
    await build(FOLDER, counting.cache);
    const before = counting.added();
    const other = await build(FOLDER, counting.cache, { region: 'US' });
    expect(counting.added()).toEqual({ ...before, markdown: before.markdown + 2 });
    expect(other.html).toContain('Next month US grows.');
    expect(other.html).toBe((await build(FOLDER, undefined, { region: 'US' })).html);
  });

  it('reports the same problems on every reuse: an unknown variable, an unknown helper, nesting too deep', async () => {
    const broken = {
      ...FOLDER,
      'sections/02-outlook.md': 'Next month {{params.regoin}} grows, {{shout "x"}}.[^a]\n\n[^a]: A note.\n',
      'sections/03-deep.md': `Deep:\n\n${'>'.repeat(300)} quote\n`,
    };
    const uncached = await build(broken);
    expect(uncached.messages.map((m) => m.ruleId).sort()).toEqual(['helper-unknown', 'markdown-too-deep', 'variable-unknown']);
    const cache = memoryRenderCache();
    for (let i = 0; i < 2; i++) {
      const cached = await build(broken, cache);
      expect(cached.messages).toEqual(uncached.messages);
      expect(cached.html).toBe(uncached.html);
    }
  });

  it('keeps parsed trees frozen, so no render can change what the next one reuses', async () => {
    const cache = memoryRenderCache();
    const result = await build(FOLDER, cache);
    const tree = result.internals?.docs[1]?.tree;
    // The heading is shared with the cached tree (parents of the footnote mark were rewritten into new objects).
    expect(tree?.children[0]?.type).toBe('heading');
    expect(Object.isFrozen(tree?.children[0])).toBe(true);
  });
});
