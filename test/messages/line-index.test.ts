import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/messages/format-message.js';
import { LineIndex, shiftPlace } from '../../src/messages/line-index.js';

describe('LineIndex', () => {
  it('maps offsets to 1-based places and back', () => {
    const index = new LineIndex('ab\ncd\n\nef');
    expect(index.place(0)).toEqual({ line: 1, column: 1 });
    expect(index.place(4)).toEqual({ line: 2, column: 2 });
    expect(index.place(7)).toEqual({ line: 4, column: 1 });
    expect(index.offset({ line: 2, column: 2 })).toBe(4);
  });

  it('shifts places found inside an embedded text', () => {
    expect(shiftPlace({ line: 1, column: 3 }, { line: 10, column: 5 })).toEqual({ line: 10, column: 7 });
    expect(shiftPlace({ line: 3, column: 2 }, { line: 10, column: 5 })).toEqual({ line: 12, column: 2 });
  });
});

describe('formatMessage', () => {
  it('prints file:line:col: severity: reason [rule]', () => {
    expect(formatMessage({ file: 'c/b.md', place: { line: 12, column: 5 }, severity: 'error', ruleId: 'data-unknown', reason: 'x' })).toBe(
      'c/b.md:12:5: error: x [data-unknown]',
    );
    expect(formatMessage({ file: 'c', severity: 'warning', ruleId: 'r', reason: 'y' })).toBe('c: warning: y [r]');
  });
});
