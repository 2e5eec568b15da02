import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskFiles } from '../../../src/edges/files/disk-files.js';
import { memoryFiles } from '../../../src/edges/files/briefing-files.js';
import { storedResultsEngine } from '../../../src/edges/sql/archived-results.js';
import { duckdbEngine } from '../../../src/edges/sql/duckdb-engine.js';
import type { QueryEngine } from '../../../src/edges/sql/query-engine.js';
import { formatMessage } from '../../../src/messages/format-message.js';
import type { ChartCache } from '../../../src/pipeline/charts/cached-chart.js';
import { renderBriefing, type RenderResult } from '../../../src/pipeline/render-briefing.js';
import { templates } from '../../support/render-folder.js';
import { countingCache } from './helpers.js';

/** A chart bound to a SQL dataset: its data is the query's result, not a file the chart names. */
const brief = (sql: string) => [
  '---\ntitle: Cached SQL chart\ndata:\n  totals:\n    sql: |\n      ' + sql + '\n---\n',
  'Intro.\n',
  '```vega-lite caption="Units per region"',
  JSON.stringify({ description: 'Units per region.', data: { name: 'totals' }, mark: 'bar', encoding: { x: { field: 'region', type: 'nominal' }, y: { field: 'units', type: 'quantitative' } } }),
  '```\n',
].join('\n');

const errors = (result: RenderResult) => result.messages.filter((m) => m.severity === 'error').map(formatMessage);

const temp = mkdtempSync(join(tmpdir(), 'bs-cached-sql-'));
const duck = duckdbEngine(temp);
afterAll(async () => {
  await duck.close();
  rmSync(temp, { recursive: true, force: true });
});

describe('the chart cache with SQL datasets', () => {
  it('redraws a chart whose query result changed (DuckDB over the folder), and only then', async () => {
    const write = (path: string, text: string) => {
      mkdirSync(join(temp, path, '..'), { recursive: true });
      writeFileSync(join(temp, path), text);
    };
    write('brief.md', brief(`SELECT region, sum(units) AS units FROM 'warehouse/sales.csv' GROUP BY region ORDER BY region`));
    write('warehouse/sales.csv', 'region,units\nEU,3\nUS,5\nEU,4\n');
    const render = (cache?: ChartCache) => renderBriefing({ files: diskFiles(temp, 'content/sql'), templates, queries: duck, ...(cache ? { chartCache: cache } : {}) });
    const counting = countingCache();
    const first = await render(counting.cache);
    expect(errors(first)).toEqual([]);
    expect(first.queryResults.map((r) => r.rows)).toEqual([[['EU', 7], ['US', 5]]]);
    expect((await render(counting.cache)).html).toBe(first.html);
    expect([counting.drawn(), counting.reused()]).toEqual([1, 1]);

    // The warehouse moved on: the spec, the folder's data/ and the brief are the same, the result is not.
    write('warehouse/sales.csv', 'region,units\nEU,3\nUS,9\nEU,4\n');
    const moved = await render(counting.cache);
    expect(counting.drawn()).toBe(2);
    expect(moved.html).toBe((await render()).html);
    expect(moved.html).not.toBe(first.html);
  });

  it('keys a chart by the stored result it is rebuilt from (--offline), down to its columns when it has no rows', async () => {
    const files = memoryFiles({ 'brief.md': brief('SELECT region, units FROM sales') }, 'content/offline');
    const stored = (csv: string): QueryEngine => storedResultsEngine(() => ({ shown: 'out/offline/data/totals.csv', text: csv }));
    const render = (csv: string, cache?: ChartCache) => renderBriefing({ files, templates, queries: stored(csv), ...(cache ? { chartCache: cache } : {}) });
    const counting = countingCache();
    const a = await render('"region","units"\n"EU",7\n"US",5\n', counting.cache);
    expect(errors(a)).toEqual([]);
    expect(await render('"region","units"\n"EU",7\n"US",5\n', counting.cache).then((r) => r.html)).toBe(a.html);
    expect(counting.drawn()).toBe(1);
    // One cell quoted: the same digits read back as text, another result, another chart.
    const quoted = await render('"region","units"\n"EU","7"\n"US",5\n', counting.cache);
    expect(counting.drawn()).toBe(2);
    expect(quoted.html).toBe((await render('"region","units"\n"EU","7"\n"US",5\n')).html);

    // No rows either time, so the bound data is the same `[]`; only the columns differ, and the
    // field check must see them: the cache may not hand back the chart drawn when `units` existed.
    expect(errors(await render('"region","units"\n', counting.cache))).toEqual([]);
    const renamed = await render('"region","amount"\n', counting.cache);
    const uncached = await render('"region","amount"\n');
    expect(errors(uncached).join('\n')).toMatch(/units/);
    expect(errors(renamed)).toEqual(errors(uncached));
    expect(renamed.html).toBe(uncached.html);
  });
});
