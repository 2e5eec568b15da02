/**
 * The door between the pipeline and SQL engines: DuckDB over the briefing's own files, PostgreSQL
 * sources named in briefsmith.config.json, or the results archived with an earlier build. The
 * pipeline hands a `QueryEngine` a query and its bound values and gets rows back, or a failure
 * placed by an offset into the SQL text it sent.
 */

/** A value bound to a `$name` placeholder. Values are bound, never spliced into the text. */
export type SqlParam =
  | { type: 'text'; value: string }
  | { type: 'date'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean };

export type SqlCell = string | number | boolean | null;

/** One `$name` in the SQL text (outside strings, quoted identifiers and comments). */
export interface Placeholder {
  name: string;
  /** Offset of the `$` in the text. */
  offset: number;
  /** Length including the `$`. */
  length: number;
}

export interface QueryRequest {
  /** The dataset the result becomes (for messages and the archive). */
  dataset: string;
  /** A source named in briefsmith.config.json; undefined for DuckDB over the briefing folder. */
  source: string | undefined;
  /** The SQL exactly as the author wrote it. */
  sql: string;
  /** Every placeholder occurrence, in text order. */
  placeholders: readonly Placeholder[];
  /** The value of each placeholder name the text uses. */
  params: ReadonlyMap<string, SqlParam>;
  /** The briefing's period id, if it has one. */
  period?: string | undefined;
  /** Every resolved parameter value (the period parameter holds the period id): stored results are found by them. */
  values?: Readonly<Record<string, string | number | boolean>>;
}

export interface QueryResult {
  columns: string[];
  rows: SqlCell[][];
}

export type FailureKind = 'sql' | 'refused' | 'timeout' | 'rows' | 'type' | 'source' | 'offline';

/** Why a query gave no rows. Messages never hold a credential. */
export interface QueryFailure {
  kind: FailureKind;
  message: string;
  /** Where in `sql` (a string index) the engine placed the problem, when it did. */
  offset?: number;
  /** A name the engine could not find, with the names it knows (for "did you mean"). */
  missing?: { name: string; candidates: readonly string[] };
}

export type QueryOutcome = { ok: true; result: QueryResult } | { ok: false; failure: QueryFailure };

export interface QueryEngine {
  run(request: QueryRequest): Promise<QueryOutcome>;
}

/** Limits every query runs under. */
export interface QueryLimits {
  /** Wall-clock time per query, in milliseconds. */
  timeoutMs: number;
  /** Rows a result may hold; one more is an error, not a silently cut table. */
  maxRows: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { timeoutMs: 30_000, maxRows: 100_000 };

export const fail = (kind: FailureKind, message: string, extra: Partial<QueryFailure> = {}): QueryOutcome => ({
  ok: false,
  failure: { kind, message, ...extra },
});
