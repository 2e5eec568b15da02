import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, type QueryEngine, type QueryOutcome, type QueryRequest } from './query-engine.js';
import { csvToResult } from './results-csv.js';

/** Where an output's stored query results are: `<output folder>/data/<dataset>.csv`. */
export const RESULTS_FOLDER = 'data';

export function resultFile(outputFolder: string, dataset: string): string {
  return join(outputFolder, RESULTS_FOLDER, `${dataset}.csv`);
}

/**
 * `brief build --offline` (and `brief publish`): every SQL dataset is read back from the results
 * stored with an earlier build of the same output instead of querying, so the issue is rebuilt
 * from exactly the rows it was built from. `folderOf` names the output folder a render (its
 * period and parameter values) was written to.
 */
export function archivedEngine(folderOf: (request: QueryRequest) => string): QueryEngine {
  return {
    run(request: QueryRequest): Promise<QueryOutcome> {
      const file = resultFile(folderOf(request), request.dataset);
      if (!existsSync(file)) {
        return Promise.resolve(fail('offline', `no stored result at ${file} (build this output first, without --offline)`, { offset: 0 }));
      }
      try {
        return Promise.resolve({ ok: true, result: csvToResult(readFileSync(file, 'utf8')) });
      } catch (error) {
        return Promise.resolve(fail('offline', `the stored result ${file} cannot be read: ${(error as Error).message}`, { offset: 0 }));
      }
    },
  };
}
