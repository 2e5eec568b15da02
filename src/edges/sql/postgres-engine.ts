import type pg from 'pg';
import type Cursor from 'pg-cursor';
import { postgresFailure, translatePlaceholders } from './postgres-text.js';
import { DEFAULT_QUERY_LIMITS, fail, type QueryEngine, type QueryLimits, type QueryOutcome, type QueryRequest, type SqlParam } from './query-engine.js';
import { CellTypeError, toCell, type ColumnKind, type ResultColumn } from './sql-cells.js';

export interface PostgresSource {
  type: 'postgres';
  /** The environment variable holding the connection URL (`postgres://user:password@host:5432/db`). */
  urlEnv: string;
  /** Server-side limit per query (statement_timeout); defaults to the query time limit. */
  statementTimeoutSeconds?: number | undefined;
}

export interface PostgresEngine extends QueryEngine {
  /** The URL and password this engine read, for redacting anything printed. */
  readonly secrets: readonly string[];
  close(): Promise<void>;
}

/** Every value comes back as the server's text, typed here by column (see sql-cells.ts). */
const RAW_TEXT = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

/** pg and pg-cursor, imported on a source's first query: a build that queries no source never loads them (cold start). */
interface PgModules {
  pg: typeof pg;
  Cursor: typeof Cursor;
}
let pgModules: Promise<PgModules> | undefined;
const loadPg = (): Promise<PgModules> =>
  (pgModules ??= Promise.all([import('pg'), import('pg-cursor')]).then(([p, c]) => ({ pg: p.default, Cursor: c.default })));

/**
 * A PostgreSQL source from briefsmith.config.json. Credentials come only from the environment
 * and never reach a message. Every query runs in its own read-only transaction with a statement
 * timeout, UTC and ISO dates; `$name` placeholders become `$1…$n` with the values bound; the
 * result is read through a cursor so a result past the row cap is never fetched whole.
 */
export function postgresEngine(name: string, source: PostgresSource, env: NodeJS.ProcessEnv, limits: QueryLimits = DEFAULT_QUERY_LIMITS): PostgresEngine {
  const url = env[source.urlEnv];
  const target = url === undefined ? undefined : describeTarget(url);
  const secrets = url === undefined ? [] : secretsOf(url);
  const redact = (text: string) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
  const where = `source "${name}" (postgres at ${target ?? 'an unreadable URL'})`;
  let pool: Promise<{ pool: pg.Pool; Cursor: typeof Cursor }> | undefined;

  const run = async (request: QueryRequest): Promise<QueryOutcome> => {
    if (url === undefined) return fail('source', `source "${name}": the environment variable ${source.urlEnv} is not set (it holds the connection URL)`, { offset: 0 });
    if (target === undefined) return fail('source', `source "${name}": ${source.urlEnv} is not a postgres:// URL`, { offset: 0 });
    pool ??= newPool(url);
    const { pool: open, Cursor: cursorClass } = await pool;
    let client: pg.PoolClient;
    try {
      client = await open.connect();
    } catch (error) {
      return fail('source', `${where}: could not connect (${redact(connectionProblem(error))})`, { offset: 0 });
    }
    const { text, toOriginal, values } = translatePlaceholders(request.sql, request.placeholders, (p) => bindValue(request.params.get(p)));
    let broken = false;
    try {
      await client.query('BEGIN READ ONLY');
      const timeout = Math.round((source.statementTimeoutSeconds ?? limits.timeoutMs / 1000) * 1000);
      await client.query(`SET LOCAL statement_timeout = ${timeout}`);
      await client.query("SET LOCAL TimeZone = 'UTC'");
      await client.query("SET LOCAL DateStyle = 'ISO, YMD'");
      const { rows, fields } = await readCursor(cursorClass, client, text, values, limits.maxRows + 1);
      if (rows.length > limits.maxRows) return fail('rows', `the result has more than ${limits.maxRows} rows (the limit); aggregate or filter in the query`, { offset: 0 });
      const columns: ResultColumn[] = fields.map((f) => ({ name: f.name, kind: kindOf(f.dataTypeID), type: `PostgreSQL type ${f.dataTypeID}` }));
      return { ok: true, result: { columns: columns.map((c) => c.name), rows: rows.map((row) => row.map((v, i) => toCell(columns[i]!, v))) } };
    } catch (error) {
      if (error instanceof CellTypeError) return fail('type', error.message, { offset: 0 });
      const failure = postgresFailure(error, toOriginal, text);
      if (!failure) {
        broken = true;
        return fail('source', `${where}: the connection failed (${redact(connectionProblem(error))})`, { offset: 0 });
      }
      const message = failure.kind === 'source' ? `${where}: ${failure.message}` : failure.message;
      return { ok: false, failure: { ...failure, message: redact(message) } };
    } finally {
      if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
      client.release(broken);
    }
  };

  return {
    secrets,
    run,
    async close() {
      const open = pool;
      pool = undefined;
      await open?.then((o) => o.pool.end()).catch(() => undefined);
    },
  };
}

async function newPool(url: string): Promise<{ pool: pg.Pool; Cursor: typeof Cursor }> {
  const modules = await loadPg();
  const pool = new modules.pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 10_000, application_name: 'briefsmith', types: RAW_TEXT });
  // An idle connection the server drops must not crash the build; the next query reconnects.
  pool.on('error', () => undefined);
  return { pool, Cursor: modules.Cursor };
}

function readCursor(
  CursorClass: typeof Cursor, client: pg.PoolClient, text: string, values: unknown[], count: number,
): Promise<{ rows: unknown[][]; fields: pg.FieldDef[] }> {
  const cursor = client.query(new CursorClass(text, values, { rowMode: 'array', types: RAW_TEXT }));
  return new Promise((resolve, reject) => {
    cursor.read(count, (error, rows, result) => {
      if (error) return reject(error);
      cursor.close(() => resolve({ rows: rows as unknown[][], fields: result.fields }));
    });
  });
}

function bindValue(param: SqlParam | undefined): unknown {
  return param === undefined ? null : param.value;
}

/** `host:port` of a connection URL, for messages; undefined when it is not a postgres URL. */
function describeTarget(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') return undefined;
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
  } catch {
    return undefined;
  }
}

/** The URL and its password (as written and decoded): what must never be printed. */
export function secretsOf(url: string): string[] {
  const secrets = [url];
  try {
    const password = new URL(url).password;
    if (password !== '') secrets.push(password, decodeURIComponent(password));
  } catch {
    // Not a URL: the whole text is the secret.
  }
  return [...new Set(secrets)].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
}

function connectionProblem(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e.code && !/^[0-9A-Z]{5}$/.test(e.code) ? e.code : (e.message ?? String(error));
}

const KINDS: ReadonlyMap<number, ColumnKind> = new Map([
  [16, 'boolean'],
  [20, 'integer'], [21, 'integer'], [23, 'integer'], [26, 'integer'],
  [700, 'float'], [701, 'float'],
  [1700, 'decimal'],
  [18, 'text'], [19, 'text'], [25, 'text'], [705, 'text'], [1042, 'text'], [1043, 'text'], [1083, 'text'], [2950, 'text'], [114, 'text'], [3802, 'text'],
  [1082, 'date'],
  [1114, 'timestamp'],
  [1184, 'timestamptz'],
]);

function kindOf(oid: number): ColumnKind {
  return KINDS.get(oid) ?? 'unsupported';
}
