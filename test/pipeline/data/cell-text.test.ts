import { describe, expect, it } from 'vitest';
import { numberFromText, numberPattern, typeCell, type Separators } from '../../../src/pipeline/data/cell-text.js';

const reads = (text: string, separators: Separators, kind: 'number' | 'integer' = 'number'): number | undefined =>
  numberPattern(kind, separators).test(text) ? numberFromText(text, separators) : undefined;

describe('numbers with declared separators', () => {
  it('accepts -digits[.digits] and nothing a locale might guess', () => {
    const plain = { decimal: '.' };
    expect(reads('1234.5', plain)).toBe(1234.5);
    expect(reads('-0.25', plain)).toBe(-0.25);
    for (const text of ['1,234', '1e3', '+1', '.5', '1.', '1 234', '0x10', 'NaN', '']) expect(reads(text, plain)).toBeUndefined();
  });

  it('allows a thousands separator only between proper groups of three', () => {
    const comma = { thousands: ',', decimal: '.' };
    expect(reads('1,234,567.89', comma)).toBe(1234567.89);
    expect(reads('-12,345', comma)).toBe(-12345);
    expect(reads('999', comma)).toBe(999);
    expect(reads('1234', comma)).toBe(1234); // no separator at all is fine
    for (const text of ['12,34', '1234,567', '1,2345', ',123', '1,234,56', '1,,234']) expect(reads(text, comma)).toBeUndefined();
  });

  it('reads a decimal comma with dots, spaces, apostrophes or underscores between thousands', () => {
    expect(reads('1.234.567,5', { thousands: '.', decimal: ',' })).toBe(1234567.5);
    expect(reads('1.234', { thousands: '.', decimal: ',' })).toBe(1234);
    expect(reads('1 234,5', { thousands: ' ', decimal: ',' })).toBe(1234.5);
    expect(reads("1'234'567", { thousands: "'", decimal: '.' })).toBe(1234567);
    expect(reads('1_000_000', { thousands: '_', decimal: '.' }, 'integer')).toBe(1_000_000);
    expect(reads('1234.5', { decimal: ',' })).toBeUndefined();
  });

  it('gives integers no decimals', () => {
    expect(reads('12,000', { thousands: ',', decimal: '.' }, 'integer')).toBe(12000);
    expect(reads('12.0', { decimal: '.' }, 'integer')).toBeUndefined();
  });
});

describe('typeCell (columns without a schema)', () => {
  it('keeps today’s plain rule', () => {
    expect(typeCell('-1.5e3')).toBe(-1500);
    expect(typeCell('1,234')).toBe('1,234');
    expect(typeCell('2025-01-20')).toBe('2025-01-20');
    expect(typeCell(' \t')).toBeNull();
  });
});
