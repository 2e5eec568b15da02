import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dateCellParser, formatProblem } from '../../../src/pipeline/data/date-cells.js';
import { memoryFiles } from '../../../src/edges/files/briefing-files.js';
import { renderBriefing } from '../../../src/pipeline/render-briefing.js';
import { renderMemory, templates } from '../../support/render-folder.js';

const fixture = (name: string): string => readFileSync(`test/fixtures/vega-datasets/${name}`, 'utf8');
const stocks = fixture('stocks.csv');

/** A monthly (or other) brief over one real data file, with its date column declared as `date`. */
function brief(options: { kind: string; dataset: string; date: string; body: string; period?: string }): string {
  return `---
title: Dated data
params:
  period: { type: period, kind: ${options.kind}, default: ${options.period ?? 'latest'} }
data:
  ${options.dataset}: { date: ${options.date} }
---
${options.body}
`;
}

describe('date columns of real files', () => {
  it('reads "Jan 1 2000" with a declared d3-time-format and slices windows by it (stocks.csv)', async () => {
    const result = await renderMemory({
      'brief.md': brief({
        kind: 'month',
        dataset: 'stocks',
        date: '{ column: date, format: "%b %d %Y" }',
        body: 'Latest {{period.id}}: MSFT {{num (sum "stocks@current" "price" symbol="MSFT") digits=2}}, a year before {{num (sum "stocks@lastyear" "price" symbol="MSFT") digits=2}}; {{count "stocks@trailing"}} rows in 12 months; first {{first "stocks" "date"}}.',
      }),
      'data/stocks.csv': stocks,
    });
    expect(result.messages).toEqual([]);
    expect(result.html).toContain('Latest 2010-03: MSFT 28.80, a year before 17.99; 60 rows in 12 months; first 2000-01-01.');
  });

  it('reads another format with a time of day (github.csv, "2015/01/01 01:00:00") as ISO timestamps', async () => {
    const result = await renderMemory({
      'brief.md': brief({
        kind: 'week',
        dataset: 'github',
        date: '{ column: time, format: "%Y/%m/%d %H:%M:%S" }',
        period: '2015-W01',
        body: '{{period.id}}: {{sum "github@current" "count"}} commits; first {{first "github@current" "time"}}.',
      }),
      'data/github.csv': fixture('github.csv'),
    });
    expect(result.messages).toEqual([]);
    expect(result.html).toMatch(/2015-W01: \d+ commits; first 2015-01-01T01:00:00.000Z\./);
  });

  it('takes ISO timestamps without a declared format, with and without a zone', async () => {
    const json = await renderMemory({
      'brief.md': brief({ kind: 'year', dataset: 'unemployment', date: 'date', period: '2001', body: '{{period.id}}: {{count "unemployment@current"}} months, {{sum "unemployment@current" "count"}} unemployed.' }),
      'data/unemployment.json': fixture('unemployment-across-industries.json'),
    });
    expect(json.messages).toEqual([]);
    expect(json.html).toMatch(/2001: 12 months, [\d,]+ unemployed\./);
    const csv = await renderMemory({
      'brief.md': brief({ kind: 'month', dataset: 'normals', date: 'date', body: '{{period.id}}: {{count "normals@current"}} hours.' }),
      'data/normals.csv': fixture('seattle-weather-hourly-normals.csv'),
    });
    expect(csv.messages).toEqual([]);
    expect(csv.html).toContain('2010-01: 72 hours.');
  });

  it('reports a value that is not ISO at its cell and says how to declare the format, instead of empty windows', async () => {
    const result = await renderMemory({
      'brief.md': brief({ kind: 'month', dataset: 'stocks', date: 'date', body: '{{count "stocks@trailing"}}' }),
      'data/stocks.csv': stocks,
    });
    expect(result.html).toBeUndefined();
    expect(result.messages.filter((m) => m.file === 'b/brief.md')).toEqual([]);
    const first = result.messages[0];
    expect([first?.file, first?.place, first?.ruleId]).toEqual(['b/data/stocks.csv', { line: 2, column: 6 }, 'data-invalid']);
    expect(first?.reason).toBe(
      'dataset "stocks", column "date": "Jan 1 2000" is not an ISO date or timestamp; declare the column\'s format, e.g. date: { column: date, format: "%b %d %Y" }',
    );
    expect(result.messages.some((m) => /Infinite extent|is empty/.test(m.reason))).toBe(false);
  });

  it('reports a date that does not parse in the declared format, or is not a real day, at its cell', async () => {
    const broken = stocks.replace('MSFT,Feb 1 2000', 'MSFT,Feb 30 2000').replace('MSFT,Mar 1 2000', 'MSFT,2000-03-01');
    const result = await renderMemory({
      'brief.md': brief({ kind: 'month', dataset: 'stocks', date: '{ column: date, format: "%b %d %Y" }', body: '{{count "stocks@current"}}' }),
      'data/stocks.csv': broken,
    });
    expect(result.messages.map((m) => [m.place?.line, m.place?.column, m.reason])).toEqual([
      [3, 6, 'dataset "stocks", column "date": "Feb 30 2000" is not a real calendar date (format "%b %d %Y")'],
      [4, 6, 'dataset "stocks", column "date": "2000-03-01" is not a date in the format "%b %d %Y"'],
    ]);
  });

  it('checks the declaration itself', async () => {
    expect(formatProblem('%b %d %Y')).toBeUndefined();
    expect(formatProblem('%Y-%k')).toContain('"%k" is not a d3-time-format directive');
    expect(formatProblem('YYYY-MM-DD')).toContain('has no directive');
    const result = await renderMemory({
      'brief.md': brief({ kind: 'month', dataset: 'stocks', date: '{ column: day, format: "%b %d %Y" }', body: 'x' }),
      'data/stocks.csv': stocks,
    });
    expect(result.messages.map((m) => m.reason)).toContain('dataset "stocks": date column "day" is not in the header (columns: symbol, date, price)');
    const bad = await renderMemory({
      'brief.md': brief({ kind: 'month', dataset: 'stocks', date: '{ column: date, format: "%Q-%k" }', body: 'x' }),
      'data/stocks.csv': stocks,
    });
    expect(bad.messages.map((m) => [m.file, m.ruleId])).toContainEqual(['b/brief.md', 'front-matter-invalid']);
  });

  it('parses ISO text strictly', () => {
    const iso = dateCellParser({ column: 'd' });
    expect(iso('2026-03-02')).toEqual({ value: '2026-03-02' });
    expect(iso('2010-02-01T08:00:00.000Z')).toEqual({ value: '2010-02-01T08:00:00.000Z' });
    expect(iso('2010-02-01 08:00')).toEqual({ value: '2010-02-01 08:00' });
    expect(iso('2026-02-30')).toHaveProperty('problem');
    expect(iso('01/02/2014')).toHaveProperty('problem');
    expect(iso('')).toEqual({ problem: 'missing date: a row without one falls in no period' });
    const us = dateCellParser({ column: 'd', format: '%m/%d/%Y' });
    expect(us('01/02/2014')).toEqual({ value: '2014-01-02' });
    expect(us('1/2/2014')).toEqual({ value: '2014-01-02' });
    expect(us('13/02/2014')).toHaveProperty('problem');
  });
});

describe('a period without data', () => {
  const files = memoryFiles(
    {
      'brief.md': `---\ntitle: Weekly\nparams:\n  period: { type: period, kind: week, default: latest }\ndata:\n  weekly: { date: week }\n  other: { date: week }\n---\n{{sum "weekly@current" "n"}} and {{sum "other@current" "n"}}\n\n::chart{src="charts/c.vl.json" caption="Trend"}\n`,
      'data/weekly.csv': ['week,n', '2024-01-01,1', '2026-11-23,2'].join('\n'),
      'data/other.csv': ['week,n', '2026-11-23,2'].join('\n'),
      'charts/c.vl.json': JSON.stringify({
        description: 'n by week',
        data: { name: 'weekly@current' },
        mark: 'bar',
        encoding: { x: { field: 'week', type: 'temporal' }, y: { field: 'n', type: 'quantitative' } },
      }),
    },
    'b',
  );

  it('is one error per dataset naming what the data covers, and nothing after it', async () => {
    expect((await renderBriefing({ files, templates })).messages).toEqual([]);
    const late = await renderBriefing({ files, templates, params: { period: '2027-W02' } });
    expect(late.html).toBeUndefined();
    expect(late.messages.map((m) => `${m.file}: ${m.reason} [${m.ruleId}]`)).toEqual([
      'b/data/other.csv: no rows of "other" fall in 2027-W02 (the data covers 2026-W48) [period-no-data]',
      'b/data/weekly.csv: no rows of "weekly" fall in 2027-W02 (the data covers 2024-W01..2026-W48) [period-no-data]',
    ]);
  });

  it('lets a quiet period inside the data build (a real zero)', async () => {
    const gap = await renderBriefing({ files, templates, params: { period: '2025-W10' } });
    expect(gap.messages.map((m) => `${m.file}: ${m.reason}`)).toEqual(['b/data/other.csv: no rows of "other" fall in 2025-W10 (the data covers 2026-W48)']);
  });
});
