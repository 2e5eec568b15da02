/**
 * Calendar periods — ISO week `2026-W48`, month `2026-11`, quarter `2026-Q4`, year `2026` — and
 * their arithmetic, in UTC days. ISO weeks start on Monday; week 1 is the week with the year's
 * first Thursday, so some ISO years have 53 weeks and the first days of January can belong to
 * the previous ISO year.
 */
export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  /** ISO week-numbering year for weeks, calendar year otherwise. */
  year: number;
  /** Week 1–53, month 1–12, quarter 1–4; 1 for a year. */
  index: number;
  id: string;
  /** First and last day, inclusive, as YYYY-MM-DD. */
  start: string;
  end: string;
}

const DAY = 86_400_000;

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const utc = (year: number, month: number, date: number): number => Date.UTC(year, month - 1, date);

/** Monday of ISO week 1 of an ISO year. */
function isoYearStart(year: number): number {
  const jan4 = utc(year, 1, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - weekday * DAY;
}

export function isoWeeksInYear(year: number): number {
  return (isoYearStart(year + 1) - isoYearStart(year)) / (7 * DAY);
}

/** The ISO year and week a day belongs to. */
export function isoWeekOf(isoDate: string): { year: number; week: number } {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  const thursday = ms + (3 - ((new Date(ms).getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  return { year, week: Math.floor((thursday - isoYearStart(year)) / (7 * DAY)) + 1 };
}

export function makePeriod(kind: PeriodKind, year: number, index: number): Period {
  switch (kind) {
    case 'week': {
      const start = isoYearStart(year) + (index - 1) * 7 * DAY;
      return { kind, year, index, id: `${year}-W${pad(index)}`, start: day(start), end: day(start + 6 * DAY) };
    }
    case 'month':
      return { kind, year, index, id: `${year}-${pad(index)}`, start: day(utc(year, index, 1)), end: day(utc(year, index + 1, 1) - DAY) };
    case 'quarter':
      return { kind, year, index, id: `${year}-Q${index}`, start: day(utc(year, index * 3 - 2, 1)), end: day(utc(year, index * 3 + 1, 1) - DAY) };
    case 'year':
      return { kind, year, index: 1, id: String(year), start: day(utc(year, 1, 1)), end: day(utc(year + 1, 1, 1) - DAY) };
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-W48`, `2026-11`, `2026-Q4`, `2026`; undefined when the text is none of these or out of range. */
export function parsePeriod(text: string): Period | undefined {
  const value = text.trim();
  let m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    return week >= 1 && week <= isoWeeksInYear(year) ? makePeriod('week', year, week) : undefined;
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? makePeriod('month', Number(m[1]), Number(m[2])) : undefined;
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return makePeriod('quarter', Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(value);
  return m ? makePeriod('year', Number(m[1]), 1) : undefined;
}

/** The period of a kind that contains a day. */
export function periodContaining(kind: PeriodKind, isoDate: string): Period {
  const [y, mo] = isoDate.split('-').map(Number) as [number, number];
  switch (kind) {
    case 'week': {
      const { year, week } = isoWeekOf(isoDate);
      return makePeriod('week', year, week);
    }
    case 'month':
      return makePeriod('month', y, mo);
    case 'quarter':
      return makePeriod('quarter', y, Math.ceil(mo / 3));
    case 'year':
      return makePeriod('year', y, 1);
  }
}

/** The period `n` steps later (earlier when negative). */
export function shiftPeriod(period: Period, n: number): Period {
  switch (period.kind) {
    case 'week':
      return periodContaining('week', day(Date.parse(`${period.start}T00:00:00Z`) + n * 7 * DAY));
    case 'month': {
      const months = period.year * 12 + (period.index - 1) + n;
      return makePeriod('month', Math.floor(months / 12), (months % 12) + 1);
    }
    case 'quarter': {
      const quarters = period.year * 4 + (period.index - 1) + n;
      return makePeriod('quarter', Math.floor(quarters / 4), (quarters % 4) + 1);
    }
    case 'year':
      return makePeriod('year', period.year + n, 1);
  }
}

export const previousPeriod = (period: Period): Period => shiftPeriod(period, -1);

/** The same period a year earlier; ISO week 53 maps to week 52 in a 52-week year. */
export function sameLastYear(period: Period): Period {
  if (period.kind !== 'week') return makePeriod(period.kind, period.year - 1, period.index);
  return makePeriod('week', period.year - 1, Math.min(period.index, isoWeeksInYear(period.year - 1)));
}

/** The `n` periods ending with `period`, oldest first. */
export function trailingPeriods(period: Period, n: number): Period[] {
  return Array.from({ length: n }, (_, i) => shiftPeriod(period, i - n + 1));
}

export const comparePeriods = (a: Period, b: Period): number => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);

export const MAX_RANGE = 1000;

/** `2026-W40..2026-W48` → every period from the first to the last, inclusive; a single id → one. */
export function parsePeriodRange(text: string): Period[] | string {
  const [from, to, ...rest] = text.split('..');
  const first = parsePeriod(from ?? '');
  if (!first || rest.length > 0) return `"${text}" is not a period or a range of periods (e.g. 2026-W48, 2026-11, 2026-Q4, 2026, 2026-W40..2026-W48)`;
  if (to === undefined) return [first];
  const last = parsePeriod(to);
  if (!last || last.kind !== first.kind) return `"${text}": both ends of a range must be periods of the same kind`;
  if (comparePeriods(first, last) > 0) return `"${text}": the range ends before it starts`;
  const periods = [first];
  while (periods.length <= MAX_RANGE && (periods[periods.length - 1] as Period).id !== last.id) {
    periods.push(shiftPeriod(periods[periods.length - 1] as Period, 1));
  }
  return periods.length > MAX_RANGE ? `"${text}" spans more than ${MAX_RANGE} periods` : periods;
}

/** "Week 48, 2026" / "2026年第48周", "November 2026" / "2026年11月", "Q4 2026" / "2026年第4季度". */
export function periodLabel(period: Period, lang: string): string {
  const zh = lang.toLowerCase().startsWith('zh');
  switch (period.kind) {
    case 'week':
      return zh ? `${period.year}年第${period.index}周` : `Week ${period.index}, ${period.year}`;
    case 'month':
      return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${period.start}T00:00:00Z`));
    case 'quarter':
      return zh ? `${period.year}年第${period.index}季度` : `Q${period.index} ${period.year}`;
    case 'year':
      return zh ? `${period.year}年` : String(period.year);
  }
}
