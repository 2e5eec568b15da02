import { join } from 'node:path';
import { archivedEngine, RESULTS_FOLDER } from '../../edges/sql/archived-results.js';
import type { QueryEngine } from '../../edges/sql/query-engine.js';
import { resultHash, resultToCsv } from '../../edges/sql/results-csv.js';
import type { QueryResultRecord } from '../../pipeline/data/sql/run-queries.js';
import type { StoredResult } from '../archive/archive-manifest.js';

/**
 * What an output keeps of its SQL datasets: each result as `data/<name>.csv` beside the page,
 * and for the archive record its file, row count and hash, so an archived issue shows exactly
 * which rows it was built from and `--offline` can rebuild it from them.
 */
export function storedResults(results: readonly QueryResultRecord[]): { files: Record<string, string>; record: Record<string, StoredResult> } {
  const files: Record<string, string> = {};
  const record: Record<string, StoredResult> = {};
  for (const result of results) {
    const file = `${RESULTS_FOLDER}/${result.name}.csv`;
    const csv = resultToCsv(result);
    files[file] = csv;
    record[result.name] = { file, rows: result.rows.length, hash: resultHash(csv) };
  }
  return { files, record };
}

/**
 * `--offline`: queries answered from the results stored in the output folder an earlier build
 * wrote (`outputFolder(period)` relative to `--out`), never from a database.
 */
export function offlineEngine(out: string, outputFolder: (period: string | undefined) => string[]): QueryEngine {
  return archivedEngine((request) => join(out, ...outputFolder(request.period)));
}
