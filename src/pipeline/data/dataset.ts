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
}

export type Datasets = ReadonlyMap<string, Dataset>;
