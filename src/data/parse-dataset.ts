import { csvParseRows, tsvParseRows } from 'd3-dsv';
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { catalogue } from '../messages/catalogue.js';
import { LineIndex } from '../messages/line-index.js';
import type { MessageLog } from '../messages/message-log.js';
import type { Place } from '../messages/message.js';
import type { Cell, Dataset, Row } from './dataset.js';

export const DATA_EXTENSIONS = ['.csv', '.tsv', '.json', '.ndjson'] as const;

/** `data/releases.csv` → `releases` */
export function datasetName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.indexOf('.');
  return dot === -1 ? base : base.slice(0, dot);
}

/**
 * Parses one data file. Delimited text goes through d3-dsv; JSON through jsonc-parser so each
 * record keeps its position. Cells that are plainly numbers become numbers, empty cells null;
 * dates stay ISO strings (Vega-Lite parses temporal fields itself).
 */
export function parseDataset(path: string, text: string, display: string, log: MessageLog): Dataset | undefined {
  const name = datasetName(path);
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.tsv')) {
    return parseDelimited(name, path, text, lower.endsWith('.csv') ? ',' : '\t');
  }
  if (lower.endsWith('.ndjson')) return parseNdjson(name, path, text, display, log);
  if (lower.endsWith('.json')) return parseJsonArray(name, path, text, display, log);
  log.report(catalogue.dataFormat(path), display);
  return undefined;
}

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

export function typeCell(raw: string): Cell {
  const v = raw.trim();
  if (v === '') return null;
  if (NUMBER.test(v)) return Number(v);
  return raw;
}

function parseDelimited(name: string, path: string, text: string, delimiter: ',' | '\t'): Dataset {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const table = delimiter === ',' ? csvParseRows(body) : tsvParseRows(body);
  const header = table[0] ?? [];
  const columns = header.map((c) => c.trim());
  const starts = recordStartLines(body, delimiter);
  const rows: Row[] = [];
  const rowPlaces: Place[] = [];
  table.slice(1).forEach((cells, i) => {
    if (cells.length === 1 && cells[0] === '') return; // blank line
    const row: Row = {};
    columns.forEach((c, j) => (row[c] = typeCell(cells[j] ?? '')));
    rows.push(row);
    rowPlaces.push({ line: starts[i + 1] ?? i + 2, column: 1 });
  });
  return { name, path, columns, rows, rowPlaces };
}

/** Line on which each record starts, honouring quoted fields that span lines. */
function recordStartLines(text: string, delimiter: string): number[] {
  const starts = [1];
  let line = 1;
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' && (quoted || fieldStart)) quoted = !quoted;
    if (ch === '\n') {
      line++;
      if (!quoted) starts.push(line);
    }
    fieldStart = ch === delimiter || ch === '\n';
  }
  return starts;
}

function recordToRow(value: unknown): Row | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const row: Row = {};
  for (const [k, v] of Object.entries(value)) {
    row[k] = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
  }
  return row;
}

function columnsOf(rows: Row[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

function parseJsonArray(name: string, path: string, text: string, display: string, log: MessageLog): Dataset | undefined {
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
  const rows: Row[] = [];
  const rowPlaces: Place[] = [];
  let ok = true;
  values.forEach((value, i) => {
    const place = index.place(tree.children?.[i]?.offset ?? 0);
    const row = recordToRow(value);
    if (!row) {
      log.report(catalogue.dataParse(name, `record ${i + 1} is not an object`), display, place);
      ok = false;
      return;
    }
    rows.push(row);
    rowPlaces.push(place);
  });
  return ok ? { name, path, columns: columnsOf(rows), rows, rowPlaces } : undefined;
}

function parseNdjson(name: string, path: string, text: string, display: string, log: MessageLog): Dataset | undefined {
  const rows: Row[] = [];
  const rowPlaces: Place[] = [];
  let ok = true;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const place = { line: i + 1, column: 1 };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      log.report(catalogue.dataParse(name, `line is not valid JSON (${(e as Error).message})`), display, place);
      ok = false;
      return;
    }
    const row = recordToRow(value);
    if (!row) {
      log.report(catalogue.dataParse(name, 'each NDJSON line must be an object'), display, place);
      ok = false;
      return;
    }
    rows.push(row);
    rowPlaces.push(place);
  });
  return ok ? { name, path, columns: columnsOf(rows), rows, rowPlaces } : undefined;
}
