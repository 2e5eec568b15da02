import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import { DatasetBuilder, type DatasetRules } from './dataset-builder.js';
import type { Dataset } from './dataset.js';
import { DelimitedDataset } from './delimited-dataset.js';
import { DelimitedSyntaxError, readDelimitedText, type Delimiter } from './delimited-records.js';
import { jsonArrayRecords, ndjsonRecords } from './json-records.js';

export { typeCell } from './cell-text.js';

export const DATA_EXTENSIONS = ['.csv', '.tsv', '.json', '.ndjson'] as const;

/** Map files: one JSON document each, read by charts (`{"url": …, "format": {"type": "topojson", …}}`), not record sets. */
export const GEO_EXTENSIONS = ['.topojson', '.geojson'] as const;

/** `data/releases.csv` → `releases` */
export function datasetName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.indexOf('.');
  return dot === -1 ? base : base.slice(0, dot);
}

/** `,` for CSV, tab for TSV, undefined for JSON formats. */
export function delimiterOf(path: string): Delimiter | undefined {
  const lower = path.toLowerCase();
  return lower.endsWith('.csv') ? ',' : lower.endsWith('.tsv') ? '\t' : undefined;
}

/**
 * Parses one data file held as text. Delimited text goes through csv-parse, JSON through
 * jsonc-parser so each record keeps its position. Without a schema, cells that are plainly
 * numbers become numbers and empty cells null; dates stay ISO strings (Vega-Lite parses temporal
 * fields itself). With a schema, every row is checked and typed by it (`DatasetBuilder`); a
 * declared date column is read as ISO text (`date-cells.ts`).
 * Large CSV/TSV files are better streamed: see `readDataset`.
 */
export function parseDataset(path: string, text: string, display: string, log: MessageLog, rules: DatasetRules = {}): Dataset | undefined {
  const name = datasetName(path);
  const delimiter = delimiterOf(path);
  const lower = path.toLowerCase();
  if (delimiter) {
    const dataset = new DelimitedDataset({ name, path, display, ...rules }, log);
    try {
      readDelimitedText(text, delimiter, dataset.add);
    } catch (e) {
      return reportSyntaxError(e, name, display, log);
    }
    return dataset.finish();
  }
  if (!lower.endsWith('.json') && !lower.endsWith('.ndjson')) {
    log.report(catalogue.dataFormat(path), display);
    return undefined;
  }
  const json = lower.endsWith('.ndjson') ? ndjsonRecords(name, text, display, log) : jsonArrayRecords(name, text, display, log);
  if (!json) return undefined;
  const builder = new DatasetBuilder({ name, path, display, columns: json.columns, cellsAreText: false, ...rules }, log);
  for (const record of json.records) builder.add(record);
  return builder.finish();
}

/** A CSV/TSV syntax error is a message at the line of the broken record; anything else is rethrown. */
export function reportSyntaxError(e: unknown, name: string, display: string, log: MessageLog): undefined {
  if (!(e instanceof DelimitedSyntaxError)) throw e;
  log.report(catalogue.dataParse(name, e.message), display, { line: e.line, column: 1 });
  return undefined;
}
