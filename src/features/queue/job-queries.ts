import { z } from 'zod';
import type { BriefingFiles } from '../../edges/files/briefing-files.js';
import { storedResultsEngine } from '../../edges/sql/archived-results.js';
import type { QueryEngine, QueryFailure, QueryOutcome } from '../../edges/sql/query-engine.js';
import { resultToCsv } from '../../edges/sql/results-csv.js';
import { queryBriefing } from '../../pipeline/render-briefing.js';
import type { TemplateLibrary } from '../../pipeline/templates/template.js';

/**
 * A SQL dataset's outcome as it travels with a job: its result as the CSV a local build stores
 * (`data/<name>.csv`, which reads back to exactly the same cells), or why the query failed.
 */
export type SentQuery = { csv: string } | { failure: QueryFailure };

/** A job's SQL datasets by name, run on the coordinator. */
export type SentQueries = Record<string, SentQuery>;

export const sentQueriesSchema = z.record(
  z.string(),
  z.union([
    z.object({ csv: z.string() }).strict(),
    z
      .object({
        failure: z
          .object({
            kind: z.enum(['sql', 'refused', 'timeout', 'rows', 'type', 'source', 'offline']),
            message: z.string(),
            offset: z.number().int().nonnegative().optional(),
            missing: z.object({ name: z.string(), candidates: z.array(z.string()) }).optional(),
          })
          // Optional fields stay absent rather than undefined, as the engines make them.
          .transform(({ offset, missing, ...rest }): QueryFailure => ({ ...rest, ...(offset !== undefined ? { offset } : {}), ...(missing ? { missing } : {}) })),
      })
      .strict(),
  ]),
);

/**
 * The coordinator's half: runs a job's SQL datasets with the engine a local build of it would use
 * (the configured sources and their credentials, or `--offline`'s stored results), through the
 * same stages and parameters as its render, and keeps each outcome for the job. Workers then need
 * no database and no credentials, and every worker renders from the same rows.
 */
export async function runJobQueries(
  job: { params: Readonly<Record<string, string>> },
  files: BriefingFiles,
  templates: TemplateLibrary,
  engine: QueryEngine,
): Promise<SentQueries> {
  const sent: SentQueries = {};
  const recording: QueryEngine = {
    run: async (request) => {
      const outcome = await engine.run(request);
      sent[request.dataset] = outcome.ok ? { csv: resultToCsv(outcome.result) } : { failure: outcome.failure };
      return outcome;
    },
  };
  await queryBriefing({ files, templates, params: job.params, queries: recording });
  return sent;
}

/**
 * The worker's half: a job's SQL datasets answered from what the coordinator sent, never from a
 * database. A result is read back as `--offline` reads a stored one; a failure is handed to the
 * pipeline as the coordinator's engine gave it, so its message is placed as in a local build.
 */
export function sentQueriesEngine(sent: SentQueries, shown: string): QueryEngine {
  const stored = storedResultsEngine((request) => {
    const query = sent[request.dataset];
    return { shown: `${shown} (${request.dataset}, as sent by the coordinator)`, text: query && 'csv' in query ? query.csv : undefined };
  });
  return {
    run(request): Promise<QueryOutcome> {
      const query = sent[request.dataset];
      if (query && 'failure' in query) return Promise.resolve({ ok: false, failure: query.failure });
      return stored.run(request);
    },
  };
}
