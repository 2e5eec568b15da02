import type { Place } from '../../messages/message.js';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** One loaded data file, addressable by its file stem. */
export interface Dataset {
  name: string;
  /** Briefing-relative path, e.g. `data/releases.csv`. */
  path: string;
  columns: string[];
  rows: Row[];
  /** Where row i starts in the file (for positioned messages); same length as rows. */
  rowPlaces: Place[];
  /**
   * JSON object and array values of a row as written, keyed by the row object (subsets such as
   * period windows share the rows). Cells hold them as JSON text; charts get the values.
   */
  nested?: ReadonlyMap<Row, Readonly<Record<string, unknown>>>;
  /**
   * The file is there but could not be loaded (its error is reported): an empty stand-in, so
   * that uses of the name are follow-ons of that error rather than "unknown dataset" each.
   */
  broken?: true;
}

export function brokenDataset(name: string, path: string): Dataset {
  return { name, path, columns: [], rows: [], rowPlaces: [], broken: true };
}

export type Datasets = ReadonlyMap<string, Dataset>;
