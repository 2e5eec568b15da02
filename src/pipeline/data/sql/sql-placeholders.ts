import type { Placeholder } from '../../../edges/sql/query-engine.js';

export interface ScannedSql {
  /** `$name` placeholders, in text order. */
  placeholders: Placeholder[];
  /** Offsets of positional `$1`-style placeholders, which briefings do not use. */
  positional: number[];
}

const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_]/;

/**
 * Finds the `$name` placeholders of a query, skipping what is not SQL code: string literals
 * ('…' with '' escapes, E'…' with backslash escapes), quoted identifiers ("…"), line and
 * (nested) block comments, and dollar-quoted strings ($$…$$, $tag$…$tag$). A `$` inside an
 * identifier (`a$b`, allowed by PostgreSQL) is part of it. Works for DuckDB and PostgreSQL.
 */
export function findPlaceholders(sql: string): ScannedSql {
  const placeholders: Placeholder[] = [];
  const positional: number[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') i = endOfLine(sql, i);
    else if (c === '/' && next === '*') i = endOfBlockComment(sql, i);
    else if (c === "'") i = endOfQuoted(sql, i, "'", (i > 0 && /[eE]/.test(sql[i - 1]!) && !IDENT.test(sql[i - 2] ?? '')));
    else if (c === '"') i = endOfQuoted(sql, i, '"', false);
    else if (c === '$' && !(i > 0 && IDENT.test(sql[i - 1]!))) {
      const dollarQuote = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (dollarQuote) {
        const close = sql.indexOf(dollarQuote[0], i + dollarQuote[0].length);
        i = close === -1 ? sql.length : close + dollarQuote[0].length;
      } else if (IDENT_START.test(next ?? '')) {
        let end = i + 1;
        while (end < sql.length && IDENT.test(sql[end]!)) end++;
        placeholders.push({ name: sql.slice(i + 1, end), offset: i, length: end - i });
        i = end;
      } else if (/[0-9]/.test(next ?? '')) {
        positional.push(i);
        i += 2;
      } else i++;
    } else i++;
  }
  return { placeholders, positional };
}

function endOfLine(sql: string, from: number): number {
  const end = sql.indexOf('\n', from);
  return end === -1 ? sql.length : end + 1;
}

/** PostgreSQL nests block comments; DuckDB does not, but a nested one is rare and harmless here. */
function endOfBlockComment(sql: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return sql.length;
}

function endOfQuoted(sql: string, from: number, quote: string, backslashEscapes: boolean): number {
  let i = from + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (backslashEscapes && c === '\\') i += 2;
    else if (c === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}
