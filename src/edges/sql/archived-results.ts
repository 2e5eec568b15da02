import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, type QueryEngine, type QueryOutcome, type QueryRequest } from './query-engine.js';
import { csvToResult } from './results-csv.js';

/** Where an output's stored query results are: `<output folder>/data/<dataset>.csv`. */
export const RESULTS_FOLDER = 'data';

export function resultFile(outputFolder: string, dataset: string): string {
  return join(outputFolder, RESULTS_FOLDER, `${dataset}.csv`);
}

/** A stored result as found for one query: where it is (as shown in messages) and its text, if it exists. */
export interface StoredResultText {
  shown: string;
  text: string | undefined;
}

/**
 * `brief build --offline` (and `brief publish`): every SQL dataset is read back from the results
 * stored with an earlier build of the same output instead of querying, so the issue is rebuilt
 * from exactly the rows it was built from. `read` finds the stored CSV of a render's query (by
 * its period and parameter values, which name the output folder).
 */
export function storedResultsEngine(read: (request: QueryRequest) => StoredResultText): QueryEngine {
  return {
    run(request: QueryRequest): Promise<QueryOutcome> {
      const { shown, text } = read(request);
      if (text === undefined) {
        return Promise.resolve(fail('offline', `no stored result at ${shown} (build this output first, without --offline)`, { offset: 0 }));
      }
      try {
        return Promise.resolve({ ok: true, result: csvToResult(text) });
      } catch (error) {
        return Promise.resolve(fail('offline', `the stored result ${shown} cannot be read: ${(error as Error).message}`, { offset: 0 }));
      }
    },
  };
}

/** The stored results on disk, in the output folder `folderOf` names for a render. */
export function archivedEngine(folderOf: (request: QueryRequest) => string): QueryEngine {
  return storedResultsEngine((request) => {
    const file = resultFile(folderOf(request), request.dataset);
    return { shown: file, text: existsSync(file) ? readFileSync(file, 'utf8') : undefined };
  });
}
