import type { QueryEngine, QueryFailure, SqlCell, SqlParam } from '../../../edges/sql/query-engine.js';
import type { DatasetSchema } from '../../frontmatter/data-declarations.js';
import type { Meta } from '../../frontmatter/meta-schema.js';
import { catalogue, type MessageTemplate } from '../../../messages/catalogue.js';
import { closest } from '../../../messages/closest.js';
import type { MessageLog } from '../../../messages/message-log.js';
import type { ParamValue } from '../../params/resolve-params.js';
import type { Period } from '../../periods/period.js';
import { DatasetBuilder } from '../dataset-builder.js';
import type { Dataset } from '../dataset.js';
import { queryParams } from './query-params.js';
import type { QuerySource } from './query-sources.js';
import { findPlaceholders } from './sql-placeholders.js';

/** A query's result as the engine gave it: what the archive stores and `--offline` replays. */
export interface QueryResultRecord {
  name: string;
  columns: string[];
  rows: SqlCell[][];
}

export interface QueriesInput {
  meta: Meta;
  sources: readonly QuerySource[];
  params: Readonly<Record<string, ParamValue>>;
  period: Period | undefined;
  /** Undefined where queries cannot run (an in-memory briefing): each SQL dataset is then an error. */
  engine: QueryEngine | undefined;
  schemas: ReadonlyMap<string, DatasetSchema>;
}

/**
 * Runs the briefing's SQL datasets one after another, after parameters and the period are known.
 * Each `$name` is checked against the values a query may name before anything runs; each result
 * becomes a dataset like a data file's (checked against its schema, if it has one). Every problem
 * is a message placed in the SQL text as the author wrote it.
 */
export async function runQueries(input: QueriesInput, log: MessageLog): Promise<{ datasets: Map<string, Dataset>; results: QueryResultRecord[] }> {
  const datasets = new Map<string, Dataset>();
  const results: QueryResultRecord[] = [];
  for (const source of input.sources) {
    const params = queryParams(input.meta.params, input.params, input.period, input.meta.data[source.name]?.trailing ?? 12);
    const bound = checkedPlaceholders(source, params, log);
    if (!bound) continue;
    if (!input.engine) {
      log.report(catalogue.sqlUnavailable(source.name), source.file, source.placeOf(0));
      continue;
    }
    const outcome = await input.engine.run({
      dataset: source.name, source: source.source, sql: source.sql, placeholders: bound.placeholders, params: bound.params,
      period: input.period?.id, values: input.params,
    });
    if (!outcome.ok) {
      log.report(failureMessage(source.name, outcome.failure), source.file, source.placeOf(outcome.failure.offset ?? 0));
      continue;
    }
    const { columns, rows } = outcome.result;
    const twice = columns.find((c, i) => columns.indexOf(c) !== i);
    if (twice !== undefined) {
      log.report(catalogue.sqlError(`the result has two columns named "${twice}"; give one an alias (AS …)`), source.file, source.placeOf(0));
      continue;
    }
    results.push({ name: source.name, columns, rows });
    datasets.set(source.name, toDataset(source, columns, rows, input.schemas.get(source.name), log));
  }
  return { datasets, results };
}

/** The placeholders of a query and their values; undefined (and reported) when one is unknown. */
function checkedPlaceholders(source: QuerySource, known: ReadonlyMap<string, SqlParam>, log: MessageLog) {
  const { placeholders, positional } = findPlaceholders(source.sql);
  for (const offset of positional) log.report(catalogue.sqlParamPositional(), source.file, source.placeOf(offset));
  const unknown = placeholders.filter((p) => !known.has(p.name));
  for (const p of unknown) log.report(catalogue.sqlParamUnknown(p.name, [...known.keys()].sort()), source.file, source.placeOf(p.offset));
  if (unknown.length > 0 || positional.length > 0) return undefined;
  const params = new Map<string, SqlParam>();
  for (const p of placeholders) params.set(p.name, known.get(p.name)!);
  return { placeholders, params };
}

function failureMessage(dataset: string, failure: QueryFailure): MessageTemplate {
  switch (failure.kind) {
    case 'sql': {
      const suggestion = failure.missing ? closest(failure.missing.name, failure.missing.candidates) : undefined;
      return catalogue.sqlError(failure.message, suggestion);
    }
    case 'refused':
      return catalogue.sqlRefused(failure.message);
    case 'timeout':
    case 'rows':
      return catalogue.sqlLimit(dataset, failure.message);
    case 'type':
      return catalogue.sqlType(dataset, failure.message);
    case 'source':
      return catalogue.sqlSource(failure.message);
    case 'offline':
      return catalogue.sqlOffline(dataset, failure.message);
  }
}

/** Result rows as a dataset; every row is placed at the start of the query (rows have no line of their own). */
function toDataset(source: QuerySource, columns: string[], rows: readonly SqlCell[][], schema: DatasetSchema | undefined, log: MessageLog): Dataset {
  const start = source.placeOf(0);
  const builder = new DatasetBuilder({ name: source.name, path: source.path, display: source.file, columns, cellsAreText: false, schema }, log);
  for (const row of rows) {
    builder.add({ cells: Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null])), place: start, cellPlace: () => start });
  }
  return builder.finish();
}
