import type { DatasetSchema } from '../frontmatter/data-declarations.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { Place } from '../../messages/message.js';
import { CappedReport } from './capped-report.js';
import { typeCell } from './cell-text.js';
import { dateCellParser, type DateCell, type DateColumn } from './date-cells.js';
import type { Cell, Dataset, Row } from './dataset.js';
import { rowSchema, type RowSchema } from './row-schema.js';

/** One record as a reader found it, before typing. */
export interface SourceRecord {
  /** Cells by column as read: text for CSV/TSV, JSON values for JSON and NDJSON. */
  cells: Readonly<Record<string, Cell>>;
  /** Where the record starts. */
  place: Place;
  /** Where a column's cell starts (its opening quote included); the record's place when it has none. */
  cellPlace(column: string): Place;
  /** JSON object and array values as written (the cells hold them as JSON text). */
  nested?: Readonly<Record<string, unknown>>;
}

export interface DatasetSource {
  name: string;
  path: string;
  /** Path shown in messages. */
  display: string;
  /** The header (CSV/TSV) or every key seen (JSON). */
  columns: string[];
  /** Delimited text: undeclared cells get the plain typing of `typeCell`; JSON keeps its values. */
  cellsAreText: boolean;
  schema?: DatasetSchema | undefined;
  /** The column that dates each row (front matter `date:`), read as ISO text. */
  date?: DateColumn | undefined;
}

/** What front matter declares about how a dataset is read: its schema and its date column. */
export interface DatasetRules {
  schema?: DatasetSchema | undefined;
  date?: DateColumn | undefined;
}

const HEADER: Place = { line: 1, column: 1 };

/**
 * Turns records into a `Dataset`, one at a time so a streamed file never has to be held whole.
 * With a schema, every row is parsed with the dataset's zod row schema and the key is checked
 * for duplicates; every problem is reported at its cell, capped per dataset.
 */
export class DatasetBuilder {
  readonly #source: DatasetSource;
  readonly #errors: CappedReport;
  readonly #rowSchema: RowSchema | undefined;
  readonly #key: string[] | undefined;
  /** Key value (the cell itself for a one-column key) → line of the row that first had it. */
  readonly #seenKeys = new Map<Cell, number>();
  readonly #rows: Row[] = [];
  readonly #rowPlaces: Place[] = [];
  readonly #dateCell: ((cell: Cell | undefined) => DateCell) | undefined;
  readonly #nested = new Map<Row, Readonly<Record<string, unknown>>>();

  constructor(source: DatasetSource, log: MessageLog) {
    this.#source = source;
    this.#errors = new CappedReport(log, source.display, (more) => catalogue.dataErrorsCapped(source.name, more));
    const { schema, columns, name, date } = source;
    if (date && columns.includes(date.column)) this.#dateCell = dateCellParser(date);
    else if (date && columns.length > 0) this.#errors.report(catalogue.dataColumnMissing(name, date.column, 'date', columns), HEADER);
    if (!schema) return;
    const key = schema.key === undefined ? undefined : [schema.key].flat();
    const missingKey = key?.filter((c) => !columns.includes(c)) ?? [];
    for (const column of missingKey) this.#errors.report(catalogue.dataColumnMissing(name, column, 'key', columns), HEADER);
    for (const [column, declaration] of Object.entries(schema.columns)) {
      if (columns.includes(column) || missingKey.includes(column)) continue;
      if (declaration.required) this.#errors.report(catalogue.dataColumnMissing(name, column, 'required', columns), HEADER);
      else log.report(catalogue.dataColumnAbsent(name, column, columns), source.display, HEADER);
    }
    this.#key = missingKey.length === 0 ? key : undefined;
    this.#rowSchema = rowSchema(schema, columns);
  }

  add(source: SourceRecord): void {
    const invalid = new Set<string>();
    const record = this.#withIsoDate(source, invalid);
    const row = this.#plainRow(record);
    if (this.#rowSchema) {
      const result = this.#rowSchema.safeParse(record.cells);
      if (result.success) Object.assign(row, result.data);
      for (const issue of result.error?.issues ?? []) {
        const column = String(issue.path[0] ?? '');
        if (invalid.has(column)) continue; // its date was already reported
        invalid.add(column);
        this.#errors.report(catalogue.dataInvalid(this.#source.name, column, issue.message), record.cellPlace(column));
      }
    }
    if (this.#key) this.#checkKey(this.#key, row, record, invalid);
    this.#rows.push(row);
    this.#rowPlaces.push(record.place);
    if (record.nested) this.#nested.set(row, record.nested);
  }

  /**
   * A CSV/TSV row with more or fewer cells than the header (call before `add`): a stray comma
   * would shift values into the wrong column, so it is an error at the row's line, capped with
   * the dataset's other errors, and the dataset's uses are not checked after it.
   */
  reportRowWidth(cells: number, place: Place): void {
    const { name, columns } = this.#source;
    this.#errors.report(catalogue.dataRowWidth(name, this.#rows.length + 1, cells, columns.length), place);
  }

  finish(): Dataset {
    this.#errors.finish();
    const { name, path, columns } = this.#source;
    const dataset: Dataset = { name, path, columns, rows: this.#rows, rowPlaces: this.#rowPlaces };
    if (this.#nested.size > 0) dataset.nested = this.#nested;
    return dataset;
  }

  /** The record with its date cell as ISO text; a date that does not parse is reported at its cell. */
  #withIsoDate(record: SourceRecord, invalid: Set<string>): SourceRecord {
    const column = this.#source.date?.column;
    if (!this.#dateCell || column === undefined) return record;
    const parsed = this.#dateCell(record.cells[column]);
    if ('problem' in parsed) {
      invalid.add(column);
      this.#errors.report(catalogue.dataInvalid(this.#source.name, column, parsed.problem), record.cellPlace(column));
      return { ...record, cells: { ...record.cells, [column]: null } };
    }
    return parsed.value === record.cells[column] ? record : { ...record, cells: { ...record.cells, [column]: parsed.value } };
  }

  /** Today's typing, used for undeclared columns and for rows that failed their schema. */
  #plainRow(record: SourceRecord): Row {
    if (!this.#source.cellsAreText) return { ...record.cells };
    const row: Row = {};
    for (const column of this.#source.columns) row[column] = typeCell(String(record.cells[column] ?? ''));
    return row;
  }

  #checkKey(key: string[], row: Row, record: SourceRecord, invalid: ReadonlySet<string>): void {
    if (key.some((c) => invalid.has(c))) return; // already reported at that cell
    const empty = key.find((c) => (row[c] ?? null) === null);
    if (empty !== undefined) {
      this.#errors.report(catalogue.dataInvalid(this.#source.name, empty, 'missing value in a key column'), record.cellPlace(empty));
      return;
    }
    const values = key.map((c) => row[c] ?? null);
    // A one-column key needs no composite string: for 100,000 rows that is megabytes saved while loading.
    const id = values.length === 1 ? (values[0] ?? null) : JSON.stringify(values);
    const first = this.#seenKeys.get(id);
    if (first === undefined) {
      this.#seenKeys.set(id, record.place.line);
      return;
    }
    const shown = key.length === 1 ? JSON.stringify(values[0]) : key.map((c, i) => `${c} = ${JSON.stringify(values[i])}`).join(', ');
    const column = key[0] ?? '';
    this.#errors.report(catalogue.dataInvalid(this.#source.name, column, `duplicate key ${shown} (first on line ${first})`), record.cellPlace(column));
  }
}
