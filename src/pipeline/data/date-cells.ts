import { utcFormat, utcParse } from 'd3-time-format';
import type { Cell } from './dataset.js';

/**
 * The cells of a dataset's date column (`data: { <name>: { date: … } }`) as ISO text, so period
 * windows, `--period latest` and Vega-Lite all read the same day. Without a format, a cell must be
 * an ISO date (`2026-03-02`) or timestamp (`2010-02-01T08:00:00.000Z`, also with a space or an
 * offset) and stays as written. With a d3-time-format `format` (`"%b %d %Y"` for `Jan 1 2000`), it
 * is parsed in UTC and becomes `YYYY-MM-DD`, or a full ISO timestamp when the format has a time.
 * A cell that does not parse is a problem at that cell, never a row silently outside every window.
 */
export interface DateColumn {
  column: string;
  /** d3-time-format specifier; undefined means ISO 8601. */
  format?: string | undefined;
}

export type DateCell = { value: string } | { problem: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
/** Directives that carry a time of day: their values keep the time. */
const TIME_DIRECTIVES = /%[-_0]?[HIMSLfpQsZcX]/;
/** Directives whose value does not print back as read (names of days, week numbers, zones): no round-trip check. */
const LOOSE_DIRECTIVES = /%[-_0]?[aAcxXjUWVuwgGZQsLfp]/;
const DIRECTIVE = /%[-_0]?(.)/g;
const KNOWN = new Set('aAbBcdefgGHIjLmMpqQsSuUVwWxXyYZ%');

/** Why a d3-time-format specifier cannot be used, or undefined when it can. */
export function formatProblem(format: string): string | undefined {
  if (!format.includes('%')) return `"${format}" has no directive such as %Y, %m or %d`;
  for (const match of format.matchAll(DIRECTIVE)) {
    if (!KNOWN.has(match[1] ?? '')) return `"%${match[1] ?? ''}" is not a d3-time-format directive (use %Y %m %d %b %H %M %S …)`;
  }
  return undefined;
}

/** A parser for one date column: each cell → ISO text, or the reason it is not a date. */
export function dateCellParser(column: DateColumn): (cell: Cell | undefined) => DateCell {
  const { format } = column;
  const example = `date: { column: ${column.column}, format: "%b %d %Y" }`;
  if (format === undefined) {
    return (cell) => {
      if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return { problem: 'missing date: a row without one falls in no period' };
      if (typeof cell !== 'string') return { problem: `${String(cell)} is not a date` };
      const text = cell.trim();
      if (isoProblem(text) === undefined) return { value: text };
      return { problem: `${JSON.stringify(cell)} is not an ISO date or timestamp; declare the column's format, e.g. ${example}` };
    };
  }
  const parse = utcParse(format);
  const print = utcFormat(format);
  const keepsTime = TIME_DIRECTIVES.test(format);
  const roundTrips = !LOOSE_DIRECTIVES.test(format);
  return (cell) => {
    if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return { problem: 'missing date: a row without one falls in no period' };
    const text = String(cell).trim();
    const date = parse(text);
    const wrong = { problem: `${JSON.stringify(cell)} is not a date in the format "${format}"` };
    if (!date || Number.isNaN(date.getTime())) return wrong;
    // d3 rolls "Feb 30" over into March; a value that does not print back the same was not a real day.
    if (roundTrips && normalized(print(date)) !== normalized(text)) return { problem: `${JSON.stringify(cell)} is not a real calendar date (format "${format}")` };
    const iso = date.toISOString();
    return { value: keepsTime ? iso : iso.slice(0, 10) };
  };
}

/** Undefined when `text` is an ISO date or timestamp naming a real day and time. */
function isoProblem(text: string): string | undefined {
  const day = ISO_DATE.exec(text) ? text : ISO_TIMESTAMP.exec(text)?.[1];
  if (day === undefined) return 'not ISO';
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) return 'not a real day';
  const time = ISO_TIMESTAMP.exec(text);
  if (time && (Number(time[2]) > 23 || Number(time[3]) > 59 || Number(time[4] ?? 0) > 59)) return 'not a real time';
  return undefined;
}

/** Case, spacing and leading zeros differ between how people write dates and how d3 prints them. */
function normalized(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/\b0+(\d)/g, '$1');
}
