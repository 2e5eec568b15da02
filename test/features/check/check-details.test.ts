import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskFiles } from '../../../src/edges/files/disk-files.js';
import { duckdbEngine } from '../../../src/edges/sql/duckdb-engine.js';
import { checkBriefing } from '../../../src/features/check/check-briefing.js';
import { catalogue } from '../../../src/messages/catalogue.js';
import { formatMessage } from '../../../src/messages/format-message.js';
import { templates } from '../../support/render-folder.js';
import { at, barSpec, brief, checkLines, SALES } from './check-support.js';

describe('dataset-unused: what counts as a use', () => {
  const uses: Array<[string, Record<string, string>]> = [
    ['data.<name> in a block', { 'brief.md': brief('{{#each data.sales}}- {{month}}\n{{/each}}') }],
    ['@root.data.<name> inside a block', { 'brief.md': brief('{{#with meta}}{{@root.data.sales.length}}{{/with}}\n') }],
    ['lookup data "<name>"', { 'brief.md': brief('{{#each (lookup data "sales")}}{{units}} {{/each}}\n') }],
    ['a helper given the name at run time', { 'brief.md': brief('{{count meta.subtitle}} rows\n', 'title: T\nsubtitle: sales') }],
    ['a helper inside an {{#if}} not taken', { 'brief.md': brief('{{#if meta.summary}}{{count "sales"}}{{/if}}\n') }],
    ['a chart reading it by url', {
      'brief.md': brief('::chart{src="charts/a.vl.json" caption="A"}\n'),
      'charts/a.vl.json': barSpec('x').replace('{"name": "x"}', '{"url": "data/sales.csv"}'),
    }],
    ['an inline vega-lite block', { 'brief.md': brief(`\`\`\`vega-lite caption="A"\n${barSpec('sales')}\`\`\`\n`) }],
  ];
  it.each(uses)('%s', async (_name, entries) => {
    expect(await checkLines({ ...entries, 'data/sales.csv': SALES })).toEqual([]);
  });

  it('a chart that fails still counts as using its dataset (no extra warning on top of its error)', async () => {
    const lines = await checkLines({
      'brief.md': brief('::chart{src="charts/a.vl.json" caption="A"}\n'),
      'charts/a.vl.json': barSpec('sales', 'revenue'),
      'data/sales.csv': SALES,
    });
    expect(lines).toEqual([at('charts/a.vl.json', 7, 20, catalogue.chartField('revenue', 'sales', ['month', 'units']))]);
  });
});

describe('outline: sections and heading levels across files', () => {
  it('reads the files as one document in order', async () => {
    const lines = await checkLines({
      'brief.md': brief('Intro.\n\n## Filled by the next file\n'),
      'sections/01-a.md': 'Text that belongs to the section above.\n\n### Sub\n\nMore.\n',
      'sections/02-b.md': '## Only a heading below\n\n### Lonely\n\n## Last\n',
      'sections/03-c.md': '##### Deep\n\nText.\n',
    });
    expect(lines).toEqual([
      at('sections/02-b.md', 1, 1, catalogue.sectionEmpty('Only a heading below')),
      at('sections/03-c.md', 1, 1, catalogue.headingSkip(2, 5)),
    ]);
  });

  it('counts a chart as content and lets the introduction start at ###', async () => {
    const lines = await checkLines({
      'brief.md': brief('### Lead-in\n\nIntro.\n\n## Chart only\n\n::chart{src="charts/a.vl.json" caption="A"}\n'),
      'charts/a.vl.json': barSpec('sales'),
      'data/sales.csv': SALES,
    });
    expect(lines).toEqual([]);
  });

  it('reports a trailing empty section', async () => {
    expect(await checkLines({ 'brief.md': brief('Intro.\n\n## Full\n\nText.\n\n## To do\n') })).toEqual([
      at('brief.md', 10, 1, catalogue.sectionEmpty('To do')),
    ]);
  });
});

describe('link-broken', () => {
  it('checks raw HTML links and links across files, at their place', async () => {
    const lines = await checkLines({
      'brief.md': brief('## Overview\n\nText <a href="#outlook">ahead</a> and <a href="#nowhere">lost</a>.\n'),
      'sections/01-outlook.md': '## Outlook\n\nBack to [the overview](#overview); [reference][r].\n\n[r]: #gone\n',
    });
    expect(lines).toEqual([
      at('brief.md', 6, 42, catalogue.linkBroken('#nowhere')),
      at('sections/01-outlook.md', 5, 1, catalogue.linkBroken('#gone')),
    ]);
  });

  it('a link to a chart that failed is a follow-on of the chart\'s error, not a second message', async () => {
    const lines = await checkLines({
      'brief.md': brief('See [the chart](#fig-a) and [nothing](#fig-b).\n\n::chart{src="charts/a.vl.json" caption="A" id="fig-a"}\n'),
      'charts/a.vl.json': barSpec('sales', 'revenue'),
      'data/sales.csv': SALES,
    });
    expect(lines).toEqual([
      at('brief.md', 4, 29, catalogue.linkBroken('#fig-b', 'fig-a')),
      at('charts/a.vl.json', 7, 20, catalogue.chartField('revenue', 'sales', ['month', 'units'])),
    ]);
  });

  it('still knows the template ids when other errors stopped the page', async () => {
    const lines = await checkLines({ 'brief.md': brief('Cited[^n] {{nope}}.\n\nSee [sources](#sources), [main](#bs-main), [x](#nothing).\n\n[^n]: Note.\n') });
    expect(lines).toEqual([
      at('brief.md', 4, 13, catalogue.variableUnknown('nope')),
      at('brief.md', 6, 44, catalogue.linkBroken('#nothing')),
    ]);
  });
});

describe('dataset-unused: data read by a SQL dataset or through a window', () => {
  const temp = mkdtempSync(join(tmpdir(), 'bs-check-sql-'));
  const engine = duckdbEngine(temp);
  afterAll(async () => {
    await engine.close();
    rmSync(temp, { recursive: true, force: true });
  });
  const front = [
    'title: T',
    'params:',
    '  period: { type: period, kind: week, default: 2026-W02 }',
    'data:',
    '  weekly: { date: week }',
    '  top:',
    "    sql: SELECT region, sum(n) AS n FROM 'data/regions.csv' GROUP BY region ORDER BY region",
  ].join('\n');
  const files = {
    'brief.md': brief('{{first "top" "region"}} leads; {{sum "weekly@current" "n"}} this week.\n', front),
    'data/regions.csv': 'region,n\nEU,3\nUS,5\n',
    'data/weekly.csv': 'week,n\n2026-01-05,3\n2026-01-12,5\n',
    'data/left-over.csv': 'a\n1\n',
  };

  it('counts a file a DuckDB query reads and a dataset used only by its window; a file nothing reads is still reported', async () => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(temp, path, '..'), { recursive: true });
      writeFileSync(join(temp, path), text);
    }
    const { messages } = await checkBriefing({ files: diskFiles(temp, 'b'), templates, queries: engine });
    expect(messages.map(formatMessage)).toEqual([at('data/left-over.csv', 1, 1, catalogue.datasetUnused('left-over'))]);
  });
});
