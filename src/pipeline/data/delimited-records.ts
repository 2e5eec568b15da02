import type { Readable } from 'node:stream';
import { CsvError, parse as parseStream, type Options } from 'csv-parse';
import { parse as parseText } from 'csv-parse/sync';
import type { Place } from '../../messages/message.js';

/**
 * CSV/TSV records through csv-parse — the same parser and options for a string and for a stream —
 * with the line each record starts on and the column each cell starts at. csv-parse hands back
 * each record's raw text (`raw: true`); positions are counted from it rather than from
 * `info.lines`, which miscounts CRLF inside quoted cells.
 */
export type Delimiter = ',' | '\t';

export interface TextRecord {
  cells: string[];
  /** Line the record starts on (blank lines before it skipped). */
  line: number;
  /** Where cell `index` starts, its opening quote included. */
  cellPlace(index: number): Place;
}

/** Text csv-parse cannot read (e.g. a quote never closed), at the line its record starts. */
export class DelimitedSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

interface ParsedItem {
  record: string[];
  raw: string;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

const csvOptions = (delimiter: Delimiter): Options => ({
  delimiter,
  bom: true,
  raw: true,
  // Rows of another width than the header reach `DelimitedDataset`, which reports them; a stray
  // quote inside a cell is text, blank lines are skipped, and \n, \r\n and \r all end a line.
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  record_delimiter: ['\r\n', '\n', '\r'],
});

/** Parses a whole text, calling `onRecord` for each record in order (the header first). */
export function readDelimitedText(text: string, delimiter: Delimiter, onRecord: (record: TextRecord) => void): void {
  const lines = new LineCounter(delimiter);
  try {
    // Each record is handled as soon as it is parsed, and returning null keeps csv-parse from
    // collecting them. With `raw: true` a record is a { record, raw } item, which csv-parse's
    // types cannot express.
    const options: Options = { ...csvOptions(delimiter), on_record: (item) => (onRecord(lines.next(item as unknown as ParsedItem)), null) };
    parseText(text, options);
  } catch (e) {
    throw syntaxError(e, lines);
  }
}

/**
 * Streams a file through csv-parse; only the current chunk and record are held, never the whole
 * text. Records are taken from 'data' events, which csv-parse emits as it parses, so every record
 * before a syntax error has been counted when the error arrives (async iteration would drop them).
 */
export async function readDelimitedStream(stream: Readable, delimiter: Delimiter, onRecord: (record: TextRecord) => void): Promise<void> {
  const lines = new LineCounter(delimiter);
  const parser = parseStream(csvOptions(delimiter));
  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('data', (item: ParsedItem) => onRecord(lines.next(item)));
      parser.on('end', resolve);
      parser.on('error', reject);
      stream.on('error', reject);
      stream.pipe(parser);
    });
  } catch (e) {
    throw syntaxError(e, lines);
  } finally {
    stream.destroy();
  }
}

function syntaxError(e: unknown, lines: LineCounter): unknown {
  if (!(e instanceof CsvError)) return e;
  const raw = (e as CsvError & { raw?: unknown }).raw;
  // csv-parse's own message names the line where it gave up; ours points at the record instead.
  const message = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted cell starting in this record is never closed' : e.message;
  return new DelimitedSyntaxError(message, lines.startOf(typeof raw === 'string' ? raw : ''));
}

/** Follows line numbers across consecutive records' raw text; \r\n, \r and \n each end one line. */
class LineCounter {
  #line = 1;

  constructor(private readonly delimiter: Delimiter) {}

  next(item: ParsedItem): TextRecord {
    const { raw } = item;
    const skipped = leadingBreaks(raw);
    const line = this.#line + skipped.count;
    this.#line += countBreaks(raw);
    const delimiter = this.delimiter.charCodeAt(0);
    return { cells: item.record, line, cellPlace: (index) => cellPlace(raw, skipped.end, line, delimiter, index) };
  }

  startOf(raw: string): number {
    return this.#line + leadingBreaks(raw).count;
  }
}

function countBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

/** Blank lines csv-parse skipped before the record still belong to its raw text. */
function leadingBreaks(text: string): { count: number; end: number } {
  let count = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    else if (c !== CR && c !== LF) break;
    count++;
  }
  return { count, end: i };
}

/** Walks the record's raw text to where cell `index` starts, following quotes as csv-parse does. */
function cellPlace(raw: string, start: number, firstLine: number, delimiter: number, index: number): Place {
  if (index === 0) return { line: firstLine, column: 1 };
  let line = firstLine;
  let column = 1;
  let field = 0;
  let fieldStart = start;
  let quoted = false;
  for (let i = start; i < raw.length; i++, column++) {
    const c = raw.charCodeAt(i);
    if (c === QUOTE) {
      // Only a quote that opens a cell starts quoting (relax_quotes); "" inside quotes is one quote.
      if (!quoted) quoted = i === fieldStart;
      else if (raw.charCodeAt(i + 1) === QUOTE) {
        i++;
        column++;
      } else quoted = false;
    } else if (c === delimiter && !quoted) {
      field++;
      fieldStart = i + 1;
      if (field === index) return { line, column: column + 1 };
    } else if (c === LF || c === CR) {
      if (!quoted) break;
      if (c === CR && raw.charCodeAt(i + 1) === LF) i++;
      line++;
      column = 0;
    }
  }
  // A short row has no such cell: point at the record.
  return { line: firstLine, column: 1 };
}
