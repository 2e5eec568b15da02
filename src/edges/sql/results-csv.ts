import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { QueryResult, SqlCell } from './query-engine.js';

/**
 * A query result as CSV that any tool opens and that reads back to exactly the same cells, so an
 * archived issue can be rebuilt byte for byte from it: text is always quoted, numbers and
 * booleans never are, and an empty unquoted cell is null (an empty quoted one is the empty text).
 */
export function resultToCsv(result: QueryResult): string {
  const lines = [result.columns.map(quote).join(',')];
  for (const row of result.rows) lines.push(row.map(cellText).join(','));
  return `${lines.join('\n')}\n`;
}

export function csvToResult(text: string): QueryResult {
  const records = parse(text, {
    relax_column_count: false,
    skip_empty_lines: false,
    cast: (value, context) => (context.quoting ? value : plainCell(value)),
  }) as SqlCell[][];
  const [header, ...rows] = records;
  return { columns: (header ?? []).map(String), rows };
}

/** The hash an archive record keeps of a stored result (of its CSV bytes). */
export function resultHash(csv: string): string {
  return `sha256:${createHash('sha256').update(csv).digest('hex')}`;
}

function cellText(cell: SqlCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return quote(cell);
  return String(cell);
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function plainCell(value: string): SqlCell {
  if (value === '') return null;
  if (value === 'true') return true;
  if (value === 'false') return false;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`unquoted cell "${value}" is neither a number, a boolean nor empty`);
  return n;
}
