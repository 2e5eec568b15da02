import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresEngine, type PostgresEngine } from '../../../src/edges/sql/postgres-engine.js';
import type { QueryOutcome, SqlParam } from '../../../src/edges/sql/query-engine.js';
import { findPlaceholders } from '../../../src/pipeline/data/sql/sql-placeholders.js';
import { freePort, startPostgres, type TestPostgres } from '../../support/postgres-server.js';

let server: TestPostgres;
let engine: PostgresEngine;
const SOURCE = { type: 'postgres' as const, urlEnv: 'WAREHOUSE_URL' };

beforeAll(async () => {
  server = await startPostgres();
  await server.admin(`
    CREATE TABLE kpi (region text, week date, downloads bigint, share numeric(6,3), big bigint, at timestamptz, ok boolean);
    INSERT INTO kpi VALUES
      ('EU', '2026-01-05', 100, 0.125, 9007199254740993, '2026-01-05 10:00:00+02', true),
      ('EU', '2026-01-12', 80, 0.5, 1, '2026-01-12 00:00:00Z', false),
      ('US', '2026-01-05', 300, 1.0, 1, NULL, NULL);
    GRANT SELECT, INSERT ON kpi TO analyst;`);
  engine = postgresEngine('warehouse', SOURCE, { WAREHOUSE_URL: server.url }, { timeoutMs: 60_000, maxRows: 3 });
});

afterAll(async () => {
  await engine?.close();
  await server?.stop();
});

function run(sql: string, params: Record<string, SqlParam> = {}, on: PostgresEngine = engine): Promise<QueryOutcome> {
  return on.run({ dataset: 'kpi', source: 'warehouse', sql, placeholders: findPlaceholders(sql).placeholders, params: new Map(Object.entries(params)) });
}

function failure(outcome: QueryOutcome) {
  if (outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome.result)}`);
  expect(JSON.stringify(outcome)).not.toContain(server.password);
  expect(JSON.stringify(outcome)).not.toContain(encodeURIComponent(server.password));
  return outcome.failure;
}

describe('PostgreSQL sources', () => {
  it('bind named parameters as $1…$n (a repeated name once) and map types', async () => {
    const outcome = await run(
      'SELECT region, week, downloads, share, at, ok FROM kpi WHERE region = $region AND week BETWEEN $period_start AND $period_end AND $region <> \'x\' ORDER BY week',
      { region: { type: 'text', value: 'EU' }, period_start: { type: 'date', value: '2026-01-01' }, period_end: { type: 'date', value: '2026-01-31' } },
    );
    expect(outcome).toEqual({
      ok: true,
      result: {
        columns: ['region', 'week', 'downloads', 'share', 'at', 'ok'],
        rows: [
          ['EU', '2026-01-05', 100, 0.125, '2026-01-05T08:00:00Z', true],
          ['EU', '2026-01-12', 80, 0.5, '2026-01-12T00:00:00Z', false],
        ],
      },
    });
  });

  it('refuse a bigint past 2^53 instead of changing it', async () => {
    expect(failure(await run("SELECT big FROM kpi WHERE region = 'EU' ORDER BY week"))).toMatchObject({ kind: 'type', message: expect.stringContaining('column "big" holds 9007199254740993') });
  });

  it('run read-only: writes and a second statement are refused, nothing is written', async () => {
    expect(failure(await run("INSERT INTO kpi (region) VALUES ('XX') RETURNING region"))).toMatchObject({ kind: 'refused' });
    expect(failure(await run("SELECT 1; INSERT INTO kpi (region) VALUES ('XX')")).kind).toBe('sql');
    expect(failure(await run("SELECT 1; COMMIT; INSERT INTO kpi (region) VALUES ('XX')")).kind).toBe('sql');
    expect(await run("SELECT count(*) AS n FROM kpi WHERE region = 'XX'")).toEqual({ ok: true, result: { columns: ['n'], rows: [[0]] } });
  });

  it('place a misspelt column and take the server hint as the suggestion', async () => {
    const sql = "SELECT region,\n  downlods FROM kpi";
    expect(failure(await run(sql))).toEqual({ kind: 'sql', message: 'column "downlods" does not exist', offset: sql.indexOf('downlods'), missing: { name: 'downlods', candidates: ['downloads'] } });
  });

  it('map positions back through the $name → $1 rewrite', async () => {
    const sql = 'SELECT region FROM kpi WHERE region = $region AND nosuch = 1';
    expect(failure(await run(sql, { region: { type: 'text', value: 'EU' } }))).toMatchObject({ offset: sql.indexOf('nosuch') });
  });

  it('stop a query past the statement timeout, and refuse a result past the row cap', async () => {
    // A 1 s statement timeout against a 60 s sleep: far apart whatever else the machine is doing.
    const quick = postgresEngine('warehouse', { ...SOURCE, statementTimeoutSeconds: 1 }, { WAREHOUSE_URL: server.url });
    try {
      expect(failure(await run('SELECT pg_sleep(60)', {}, quick))).toMatchObject({ kind: 'timeout' });
      expect(await run('SELECT 1 AS n', {}, quick)).toEqual({ ok: true, result: { columns: ['n'], rows: [[1]] } });
    } finally {
      await quick.close();
    }
    expect(failure(await run('SELECT * FROM generate_series(1, 4)'))).toMatchObject({ kind: 'rows' });
    expect(await run('SELECT * FROM generate_series(1, 3) AS n')).toMatchObject({ ok: true });
  });

  it('name the source and host of a failed connection, never the password', async () => {
    const wrong = server.url.replace(encodeURIComponent(server.password), encodeURIComponent(`${server.password}x`));
    const denied = postgresEngine('warehouse', SOURCE, { WAREHOUSE_URL: wrong });
    const port = await freePort();
    const down = postgresEngine('warehouse', SOURCE, { WAREHOUSE_URL: `postgres://analyst:${encodeURIComponent(server.password)}@127.0.0.1:${port}/briefs` });
    try {
      expect(failure(await run('SELECT 1', {}, denied))).toMatchObject({
        kind: 'source',
        message: `source "warehouse" (postgres at 127.0.0.1:${server.port}): could not connect (password authentication failed for user "analyst")`,
      });
      expect(failure(await run('SELECT 1', {}, down))).toEqual({
        kind: 'source', offset: 0, message: `source "warehouse" (postgres at 127.0.0.1:${port}): could not connect (ECONNREFUSED)`,
      });
    } finally {
      await Promise.all([denied.close(), down.close()]);
    }
    const unset = postgresEngine('warehouse', SOURCE, {});
    expect(failure(await run('SELECT 1', {}, unset)).message).toBe('source "warehouse": the environment variable WAREHOUSE_URL is not set (it holds the connection URL)');
  });
});
