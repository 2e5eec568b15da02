import type { SqlCell } from './query-engine.js';

/**
 * What a result column holds, as far as a dataset cares. Each engine maps its own types to these
 * (DuckDB type ids, PostgreSQL type oids); anything else is refused with a hint to cast it.
 */
export type ColumnKind = 'integer' | 'decimal' | 'float' | 'boolean' | 'text' | 'date' | 'timestamp' | 'timestamptz' | 'unsupported';

export interface ResultColumn {
  name: string;
  kind: ColumnKind;
  /** The engine's own type name, for messages (`BIGINT`, `numeric`, `INTEGER[]`). */
  type: string;
}

/** A value a dataset cannot hold faithfully: a number past 2^53, NaN, a list, an infinite date. */
export class CellTypeError extends Error {
  constructor(readonly column: string, detail: string) {
    super(`column "${column}" ${detail}`);
    this.name = 'CellTypeError';
  }
}

/**
 * One raw value (the engine's text or JSON form) as a dataset cell. Integers and decimals become
 * numbers only when a double holds them exactly enough: an integer past ±2^53 is an error rather
 * than a silently different number. Dates stay ISO dates (`2026-01-05`), timestamps become ISO
 * timestamps (`2026-01-05T10:00:00`, with `Z` when they carry a time zone; sessions run in UTC).
 */
export function toCell(column: ResultColumn, raw: unknown): SqlCell {
  if (raw === null || raw === undefined) return null;
  const text = typeof raw === 'string' ? raw : String(raw);
  switch (column.kind) {
    case 'text':
      return typeof raw === 'string' ? raw : JSON.stringify(raw);
    case 'boolean':
      return raw === true || text === 't' || text === 'true';
    case 'integer':
    case 'decimal':
      return exactNumber(column, text);
    case 'float': {
      const n = Number(text);
      if (!Number.isFinite(n)) throw new CellTypeError(column.name, `holds ${text}, which a chart or a sum cannot use (filter it out in the query)`);
      return n;
    }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new CellTypeError(column.name, `holds the date "${text}", which is not a calendar date from year 0000 to 9999`);
      return text;
    case 'timestamp':
    case 'timestamptz':
      return isoTimestamp(column, text);
    case 'unsupported':
      throw new CellTypeError(column.name, `has type ${column.type}, which a dataset cannot hold (cast it, e.g. CAST(… AS VARCHAR))`);
  }
}

/** Numbers beyond ±2^53 lose digits in a double: refuse them instead of changing them. */
function exactNumber(column: ResultColumn, text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER) {
    throw new CellTypeError(column.name, `holds ${text}, beyond what a number holds exactly (±9007199254740991); cast it to DOUBLE or to text in the query`);
  }
  return n;
}

/** `2026-01-02 03:04:05.5` → `2026-01-02T03:04:05.5`; `… 01:04:05+00` → `…T01:04:05Z`. */
function isoTimestamp(column: ResultColumn, text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2}(?::?\d{2})?)?$/.exec(text);
  if (!match) throw new CellTypeError(column.name, `holds the timestamp "${text}", which is not one from year 0000 to 9999`);
  const [, date, time, zone] = match;
  if (column.kind === 'timestamp') return `${date}T${time}`;
  if (zone === undefined || /^[+-]00(:?00)?$/.test(zone)) return `${date}T${time}Z`;
  return `${date}T${time}${zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`}`;
}
