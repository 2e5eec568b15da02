import type { MessageLog } from '../../messages/message-log.js';
import { DatasetBuilder, type DatasetSource } from './dataset-builder.js';
import type { Dataset } from './dataset.js';
import type { TextRecord } from './delimited-records.js';

/**
 * Feeds CSV/TSV records to a `DatasetBuilder`: the first record is the header, every other one a
 * row. Works the same whether the records come from a string or a stream.
 */
export class DelimitedDataset {
  #builder: DatasetBuilder | undefined;
  #columns: string[] = [];

  constructor(
    private readonly source: Omit<DatasetSource, 'columns' | 'cellsAreText'>,
    private readonly log: MessageLog,
  ) {}

  readonly add = (record: TextRecord): void => {
    if (!this.#builder) {
      this.#columns = record.cells.map((c) => c.trim());
      this.#builder = this.#start(this.#columns);
      return;
    }
    // A line holding only "" is as blank as an empty one (d3-dsv's rule).
    if (record.cells.length === 1 && record.cells[0] === '') return;
    const columns = this.#columns;
    const place = { line: record.line, column: 1 };
    if (record.cells.length !== columns.length) this.#builder.reportRowWidth(record.cells.length, place);
    const cells: Record<string, string> = {};
    columns.forEach((c, j) => (cells[c] = record.cells[j] ?? ''));
    this.#builder.add({
      cells,
      place,
      cellPlace: (column) => record.cellPlace(columns.indexOf(column)),
    });
  };

  finish(): Dataset {
    return (this.#builder ?? this.#start([])).finish();
  }

  #start(columns: string[]): DatasetBuilder {
    return new DatasetBuilder({ ...this.source, columns, cellsAreText: true }, this.log);
  }
}
