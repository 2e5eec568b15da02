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

describe('did you mean', () => {
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
