import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/messages/catalogue.js';
import { at, barSpec, brief, chartBrief, checkLines, SALES } from './check-support.js';

/**
 * One broken briefing per rule `brief check` reports, each with the exact message and the place
 * in the file the author edits (Markdown, spec JSON, CSV). Line 4 is the first body line of
 * `brief()` (three lines of front matter).
 */
const ERRORS: Array<[string, Record<string, string>, string[]]> = [
  ['invalid YAML', { 'brief.md': '---\ntitle: [oops\n---\nText.\n' }, [
    at('brief.md', 2, 13, catalogue.yamlInvalid('Flow sequence in block collection must be sufficiently indented and end with a ]')),
  ]],
  ['invalid front matter', { 'brief.md': brief('Text.\n', 'title: T\nautors: [A]') }, [
    at('brief.md', 3, 1, catalogue.frontMatterInvalid('autors', 'unknown key (did you mean "authors"?)')),
  ]],
  ['unknown dataset in prose', { 'brief.md': brief('We sold {{count "sales"}} items.\n') }, [
    at('brief.md', 4, 11, catalogue.dataUnknown('sales', [])),
  ]],
  ['unknown dataset in a spec', chartBrief(barSpec('sale')), [
    at('charts/a.vl.json', 3, 20, catalogue.dataUnknown('sale', ['sales'])),
    at('data/sales.csv', 1, 1, catalogue.datasetUnused('sales')),
  ]],
  ['unknown field in prose', { 'brief.md': brief('Total {{sum "sales" "revenue"}}.\n'), 'data/sales.csv': SALES }, [
    at('brief.md', 4, 9, catalogue.columnUnknown('sales', 'revenue', ['month', 'units'])),
  ]],
  ['unknown helper', { 'brief.md': brief('Hi {{nope 1}}.\n') }, [at('brief.md', 4, 6, catalogue.helperUnknown('nope'))]],
  ['unknown variable', { 'brief.md': brief('Hi {{meta.titel}}.\n') }, [at('brief.md', 4, 6, catalogue.variableUnknown('meta.titel', 'meta.title'))]],
  ['a field the dataset lacks', chartBrief(barSpec('sales', 'revenue')), [
    at('charts/a.vl.json', 7, 20, catalogue.chartField('revenue', 'sales', ['month', 'units'])),
  ]],
  ['a CSV row of the wrong width', { 'brief.md': brief('{{count "sales"}}\n'), 'data/sales.csv': 'month,units\n2025-01,3\n2025-02,5,7\n' }, [
    at('data/sales.csv', 3, 1, catalogue.dataRowWidth('sales', 2, 3, 2)),
  ]],
  // The dataset's own error, once: its use in the text is not a second "unknown dataset" error.
  ['a JSON record that is not an object', { 'brief.md': brief('Rows: {{count "sales"}}\n'), 'data/sales.json': '[{"month": "a"}, 3]\n' }, [
    at('data/sales.json', 1, 18, catalogue.dataParse('sales', 'record 2 is not an object')),
  ]],
  ['missing chart file', { 'brief.md': brief('Text.\n\n::chart{src="charts/none.vl.json"}\n') }, [
    at('brief.md', 6, 1, catalogue.chartMissing('charts/none.vl.json')),
  ]],
  ['broken internal link', { 'brief.md': brief('## Market\n\nSee [x](#no-such-id) and [m](#markt).\n') }, [
    at('brief.md', 6, 5, catalogue.linkBroken('#no-such-id')),
    at('brief.md', 6, 26, catalogue.linkBroken('#markt', 'market')),
  ]],
  ['citation never defined', { 'brief.md': brief('Text[^nope].\n') }, [at('brief.md', 4, 5, catalogue.citationUndefined('nope'))]],
  ['missing image (kept an error, as in build)', { 'brief.md': brief('![gone](img/none.png)\n') }, [
    at('brief.md', 4, 1, catalogue.imageMissing('img/none.png')),
  ]],
  ['missing images of every kind: reference-style, raw HTML, srcset', {
    'brief.md': brief('![logo][l]\n\n[l]: img/logo.png\n\n<img src="img/raw.png" alt="r">\n\n<picture><source srcset="img/wide.png 2x"><img src="https://example.com/x.png"></picture>\n'),
  }, [
    at('brief.md', 6, 1, catalogue.imageMissing('img/logo.png')),
    at('brief.md', 8, 11, catalogue.imageMissing('img/raw.png')),
    at('brief.md', 10, 26, catalogue.imageMissing('img/wide.png')),
    at('brief.md', 10, 53, catalogue.imageRemote('https://example.com/x.png')),
  ]],
];

const WARNINGS: Array<[string, Record<string, string>, string[]]> = [
  ['chart without description', chartBrief(barSpec('sales').replace('"description": "Units per month.",', '')), [
    at('charts/a.vl.json', 1, 1, catalogue.chartNoDescription()),
  ]],
  ['dataset never used', { 'brief.md': brief('Text.\n'), 'data/sales.csv': SALES }, [at('data/sales.csv', 1, 1, catalogue.datasetUnused('sales'))]],
  ['empty section', { 'brief.md': brief('Intro.\n\n## Empty\n\n## Full\n\nText.\n') }, [at('brief.md', 6, 1, catalogue.sectionEmpty('Empty'))]],
  ['footnote never cited', { 'brief.md': brief('Text.\n\n[^spare]: Never cited.\n') }, [at('brief.md', 6, 1, catalogue.citationUnused('spare'))]],
  ['raw HTML removed with its content', { 'brief.md': brief('Text <style>p{color:red}</style>.\n') }, [at('brief.md', 4, 6, catalogue.htmlRemoved('style'))]],
  ['heading level skipped', { 'brief.md': brief('## A\n\nText.\n\n#### B\n\nMore.\n') }, [at('brief.md', 8, 1, catalogue.headingSkip(2, 4))]],
];

describe('brief check rules', () => {
  it.each(ERRORS)('error: %s', async (_name, entries, expected) => {
    expect(await checkLines(entries)).toEqual(expected);
  });

  it.each(WARNINGS)('warning: %s', async (_name, entries, expected) => {
    expect(await checkLines(entries)).toEqual(expected);
  });

  it('error: invalid Vega-Lite spec (at the offending value)', async () => {
    // The schema message's wording belongs to the chart stage; the place and rule are what check adds.
    const [line, ...rest] = await checkLines(chartBrief(barSpec('sales').replace('"bar"', '"barr"')));
    expect(rest).toEqual([]);
    expect(line).toMatch(/^b\/charts\/a\.vl\.json:4:11: error: invalid Vega-Lite spec: .*"barr".* \[chart-schema\]$/);
  });

  it('reports nothing for a briefing that uses every feature correctly', async () => {
    const lines = await checkLines({
      'brief.md': brief('Intro with {{count "sales"}} rows[^n].\n\n## Part\n\n::chart{src="charts/a.vl.json" caption="A" id="fig-a"}\n\n### Detail\n\nSee [the chart](#fig-a), [Part](#part), [sources](#sources) and [the note](#src-1).\n\n[^n]: A note.\n'),
      'charts/a.vl.json': barSpec('sales'),
      'data/sales.csv': SALES,
    });
    expect(lines).toEqual([]);
  });
});
