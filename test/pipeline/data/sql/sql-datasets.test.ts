import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskFiles } from '../../../../src/edges/files/disk-files.js';
import { duckdbEngine, type ClosableEngine } from '../../../../src/edges/sql/duckdb-engine.js';
import { formatMessage } from '../../../../src/messages/format-message.js';
import { renderBriefing, type RenderResult } from '../../../../src/pipeline/render-briefing.js';
import { templates } from '../../../support/render-folder.js';

const temp = mkdtempSync(join(tmpdir(), 'bs-sql-'));
const engines: ClosableEngine[] = [];
afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
  rmSync(temp, { recursive: true, force: true });
});

const WEEKLY = [
  'week,organisation,region,downloads',
  '2026-01-05,Alpha,EU,100',
  '2026-01-05,Beta,EU,300',
  '2026-01-05,Gamma,EU,200',
  '2026-01-05,Alpha,US,999',
  '2026-01-12,Alpha,EU,50',
  '2026-01-12,Beta,EU,40',
].join('\n');

/** Writes a briefing folder and renders it with DuckDB over that folder. */
async function render(name: string, entries: Record<string, string>, params: Record<string, string> = {}): Promise<RenderResult> {
  const dir = join(temp, name);
  for (const [path, text] of Object.entries({ 'data/weekly.csv': WEEKLY, ...entries })) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const engine = duckdbEngine(dir);
  engines.push(engine);
  return renderBriefing({ files: diskFiles(dir, name), templates, params, queries: engine });
}

const FRONT = `title: Weekly
params:
  period: { type: period, kind: week, default: 2026-W02 }
  region: { type: enum, values: [EU, US], default: EU }
data:
  weekly: { date: week }
  top_orgs:
    sql: |
      SELECT organisation, sum(downloads) AS downloads
      FROM 'data/weekly.csv'
      WHERE week BETWEEN $period_start AND $period_end AND region = $region
      GROUP BY organisation ORDER BY downloads DESC LIMIT 2
`;

const CHART = '```vega-lite caption="Top organisations"\n{"description": "Top organisations", "data": {"name": "top_orgs"}, "mark": "bar", "encoding": {"x": {"field": "downloads", "type": "quantitative"}, "y": {"field": "organisation", "type": "nominal"}}}\n```\n';

const errors = (result: RenderResult) => result.messages.filter((m) => m.severity === 'error').map(formatMessage);

describe('SQL datasets', () => {
  it('feed a chart and the prose for the period, with parameters bound', async () => {
    const result = await render('ok', {
      'brief.md': `---\n${FRONT}---\nTop: {{first "top_orgs" "organisation"}} with {{num (sum "top_orgs" "downloads")}} downloads.\n\n${CHART}`,
    });
    expect(errors(result)).toEqual([]);
    expect(result.html).toContain('Top: Beta with 500 downloads.');
    expect(result.figures[0]?.chart.datasets).toEqual(['top_orgs']);
    expect(result.html).toMatch(/<td[^>]*>Gamma<\/td>/);
    expect(result.queryResults).toEqual([{ name: 'top_orgs', columns: ['organisation', 'downloads'], rows: [['Beta', 300], ['Gamma', 200]] }]);
  });

  it('are data.<name> in the prose like any dataset', async () => {
    const result = await render('data-each', { 'brief.md': `---\n${FRONT}---\n{{#each data.top_orgs}}{{organisation}}: {{downloads}}; {{/each}}({{data.top_orgs.length}} rows)\n` });
    expect(errors(result)).toEqual([]);
    expect(result.html).toContain('Beta: 300; Gamma: 200; (2 rows)');
  });

  it('follow --param: another period and region give other rows', async () => {
    const result = await render('params', { 'brief.md': `---\n${FRONT}---\n{{first "top_orgs" "organisation"}}\n` }, { period: '2026-W03' });
    expect(result.queryResults[0]?.rows).toEqual([['Alpha', 50], ['Beta', 40]]);
    const us = await render('params-us', { 'brief.md': `---\n${FRONT}---\n{{first "top_orgs" "organisation"}}\n` }, { region: 'US' });
    expect(us.queryResults[0]?.rows).toEqual([['Alpha', 999]]);
  });

  it('get period windows when they declare a date column', async () => {
    const front = `${FRONT}  daily:\n    date: week\n    sql: SELECT week, sum(downloads) AS downloads FROM 'data/weekly.csv' GROUP BY week ORDER BY week\n`;
    const result = await render('windows', { 'brief.md': `---\n${front}---\n{{count "daily@current"}} week, {{sum "daily@current" "downloads"}} downloads; {{count "daily@trailing"}} in the trailing window.\n` });
    expect(errors(result)).toEqual([]);
    expect(result.html).toContain('1 week, 1599 downloads; 1 in the trailing window.');
  });

  it('read queries/<name>.sql, checked against a front matter schema', async () => {
    const result = await render('file', {
      'brief.md': `---\ntitle: F\ndata:\n  totals:\n    schema:\n      columns:\n        n: { type: integer, max: 3 }\n---\n{{first "totals" "n"}}\n`,
      'queries/totals.sql': "-- rows per region\nSELECT region, count(*) AS n\nFROM 'data/weekly.csv'\nGROUP BY region ORDER BY region\n",
    });
    expect(errors(result)).toEqual(['file/queries/totals.sql:1:1: error: dataset "totals", column "n": 5 is above the maximum 3 [data-invalid]']);
  });

  it('place a misspelt column in brief.md and suggest the right one', async () => {
    const front = FRONT.replace('sum(downloads) AS downloads', 'sum(downlods) AS downloads');
    const result = await render('typo', { 'brief.md': `---\n${front}---\nx\n` });
    // Line 10 of brief.md is "      SELECT organisation, sum(downlods) AS downloads"; the name starts in column 32.
    expect(errors(result)).toEqual(['typo/brief.md:10:32: error: column "downlods" does not exist (did you mean "downloads"?) [sql-error]']);
    expect(result.html).toBeUndefined();
  });

  it('place an error in a .sql file by its own lines', async () => {
    const result = await render('file-typo', {
      'brief.md': '---\ntitle: F\n---\n{{first "totals" "n"}}\n',
      'queries/totals.sql': "SELECT region,\n       count(*) AS n\nFROM 'data/weekly.csv'\nGROUP BY regoin\n",
    });
    expect(errors(result)).toEqual(['file-typo/queries/totals.sql:4:10: error: column "regoin" does not exist (did you mean "region"?) [sql-error]']);
  });

  it('report an unknown $name at its place, listing the known ones, without running the query', async () => {
    const front = FRONT.replace('region = $region', 'region = $regoin');
    const result = await render('unknown-param', { 'brief.md': `---\n${front}---\nx\n` });
    expect(errors(result)).toEqual([
      'unknown-param/brief.md:12:69: error: unknown parameter "$regoin" (known: $lastyear_end, $lastyear_start, $period, $period_end, $period_start, $previous_end, $previous_start, $region, $trailing_end, $trailing_start) [sql-param-unknown]',
    ]);
  });

  it('refuse files outside the folder, and nothing of them reaches the output', async () => {
    writeFileSync(join(temp, 'secret.csv'), 'secret\nTOPSECRET\n');
    const result = await render('outside', {
      'brief.md': "---\ntitle: O\ndata:\n  leak:\n    sql: SELECT * FROM '../secret.csv'\n---\n{{first \"leak\" \"secret\"}}\n",
    });
    expect(errors(result)).toEqual(['outside/brief.md:5:24: error: reading "../secret.csv" is refused: queries read only files inside the briefing folder [sql-refused]']);
    expect(result.html).toBeUndefined();
    expect(JSON.stringify(result.messages)).not.toContain('TOPSECRET');
  });

  it('report a dataset named twice (data file and query)', async () => {
    const result = await render('twice', { 'brief.md': "---\ntitle: T\ndata:\n  weekly:\n    sql: SELECT 1 AS n\n---\nx\n" });
    expect(errors(result)).toEqual(['twice/brief.md:5:10: error: two data files are named "weekly" [data-duplicate]']);
  });

  it('are errors where no engine is handed in', async () => {
    const dir = join(temp, 'no-engine');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'brief.md'), '---\ntitle: N\ndata:\n  one:\n    sql: SELECT 1 AS n\n---\n{{first "one" "n"}}\n');
    const result = await renderBriefing({ files: diskFiles(dir, 'no-engine'), templates });
    expect(errors(result)[0]).toContain('[sql-unavailable]');
  });
});
