import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/messages/catalogue.js';
import { fontsourceStore } from '../../src/edges/fonts/font-store.js';
import { memoryFiles } from '../../src/edges/files/briefing-files.js';
import { renderBriefing } from '../../src/pipeline/render-briefing.js';
import { renderMemory, templates } from '../support/render-folder.js';

const FRONT = '---\ntitle: Errors\n---\n';
const CSV = 'org,releases\nBaidu,104\nTencent,103\n';
const SPEC = (field: string, extra = '') =>
  `{\n  "data": {"name": "orgs"},\n  "mark": "bar",${extra}\n  "encoding": {\n    "x": {"field": "${field}", "type": "nominal"},\n    "y": {"field": "releases", "type": "quantitative"}\n  },\n  "description": "d"\n}\n`;

/** One fixture per class of content error, through the whole pipeline, with its exact message and place. */
const cases: Array<{ name: string; files: Record<string, string>; expected: { file: string; line?: number; column?: number; template: ReturnType<(typeof catalogue)[keyof typeof catalogue]> } }> = [
  {
    name: 'invalid YAML',
    files: { 'brief.md': '---\ntitle: [unclosed\n---\nx\n' },
    expected: { file: 'b/brief.md', line: 2, column: 17, template: catalogue.yamlInvalid('Flow sequence in block collection must be sufficiently indented and end with a ]') },
  },
  {
    name: 'front matter value',
    files: { 'brief.md': '---\ntitle: T\nlang: English\n---\nx\n' },
    expected: { file: 'b/brief.md', line: 3, column: 7, template: catalogue.frontMatterInvalid('lang', 'expected a BCP 47 language tag such as "en" or "zh-CN"') },
  },
  {
    name: 'unknown dataset in prose',
    files: { 'brief.md': `${FRONT}Intro.\n\nWe count {{count "downloads"}} rows.\n`, 'data/orgs.csv': CSV },
    expected: { file: 'b/brief.md', line: 6, column: 12, template: catalogue.dataUnknown('downloads', ['orgs']) },
  },
  {
    name: 'unknown variable',
    files: { 'brief.md': `${FRONT}Title is {{meta.titel}}.\n` },
    expected: { file: 'b/brief.md', line: 4, column: 12, template: catalogue.variableUnknown('meta.titel', 'meta.title') },
  },
  {
    name: 'unknown helper',
    files: { 'brief.md': `${FRONT}\n## S\n\nValue {{percent 0.5}}.\n` },
    expected: { file: 'b/brief.md', line: 7, column: 9, template: catalogue.helperUnknown('percent') },
  },
  {
    name: 'unknown field in a chart spec',
    files: { 'brief.md': `${FRONT}::chart{src="charts/a.vl.json" caption="A"}\n`, 'data/orgs.csv': CSV, 'charts/a.vl.json': SPEC('organisation') },
    expected: { file: 'b/charts/a.vl.json', line: 5, column: 20, template: catalogue.chartField('organisation', 'orgs', ['org', 'releases']) },
  },
  {
    name: 'invalid Vega-Lite spec',
    files: { 'brief.md': `${FRONT}::chart{src="charts/a.vl.json" caption="A"}\n`, 'data/orgs.csv': CSV, 'charts/a.vl.json': SPEC('org').replace('"bar"', '"barr"') },
    expected: { file: 'b/charts/a.vl.json', line: 3, column: 11, template: { ruleId: 'chart-schema', severity: 'error', reason: '' } },
  },
  {
    name: 'missing chart file',
    files: { 'brief.md': `${FRONT}Text.\n\n::chart{src="charts/none.vl.json"}\n` },
    expected: { file: 'b/brief.md', line: 6, column: 1, template: catalogue.chartMissing('charts/none.vl.json') },
  },
  {
    name: 'bad data row',
    files: { 'brief.md': `${FRONT}x\n`, 'data/rows.ndjson': '{"a": 1}\n{"a": 2,}\n' },
    expected: { file: 'b/data/rows.ndjson', line: 2, column: 1, template: { ruleId: 'data-parse', severity: 'error', reason: '' } },
  },
  {
    name: 'citation used but not defined',
    files: { 'brief.md': `${FRONT}Claim.[^src]\n` },
    expected: { file: 'b/brief.md', line: 4, column: 7, template: catalogue.citationUndefined('src') },
  },
  {
    name: 'inline spec error, positioned inside the Markdown',
    files: { 'brief.md': `${FRONT}Text.\n\n\`\`\`vega-lite caption="Inline"\n{"data": {"name": "nope"}, "mark": "bar"}\n\`\`\`\n`, 'data/orgs.csv': CSV },
    expected: { file: 'b/brief.md', line: 7, column: 19, template: catalogue.dataUnknown('nope', ['orgs']) },
  },
];

describe('content errors are reported at their place, one class at a time', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const result = await renderMemory(c.files);
      expect(result.html).toBeUndefined();
      const errors = result.messages.filter((m) => m.severity === 'error');
      expect(errors).toHaveLength(1);
      const [error] = errors;
      expect(error?.file).toBe(c.expected.file);
      expect(error?.ruleId).toBe(c.expected.template.ruleId);
      if (c.expected.template.reason) expect(error?.reason).toBe(c.expected.template.reason);
      if (c.expected.line !== undefined) expect(error?.place).toEqual({ line: c.expected.line, column: c.expected.column });
    });
  }

  it('reports all errors of a briefing in one run, in file order', async () => {
    const result = await renderMemory({ 'brief.md': `${FRONT}{{nope 1}} {{meta.x}}\n\nClaim.[^a]\n` });
    expect(result.messages.map((m) => [m.ruleId, m.place?.line, m.place?.column])).toEqual([
      ['helper-unknown', 4, 3],
      ['variable-unknown', 4, 14],
      ['citation-undefined', 6, 7],
    ]);
  });

  it('warns about a character no embedded font can draw, where it is written', async () => {
    const files = memoryFiles({ 'brief.md': `${FRONT}Press ⏎ to continue.\n` }, 'b');
    const result = await renderBriefing({ files, templates, fonts: fontsourceStore() });
    expect(result.html).toBeDefined();
    expect(result.messages).toEqual([{ file: 'b/brief.md', place: { line: 4, column: 7 }, ...catalogue.glyphMissing('⏎', 0x23ce) }]);
  });
});
