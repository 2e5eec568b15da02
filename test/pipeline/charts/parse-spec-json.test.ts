import { describe, expect, it } from 'vitest';
import { parseSpecJson } from '../../../src/pipeline/charts/parse-spec-json.js';
import { MessageLog } from '../../../src/messages/message-log.js';
import { brief, FILE } from './helpers.js';

function parse(text: string, origin = { line: 1, column: 1 }) {
  const log = new MessageLog();
  const parsed = parseSpecJson(text, origin, FILE, log);
  return { parsed, messages: brief(log.messages) };
}

describe('parseSpecJson', () => {
  it('parses a spec object', () => {
    const { parsed, messages } = parse('{"mark": "bar"}');
    expect(messages).toEqual([]);
    expect(parsed?.value).toEqual({ mark: 'bar' });
  });

  it('reports the first syntax error where it is', () => {
    const { parsed, messages } = parse('{\n  "mark": "bar"\n  "encoding": {}\n}');
    expect(parsed).toBeUndefined();
    expect(messages).toEqual([
      { ruleId: 'chart-json', reason: 'chart spec is not valid JSON: expected ","', place: { line: 3, column: 3 } },
    ]);
  });

  it('is strict JSON: no comments, no trailing commas', () => {
    expect(parse('{\n  // bars\n  "mark": "bar"\n}').messages).toEqual([
      { ruleId: 'chart-json', reason: 'chart spec is not valid JSON: comments are not allowed in JSON', place: { line: 2, column: 3 } },
    ]);
    expect(parse('{"mark": "bar",}').messages).toEqual([
      { ruleId: 'chart-json', reason: 'chart spec is not valid JSON: expected a property name in double quotes', place: { line: 1, column: 16 } },
    ]);
  });

  it('reports an empty spec', () => {
    expect(parse('  \n').messages).toEqual([
      { ruleId: 'chart-json', reason: 'chart spec is not valid JSON: expected a value', place: { line: 2, column: 1 } },
    ]);
  });

  it('requires an object', () => {
    expect(parse('[1, 2]').messages).toEqual([
      { ruleId: 'chart-schema', reason: 'invalid Vega-Lite spec: the spec must be a JSON object', place: { line: 1, column: 1 } },
    ]);
  });

  it('shifts places by the origin of an inline spec', () => {
    // First line: columns shift; later lines keep their column.
    expect(parse('{"mark": "bar",}', { line: 12, column: 4 }).messages[0]?.place).toEqual({ line: 12, column: 19 });
    expect(parse('{\n  "mark" "bar"\n}', { line: 12, column: 4 }).messages[0]?.place).toEqual({ line: 13, column: 10 });
  });
});
