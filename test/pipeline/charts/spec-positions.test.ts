import { parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { nodeAt, SpecPositions } from '../../../src/pipeline/charts/spec-positions.js';

const TEXT = `{
  "mark": "bar",
  "encoding": {
    "x": {"field": "model", "type": "nominal"},
    "tooltip": [{"field": "a"}, {"field": "b"}]
  }
}`;

describe('SpecPositions', () => {
  const positions = new SpecPositions(parseTree(TEXT), TEXT);

  it('places the value at a JSON path', () => {
    expect(positions.place(['encoding', 'x', 'field'])).toEqual({ line: 4, column: 20 });
    expect(positions.place(['encoding', 'tooltip', 1, 'field'])).toEqual({ line: 5, column: 43 });
  });

  it('accepts numeric strings as array indices (JSON pointers)', () => {
    expect(positions.place(['encoding', 'tooltip', '1', 'field'])).toEqual({ line: 5, column: 43 });
  });

  it('places property names', () => {
    expect(positions.keyPlace(['encoding', 'x', 'type'])).toEqual({ line: 4, column: 29 });
  });

  it('falls back to the deepest existing node', () => {
    expect(positions.place(['encoding', 'y', 'field'])).toEqual({ line: 3, column: 15 });
    expect(positions.keyPlace(['encoding', 'x', 'nope'])).toEqual({ line: 4, column: 10 });
  });

  it('shifts by the origin', () => {
    const inline = new SpecPositions(parseTree(TEXT), TEXT, { line: 20, column: 5 });
    expect(inline.place([])).toEqual({ line: 20, column: 5 });
    expect(inline.place(['mark'])).toEqual({ line: 21, column: 11 });
  });

  it('takes the last of duplicate keys, as JSON.parse does', () => {
    const text = '{"a": 1, "a": 2}';
    expect(nodeAt(parseTree(text), ['a'])?.value).toBe(2);
  });
});
