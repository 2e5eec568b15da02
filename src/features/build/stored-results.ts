import { outputIdOf, outputSegments } from '../../edges/output/output-layout.js';
import type { OutputStore } from '../../edges/output/output-store.js';
import { RESULTS_FOLDER, storedResultsEngine } from '../../edges/sql/archived-results.js';
import type { QueryEngine } from '../../edges/sql/query-engine.js';
import { resultHash, resultToCsv } from '../../edges/sql/results-csv.js';
import type { QueryResultRecord } from '../../pipeline/data/sql/run-queries.js';
import type { StoredResult } from '../archive/archive-manifest.js';
import type { BuildJob } from './build-jobs.js';

/**
 * What an output keeps of its SQL datasets: each result as `data/<name>.csv` beside the page,
 * and for its record (and so the archive) its file, row count and hash, so an archived issue
 * shows exactly which rows it was built from and `--offline` can rebuild it from them.
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
 * `--offline`: a job's queries answered from the results an earlier build stored in the output
 * folder its render lands in (named by the render's period and parameter values, through the
 * output layout), never from a database.
 */
export function offlineEngine(store: OutputStore, job: BuildJob): QueryEngine {
  return storedResultsEngine((request) => {
    const id = outputIdOf(job.slug, job.declared, job.periodParam, request.values ?? {});
    const path = [...outputSegments(id), RESULTS_FOLDER, `${request.dataset}.csv`];
    return { shown: store.pathOf(path), text: store.readText(path) };
  });
}
