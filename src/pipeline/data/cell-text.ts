import type { Cell } from './dataset.js';

/**
 * How the text of a cell becomes a value. Nothing here looks at a locale: a dataset without a
 * schema gets the plain rule of `typeCell`; a declared column gets exactly the separators its
 * schema names (`numberPattern`), so "1.234" is never silently read as 1234 or 1.234 by guess.
 */

const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Undeclared columns: cells that are plainly numbers become numbers, empty cells null, the rest stay text. */
export function typeCell(raw: string): Cell {
  const v = raw.trim();
  if (v === '') return null;
  if (PLAIN_NUMBER.test(v)) return Number(v);
  return raw;
}

export interface Separators {
  /** Thousands separator, allowed only between proper groups of three digits; none when undefined. */
  thousands?: string | undefined;
  decimal: string;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `-?digits[.digits]` with the declared separators: "1,234,567.5" with `thousands: ","`, but never
 * "12,34" or "1234,567" (a separator must split every group of three). Integers have no decimals.
 */
export function numberPattern(kind: 'number' | 'integer', separators: Separators): RegExp {
  const { thousands, decimal } = separators;
  const whole = thousands === undefined ? '\\d+' : `(?:\\d{1,3}(?:${escapeRegExp(thousands)}\\d{3})+|\\d+)`;
  const fraction = kind === 'integer' ? '' : `(?:${escapeRegExp(decimal)}\\d+)?`;
  return new RegExp(`^-?${whole}${fraction}$`);
}

/** Text already matched by `numberPattern` → its number. */
export function numberFromText(text: string, separators: Separators): number {
  const { thousands, decimal } = separators;
  const plain = thousands === undefined ? text : text.replaceAll(thousands, '');
  return Number(decimal === '.' ? plain : plain.replace(decimal, '.'));
}
