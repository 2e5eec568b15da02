import type { Placeholder, QueryFailure } from './query-engine.js';

export interface TranslatedSql {
  /** The SQL with `$name` replaced by `$1…$n` (the same name, the same number). */
  text: string;
  /** The values in `$1…$n` order. */
  values: unknown[];
  /** Maps a string offset in `text` back to the author's text. */
  toOriginal(offset: number): number;
}

/** `WHERE region = $region AND d >= $period_start` → `WHERE region = $1 AND d >= $2`, positions kept. */
export function translatePlaceholders(sql: string, placeholders: readonly Placeholder[], valueOf: (name: string) => unknown): TranslatedSql {
  const numbers = new Map<string, number>();
  const values: unknown[] = [];
  const shifts: Array<{ at: number; original: number; length: number; originalLength: number }> = [];
  let text = '';
  let last = 0;
  for (const p of placeholders) {
    let n = numbers.get(p.name);
    if (n === undefined) {
      values.push(valueOf(p.name));
      n = values.length;
      numbers.set(p.name, n);
    }
    text += sql.slice(last, p.offset);
    const replacement = `$${n}`;
    shifts.push({ at: text.length, original: p.offset, length: replacement.length, originalLength: p.length });
    text += replacement;
    last = p.offset + p.length;
  }
  text += sql.slice(last);
  const toOriginal = (offset: number): number => {
    let original = offset;
    for (const s of shifts) {
      if (offset < s.at) break;
      // Inside a replacement: its placeholder's start; past it: shifted by the length difference.
      original = offset < s.at + s.length ? s.original : offset - s.at - s.length + s.original + s.originalLength;
    }
    return original;
  };
  return { text, values, toOriginal };
}

interface PgError {
  code?: string;
  message?: string;
  position?: string;
  hint?: string;
  severity?: string;
}

/**
 * A server error as a failure placed in the author's text; undefined for an error that is not
 * the server's answer to the query (a dropped connection). PostgreSQL counts `position` in
 * characters from 1 (code points, so a character outside the BMP counts once).
 */
export function postgresFailure(error: unknown, toOriginal: (offset: number) => number, sent?: string): QueryFailure | undefined {
  const e = error as PgError;
  if (typeof e.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code) || e.severity === undefined) return undefined;
  const message = (e.message ?? 'error').split('\n')[0] ?? '';
  const position = e.position === undefined ? undefined : Number(e.position) - 1;
  const offset = position === undefined || !Number.isFinite(position) ? 0 : toOriginal(sent ? codePointsToIndex(sent, position) : position);
  if (e.code === '57014') return { kind: 'timeout', message: `the query ran longer than the statement timeout and was stopped (${message})`, offset };
  if (e.code === '25006') return { kind: 'refused', message: `${message}: queries only read`, offset };
  if (e.code.startsWith('28') || e.code.startsWith('08') || e.code === '3D000') return { kind: 'source', message, offset };
  const column = e.code === '42703' ? /column "?([^"\s]+)"? does not exist/.exec(message)?.[1] : undefined;
  if (column !== undefined) {
    const hinted = /"(?:[^".]+\.)?([^"]+)"/.exec(e.hint ?? '')?.[1];
    const name = column.slice(column.lastIndexOf('.') + 1);
    return { kind: 'sql', message: `column "${name}" does not exist`, offset, missing: { name, candidates: hinted ? [hinted] : [] } };
  }
  return { kind: 'sql', message, offset };
}

function codePointsToIndex(text: string, codePoints: number): number {
  let index = 0;
  for (let n = 0; n < codePoints && index < text.length; n++) index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  return index;
}
