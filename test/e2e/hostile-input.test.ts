import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/messages/catalogue.js';
import { MAX_GENERATED_ROWS, MAX_SPEC_DEPTH } from '../../src/pipeline/charts/chart-limits.js';
import { MAX_NESTING } from '../../src/pipeline/markdown/nesting-limit.js';
import { renderMemory } from '../support/render-folder.js';

const FRONT = '---\ntitle: Hostile\n---\n';
const chartBrief = `${FRONT}Intro.\n\n::chart{src="charts/c.vl.json" caption="C"}\n`;

/** Hostile input is refused with one positioned error, never a stack overflow or an exhausted heap. */
const cases: Array<{ name: string; files: Record<string, string>; file: string; line: number; column: number; template: ReturnType<(typeof catalogue)[keyof typeof catalogue]> }> = [
  {
    name: 'a YAML alias bomb in front matter',
    files: {
      'brief.md': `---\ntitle: Bomb\na: &a [x, x, x, x, x, x, x, x, x]\n${['b', 'c', 'd', 'e', 'f', 'g', 'h']
        .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)
        .join('\n')}\n---\nx\n`,
    },
    file: 'b/brief.md', line: 4, column: 8, template: catalogue.yamlAliases(100),
  },
  {
    name: 'a block quote nested 10,000 deep',
    files: { 'brief.md': `${FRONT}Intro.\n\n${'>'.repeat(10_000)} deep\n` },
    file: 'b/brief.md', line: 6, column: MAX_NESTING + 1, template: catalogue.markdownTooDeep(MAX_NESTING),
  },
  {
    name: 'a list nested 3,000 deep on one line',
    files: { 'brief.md': `${FRONT}Intro.\n\n${'- '.repeat(3_000)}deep\n` },
    file: 'b/brief.md', line: 6, column: 2 * MAX_NESTING + 1, template: catalogue.markdownTooDeep(MAX_NESTING),
  },
  {
    name: 'raw HTML nested 10,000 deep',
    files: { 'brief.md': `${FRONT}Intro.\n\n${'<div>'.repeat(10_000)}deep\n` },
    file: 'b/brief.md', line: 6, column: 5 * MAX_NESTING + 1, template: catalogue.markdownTooDeep(MAX_NESTING),
  },
  {
    name: 'a sequence generator of 20 million rows',
    files: {
      'brief.md': chartBrief,
      'charts/c.vl.json': '{\n  "description": "d",\n  "data": {"sequence": {"start": 0, "stop": 20000000}},\n  "mark": "point",\n  "encoding": {"x": {"field": "data", "type": "quantitative"}}\n}\n',
    },
    file: 'b/charts/c.vl.json', line: 3, column: 12, template: catalogue.chartTooLarge('this sequence', 20_000_000, MAX_GENERATED_ROWS),
  },
  {
    name: 'an impute keyvals sequence with a zero step',
    files: {
      'brief.md': chartBrief,
      'charts/c.vl.json': '{\n  "description": "d",\n  "data": {"values": [{"a": 1, "b": 2}]},\n  "transform": [{"impute": "b", "key": "a", "keyvals": {"start": 0, "stop": 5, "step": 0}}],\n  "mark": "point",\n  "encoding": {"x": {"field": "a", "type": "quantitative"}}\n}\n',
    },
    file: 'b/charts/c.vl.json', line: 4, column: 45, template: catalogue.chartTooLarge('this keyvals sequence', Infinity, MAX_GENERATED_ROWS),
  },
  {
    name: 'a chart spec nested 20,000 deep',
    files: { 'brief.md': chartBrief, 'charts/c.vl.json': `{"mark": "point", "x": ${'['.repeat(20_000)}${']'.repeat(20_000)}}` },
    file: 'b/charts/c.vl.json', line: 1, column: 24 + MAX_SPEC_DEPTH - 1, template: catalogue.chartTooDeep(MAX_SPEC_DEPTH),
  },
];

describe('hostile input is refused at its place', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const result = await renderMemory(c.files);
      expect(result.html).toBeUndefined();
      expect(result.messages).toEqual([{ file: c.file, place: { line: c.line, column: c.column }, ...c.template }]);
    });
  }

  it('keeps ordinary nesting: a quote in a list in a quote renders', async () => {
    const result = await renderMemory({ 'brief.md': `${FRONT}> - > quoted\n>   - nested\n` });
    expect(result.messages).toEqual([]);
    expect(result.html).toContain('<blockquote>');
  });
});
