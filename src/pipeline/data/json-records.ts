import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { catalogue } from '../../messages/catalogue.js';
import { LineIndex } from '../../messages/line-index.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { Place } from '../../messages/message.js';
import type { SourceRecord } from './dataset-builder.js';
import type { Row } from './dataset.js';

/** The records of a JSON or NDJSON data file, and every key seen (in order of first use). */
export interface JsonRecords {
  records: SourceRecord[];
  columns: string[];
}

/**
 * A JSON array of records, parsed with jsonc-parser so each record and each value keeps its
 * position. Undefined (after reporting) when the file is not an array of objects.
 */
export function jsonArrayRecords(name: string, text: string, display: string, log: MessageLog): JsonRecords | undefined {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const index = new LineIndex(text);
  const first = errors[0];
  if (first) {
    log.report(catalogue.dataParse(name, `invalid JSON (${printParseErrorCode(first.error)})`), display, index.place(first.offset));
    return undefined;
  }
  if (!tree || tree.type !== 'array') {
    log.report(catalogue.dataParse(name, 'a JSON data file must hold an array of records'), display, { line: 1, column: 1 });
    return undefined;
  }
  const values = JSON.parse(text) as unknown[];
  const records: SourceRecord[] = [];
  let ok = true;
  values.forEach((value, i) => {
    const node = tree.children?.[i];
    const place = index.place(node?.offset ?? 0);
    const cells = recordToRow(value);
    if (!cells) {
      log.report(catalogue.dataParse(name, `record ${i + 1} is not an object`), display, place);
      ok = false;
      return;
    }
    const cellPlace = (column: string): Place => {
      const offset = node && valueOffset(node, column);
      return offset === undefined ? place : index.place(offset);
    };
    records.push({ cells, place, cellPlace, ...nestedOf(value) });
  });
  return ok ? { records, columns: columnsOf(records) } : undefined;
}

/** One JSON object per line; blank lines are skipped. */
export function ndjsonRecords(name: string, text: string, display: string, log: MessageLog): JsonRecords | undefined {
  const records: SourceRecord[] = [];
  let ok = true;
  text.split('\n').forEach((lineText, i) => {
    if (lineText.trim() === '') return;
    const place = { line: i + 1, column: 1 };
    let value: unknown;
    try {
      value = JSON.parse(lineText);
    } catch (e) {
      log.report(catalogue.dataParse(name, `line is not valid JSON (${(e as Error).message})`), display, place);
      ok = false;
      return;
    }
    const cells = recordToRow(value);
    if (!cells) {
      log.report(catalogue.dataParse(name, 'each NDJSON line must be an object'), display, place);
      ok = false;
      return;
    }
    // Positions of single values are only needed for messages, so the line is parsed again only then.
    const cellPlace = (column: string): Place => {
      const node = parseTree(lineText);
      const offset = node && valueOffset(node, column);
      return offset === undefined ? place : { line: place.line, column: offset + 1 };
    };
    records.push({ cells, place, cellPlace, ...nestedOf(value) });
  });
  return ok ? { records, columns: columnsOf(records) } : undefined;
}

/** The record's object and array values as written, for charts (`record.low`, `ranges[1]`). */
function nestedOf(value: unknown): { nested?: Record<string, unknown> } {
  const nested = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && typeof v === 'object');
  return nested.length === 0 ? {} : { nested: Object.fromEntries(nested) };
}

/** Nested values become JSON text: a cell holds a string, number, boolean or null (charts get them as written, see `nestedOf`). */
function recordToRow(value: unknown): Row | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const row: Row = {};
  for (const [k, v] of Object.entries(value)) {
    row[k] = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
  }
  return row;
}

function valueOffset(object: Node, key: string): number | undefined {
  const property = object.children?.find((p) => p.children?.[0]?.value === key);
  return property?.children?.[1]?.offset;
}

function columnsOf(records: readonly SourceRecord[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.cells)) seen.add(k);
  return [...seen];
}
