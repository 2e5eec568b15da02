import type { QueryEngine } from '../../../edges/sql/query-engine.js';
import type { DatasetSchema } from '../../frontmatter/data-declarations.js';
import type { Meta } from '../../frontmatter/meta-schema.js';
import { catalogue } from '../../../messages/catalogue.js';
import type { MessageLog } from '../../../messages/message-log.js';
import type { ParamValue } from '../../params/resolve-params.js';
import { periodWindows } from '../../periods/period-windows.js';
import type { Period } from '../../periods/period.js';
import type { Dataset } from '../dataset.js';
import type { QuerySource } from './query-sources.js';
import { runQueries, type QueryResultRecord } from './run-queries.js';

export interface QueryStageInput {
  meta: Meta;
  sources: readonly QuerySource[];
  /** The briefing's datasets so far: data files and their period windows. */
  datasets: ReadonlyMap<string, Dataset>;
  params: Readonly<Record<string, ParamValue>>;
  period: Period | undefined;
  engine: QueryEngine | undefined;
  schemas: ReadonlyMap<string, DatasetSchema>;
}

/** Whether a `data-unknown` message is about the dataset `name` or one of its windows. */
function namesDataset(reason: string, name: string): boolean {
  const sample = catalogue.dataUnknown('\0', []).reason;
  const lead = `${sample.slice(0, sample.indexOf('\0'))}${name}`;
  return reason.startsWith(`${lead}"`) || reason.startsWith(`${lead}@`);
}

/**
 * The queries stage: once parameters and the period are resolved, the SQL datasets
 * run and join the data files, with `@current`/`@previous`/`@lastyear`/`@trailing` windows when
 * they declare a `date` column (queries usually filter by `$period_start` themselves).
 */
export async function queryStage(input: QueryStageInput, log: MessageLog): Promise<{ datasets: Map<string, Dataset>; results: QueryResultRecord[] }> {
  const all = new Map(input.datasets);
  const sources = input.sources.filter((source) => {
    if (!all.has(source.name)) return true;
    log.report(catalogue.dataDuplicate(source.name), source.file, source.placeOf(0));
    return false;
  });
  if (sources.length === 0) return { datasets: all, results: [] };
  const { datasets, results } = await runQueries({ ...input, sources }, log);
  for (const [name, dataset] of datasets) all.set(name, dataset);
  // A failed query was reported at its SQL; the charts and helpers naming it need not say so again.
  const failed = sources.map((s) => s.name).filter((name) => !datasets.has(name));
  if (failed.length > 0) log.mute((m) => m.ruleId === 'data-unknown' && failed.some((name) => namesDataset(m.reason, name)));
  if (input.period) for (const [name, window] of periodWindows(datasets, input.meta.data, input.period)) all.set(name, window);
  return { datasets: all, results };
}
