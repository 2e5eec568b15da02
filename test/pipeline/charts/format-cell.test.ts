import { describe, expect, it } from 'vitest';
import { formatCell, formatNumber } from '../../../src/pipeline/charts/format-cell.js';

describe('formatCell', () => {
  it('formats numbers plainly with at most four decimals', () => {
    expect(formatNumber(1200000)).toBe('1200000');
    expect(formatNumber(80.5)).toBe('80.5');
    expect(formatNumber(2 / 3)).toBe('0.6667');
    expect(formatNumber(1234.56789)).toBe('1234.5679');
    expect(formatNumber(0.000123456)).toBe('0.0001235');
    expect(formatNumber(-1.5)).toBe('-1.5');
  });

  it('formats temporal values as ISO dates (times only when not midnight)', () => {
    expect(formatCell(Date.UTC(2025, 0, 20), true)).toBe('2025-01-20');
    expect(formatCell(new Date(Date.UTC(2025, 0, 20, 9, 30)), true)).toBe('2025-01-20 09:30');
    expect(formatCell(new Date(Date.UTC(2024, 11, 1)), false)).toBe('2024-12-01');
  });

  it('leaves text alone and empties missing values', () => {
    expect(formatCell('Llama 3', false)).toBe('Llama 3');
    expect(formatCell(null, false)).toBe('');
    expect(formatCell(undefined, true)).toBe('');
    expect(formatCell(true, false)).toBe('true');
  });
});
