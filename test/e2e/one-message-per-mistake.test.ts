import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/messages/catalogue.js';
import { formatMessage } from '../../src/messages/format-message.js';
import { renderMemory } from '../support/render-folder.js';

const WEEKLY = 'week,region,downloads\n2026-03-02,EU,10\n2026-03-09,EU,12\n';
const PERIODIC = (extra: string) =>
  `---\ntitle: Weekly\n${extra}params:\n  period: { type: period, kind: week, default: latest }\n  region: { type: enum, values: [EU, US], default: EU }\ndata:\n  weekly: { date: week }\n---\n` +
  'In {{period.label}} ({{period.previous.label}} before), {{params.region}} had {{sum "weekly@current" "downloads" region=params.region}} downloads,\n' +
  'against {{sum "weekly@previous" "downloads" region=params.region}}; {{count "weekly"}} rows in all.\n';

/** A mistake is reported once, where it is; its uses are not reported again as unknown names. */
describe('one mistake, one message', () => {
  it('a front-matter typo keeps the parameters and data declarations: no follow-on errors', async () => {
    const result = await renderMemory({ 'brief.md': PERIODIC('autors: [Ann]\n'), 'data/weekly.csv': WEEKLY });
    expect(result.messages.map(formatMessage)).toEqual([
      formatMessage({ file: 'b/brief.md', place: { line: 3, column: 1 }, ...catalogue.frontMatterInvalid('autors', 'unknown key (did you mean "authors"?)') }),
    ]);
  });

  it('a data file that does not load is its one error, also in a periodic brief', async () => {
    const result = await renderMemory({ 'brief.md': PERIODIC(''), 'data/weekly.json': '[{"week": "2026-03-02", "region": "EU", "downloads": 1}, 3]\n' });
    expect(result.messages).toEqual([{ file: 'b/data/weekly.json', place: { line: 1, column: 58 }, ...catalogue.dataParse('weekly', 'record 2 is not an object') }]);
  });

  it('a chart bound to a dataset that did not load adds nothing to its error', async () => {
    const result = await renderMemory({
      'brief.md': '---\ntitle: T\n---\nIntro.\n\n::chart{src="charts/c.vl.json" caption="C"}\n',
      'charts/c.vl.json': '{"description": "d", "data": {"name": "sales"}, "mark": "bar", "encoding": {"x": {"field": "a", "type": "nominal"}}}',
      'data/sales.json': '[3]\n',
    });
    expect(result.messages.map((m) => m.ruleId)).toEqual(['data-parse']);
  });
});

describe('one typo in the front matter, one message', () => {
  it('a misspelt required key is the unknown key with its suggestion, not also "title is required"', async () => {
    const result = await renderMemory({ 'brief.md': '---\ndate: 2026-01-01\ntitel: Hello\n---\nBody.\n' });
    expect(result.messages.map(formatMessage)).toEqual([
      formatMessage({ file: 'b/brief.md', place: { line: 3, column: 1 }, ...catalogue.frontMatterInvalid('titel', 'unknown key (did you mean "title"?)') }),
    ]);
  });

  it('a parameter declaration that has to be dropped makes its uses follow-ons', async () => {
    const brief = '---\ntitle: T\nparams:\n  region: { tpye: enum, values: [EU, US], default: EU }\n---\nIn {{params.region}}, {{#if params.region}}yes{{/if}}.\n';
    const result = await renderMemory({ 'brief.md': brief });
    expect(result.messages.map((m) => [m.ruleId, m.place?.line])).toEqual([['front-matter-invalid', 4]]);
  });

  it('unreadable YAML is one message (with how to quote a template), and the body\'s uses of params and periods are follow-ons', async () => {
    const result = await renderMemory({
      'brief.md': PERIODIC('headline: {{num (sum "weekly@current" "downloads")}} downloads\n'),
      'data/weekly.csv': WEEKLY,
    });
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ ruleId: 'yaml-invalid', place: { line: 3 } });
    expect(result.messages[0]?.reason).toContain('must be quoted');
  });
});

describe('no raw JavaScript in a message', () => {
  it('a path through an empty value says which step is empty, where the path is written', async () => {
    const result = await renderMemory({ 'brief.md': '---\ntitle: T\n---\nBefore: {{period.previous.label}}.\n' });
    expect(result.messages).toEqual([{ file: 'b/brief.md', place: { line: 4, column: 11 }, ...catalogue.variableEmpty('period.previous.label', 'period') }]);
  });

  it('a briefing\'s own partial that does not parse is a positioned message in that file, in the author\'s terms', async () => {
    const result = await renderMemory({ 'brief.md': '---\ntitle: T\n---\nHi.\n', 'partials/figure.hbs': '<figure>\n  {{#if id}}{{id}}</figure>\n' });
    expect(result.messages).toEqual([
      { file: 'b/partials/figure.hbs', place: { line: 2, column: 3 }, ...catalogue.templateSyntax('{{#if}} is never closed (end it with {{/if}})') },
    ]);
  });

  it('prose syntax errors name the block, not the parser\'s tokens', async () => {
    const result = await renderMemory({ 'brief.md': '---\ntitle: T\n---\n{{#each rows}}x {{#if a}}y{{/each}}\n' });
    expect(result.messages.map((m) => m.reason)).toEqual(['template syntax error: {{/each}} does not close {{#if}} (blocks close in the reverse order they open)']);
  });
});

describe('did you mean', () => {
  it('suggests the closest mark, encoding channel, chart file and image', async () => {
    const spec = (mark: string, channel: string) =>
      `{"description": "d", "data": {"name": "sales"}, "mark": "${mark}", "encoding": {"x": {"field": "month", "type": "nominal"}, "${channel}": {"field": "amount", "type": "quantitative"}}}`;
    const result = await renderMemory({
      'brief.md': '---\ntitle: T\n---\nIntro.\n\n::chart{src="charts/a.vl.json" caption="A"}\n\n::chart{src="charts/b.vl.json" caption="B"}\n\n::chart{src="charts/trends.vl.json" caption="C"}\n',
      'charts/a.vl.json': spec('rectangle', 'y'),
      'charts/b.vl.json': spec('bar', 'colour'),
      'charts/trend.vl.json': spec('bar', 'y'),
      'data/sales.csv': 'month,amount\na,1\n',
    });
    expect(result.messages.map((m) => /\(did you mean [^)]*\)/.exec(m.reason)?.[0])).toEqual([
      '(did you mean "charts/trend.vl.json"?)',
      '(did you mean "rect"?)',
      '(did you mean "color"?)',
    ]);
    // The compiler's own "colour is not a valid encoding channel" is the same mistake: not repeated.
    expect(result.messages.filter((m) => m.reason.includes('colour'))).toHaveLength(1);
  });

  it('suggests the closest front-matter key, helper, variable, dataset and column', async () => {
    const result = await renderMemory({
      'brief.md': '---\ntitle: T\nautors: [x]\n---\n{{pctChnage 1 2}} {{meta.titel}} {{sum "sale" "x"}} {{sum "sales" "amuont"}}\n',
      'data/sales.csv': 'month,amount\na,1\n',
    });
    expect(result.messages.map((m) => m.reason)).toEqual([
      'front matter "autors": unknown key (did you mean "authors"?)',
      'unknown helper "pctChnage" (did you mean "pctChange"?)',
      'unknown variable "meta.titel" (did you mean "meta.title"?)',
      'unknown dataset "sale" (did you mean "sales"?) (known: sales)',
      'dataset "sales" has no column "amuont" (did you mean "amount"?) (columns: month, amount)',
    ]);
  });
});
