import { catalogue } from '../../../messages/catalogue.js';
import { HelperFailure, type HelperCall, type HelperPlugin } from '../helper-api.js';

/** Number, percentage, delta and date formatting that follows the briefing's `lang`. */
export const formatHelpers: HelperPlugin = (registry) => {
  registry.add('num', (call) => {
    const value = numberArg(call, 'num', 0);
    const digits = digitsOption(call, 'num');
    return format(call, digits === undefined ? { maximumFractionDigits: 1 } : fixed(digits), value);
  });
  registry.add('pct', (call) => {
    const value = numberArg(call, 'pct', 0);
    return format(call, { style: 'percent', ...fixedOr(digitsOption(call, 'pct'), 1) }, value);
  });
  // Two shares as fractions (like pct): {{ppChange 0.101 0.124}} → "+2.3 pp", the change in percentage points.
  registry.add('ppChange', (call) => {
    const from = numberArg(call, 'ppChange', 0);
    const to = numberArg(call, 'ppChange', 1);
    const points = format(call, { signDisplay: 'exceptZero', ...fixedOr(digitsOption(call, 'ppChange'), 1) }, (to - from) * 100);
    return `${points}${POINTS[call.lang.split('-')[0] ?? ''] ?? POINTS['en']}`;
  });
  registry.add('delta', (call) => formatDelta(call, numberArg(call, 'delta', 0), 'delta'));
  registry.add('pctChange', (call) => {
    const from = numberArg(call, 'pctChange', 0);
    const to = numberArg(call, 'pctChange', 1);
    if (from === 0) throw new HelperFailure(catalogue.helperFailed('pctChange', 'cannot compute a change from 0'));
    return formatDelta(call, (to - from) / Math.abs(from), 'pctChange');
  });
  registry.add('ratio', (call) => {
    const a = numberArg(call, 'ratio', 0);
    const b = numberArg(call, 'ratio', 1);
    if (b === 0) throw new HelperFailure(catalogue.helperFailed('ratio', 'division by 0'));
    return a / b;
  });
  registry.add('date', (call) => {
    const raw = call.args[0];
    const date = typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00Z`) : undefined;
    if (!date || Number.isNaN(date.getTime())) {
      throw new HelperFailure(catalogue.helperFailed('date', `expected a date as "YYYY-MM-DD", got ${describe(raw)}`));
    }
    const style = call.hash['style'] ?? 'long';
    if (style !== 'long' && style !== 'medium' && style !== 'short' && style !== 'full') {
      throw new HelperFailure(catalogue.helperFailed('date', 'style must be one of full, long, medium, short'));
    }
    return new Intl.DateTimeFormat(call.lang, { dateStyle: style, timeZone: 'UTC' }).format(date);
  });
};

function formatDelta(call: HelperCall, value: number, name: string): string {
  return format(call, { style: 'percent', signDisplay: 'exceptZero', ...fixedOr(digitsOption(call, name), 1) }, value);
}

/** "percentage points" after a ppChange, by language. */
const POINTS: Record<string, string> = { en: ' pp', zh: '个百分点' };

/**
 * A number in the briefing's language. English typography writes a negative number with the
 * minus sign (U+2212), not the hyphen Intl gives: "−5.0%". Only these helpers' text changes;
 * data, CSV and JSON keep their numbers as they are.
 */
function format(call: HelperCall, options: Intl.NumberFormatOptions, value: number): string {
  const text = new Intl.NumberFormat(call.lang, options).format(value);
  return /^en\b/i.test(call.lang) ? text.replace(/-/g, '\u2212') : text;
}

function fixed(digits: number): Intl.NumberFormatOptions {
  return { minimumFractionDigits: digits, maximumFractionDigits: digits };
}

function fixedOr(digits: number | undefined, max: number): Intl.NumberFormatOptions {
  return digits === undefined ? { maximumFractionDigits: max } : fixed(digits);
}

function digitsOption(call: HelperCall, name: string): number | undefined {
  const digits = call.hash['digits'];
  if (digits === undefined) return undefined;
  if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 0 || digits > 10) {
    throw new HelperFailure(catalogue.helperFailed(name, 'digits must be a whole number from 0 to 10'));
  }
  return digits;
}

export function numberArg(call: HelperCall, name: string, index: number): number {
  const value = call.args[index];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  throw new HelperFailure(catalogue.helperFailed(name, `argument ${index + 1} must be a number, got ${describe(value)}`));
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  return typeof value === 'string' ? `"${value}"` : String(value);
}
