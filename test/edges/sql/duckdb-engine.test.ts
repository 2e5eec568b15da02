import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbEngine, type ClosableEngine } from '../../../src/edges/sql/duckdb-engine.js';
import type { QueryOutcome, SqlParam } from '../../../src/edges/sql/query-engine.js';
import { findPlaceholders } from '../../../src/pipeline/data/sql/sql-placeholders.js';

let root: string;
let brief: string;
let engine: ClosableEngine;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bs-duckdb-'));
  brief = join(root, 'brief');
  mkdirSync(join(brief, 'data'), { recursive: true });
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'outside', 'secret.csv'), 'secret,value\nTOPSECRET,1\n');
  writeFileSync(join(root, 'x.csv'), 'secret\nTOPSECRET\n');
  writeFileSync(
    join(brief, 'data', 'weekly.csv'),
    'week,organisation,region,downloads\n2026-01-05,A,EU,10\n2026-01-05,B,EU,20\n2026-01-05,A,US,7\n2026-01-12,A,EU,5\n',
  );
  symlinkSync(join(root, 'outside', 'secret.csv'), join(brief, 'data', 'link.csv'));
  symlinkSync(join(root, 'outside'), join(brief, 'data', 'linked-folder'));
  // A limit no query here comes near, however busy the machine: only the time-limit test uses a short one.
  engine = duckdbEngine(brief, { timeoutMs: 60_000, maxRows: 50 });
});

afterAll(async () => {
  await engine.close();
  rmSync(root, { recursive: true, force: true });
});

function run(sql: string, params: Record<string, SqlParam> = {}, on: ClosableEngine = engine): Promise<QueryOutcome> {
  return on.run({ dataset: 't', source: undefined, sql, placeholders: findPlaceholders(sql).placeholders, params: new Map(Object.entries(params)) });
}

function failure(outcome: QueryOutcome) {
  if (outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome.result)}`);
  expect(JSON.stringify(outcome)).not.toContain('TOPSECRET');
  return outcome.failure;
}

describe('DuckDB over the briefing folder', () => {
  it('reads files by paths relative to the folder, with bound parameters, typed cells', async () => {
    const outcome = await run(
      "SELECT organisation, sum(downloads) AS downloads, min(week) AS first FROM 'data/weekly.csv' WHERE week BETWEEN $start AND $end AND region = $region GROUP BY organisation ORDER BY downloads DESC",
      { start: { type: 'date', value: '2026-01-05' }, end: { type: 'date', value: '2026-01-11' }, region: { type: 'text', value: 'EU' } },
    );
    expect(outcome).toEqual({ ok: true, result: { columns: ['organisation', 'downloads', 'first'], rows: [['B', 20, '2026-01-05'], ['A', 10, '2026-01-05']] } });
  });

  it('binds values: a quote in a value is data, not SQL', async () => {
    const outcome = await run("SELECT count(*) AS n FROM 'data/weekly.csv' WHERE region = $region", { region: { type: 'text', value: "EU' OR '1'='1" } });
    expect(outcome).toEqual({ ok: true, result: { columns: ['n'], rows: [[0]] } });
  });

  it.each([
    ["SELECT * FROM '/etc/passwd'", 'refused'],
    ["SELECT * FROM '~/.bashrc'", 'refused'],
    ["SELECT * FROM read_csv('/etc/passwd')", 'refused'],
    ["SELECT * FROM '../x.csv'", 'refused'],
    ["SELECT * FROM 'data/../../outside/secret.csv'", 'refused'],
    ["SELECT * FROM 'data/link.csv'", 'refused'],
    ["SELECT * FROM 'data/linked-folder/secret.csv'", 'refused'],
    ["SELECT * FROM read_csv('data/*.csv')", 'refused'],
    ["SELECT * FROM read_text('../outside/*')", 'refused'],
    ["SELECT * FROM glob('/etc/*')", 'refused'],
    ["SELECT * FROM 'https://example.com/data.csv'", 'refused'],
    ["SELECT * FROM read_csv('http://127.0.0.1:9/data.csv')", 'refused'],
    ["COPY (SELECT 1) TO 'data/out.csv'", 'refused'],
    ["ATTACH 'data/new.db' AS other", 'refused'],
    ['INSTALL httpfs', 'refused'],
    ['LOAD httpfs', 'refused'],
    ['SET enable_external_access = true', 'refused'],
    ["SELECT 1; COPY (SELECT 1) TO 'data/out2.csv'", 'refused'],
    ["SELECT getenv('HOME')", 'sql'],
    ["SELECT * FROM query('COPY (SELECT 1) TO ''data/out.csv''')", 'sql'],
    ["SELECT * FROM query('ATTACH ''data/new.db''')", 'sql'],
    ["SELECT * FROM read_blob('/etc/hostname')", 'refused'],
    ["SELECT * FROM sniff_csv('../x.csv')", 'refused'],
  ])('refuses %s', async (sql, kind) => {
    expect(failure(await run(sql)).kind).toBe(kind);
    expect(existsSync(join(brief, 'data', 'out.csv')) || existsSync(join(brief, 'data', 'out2.csv')) || existsSync(join(brief, 'data', 'new.db'))).toBe(false);
  });

  it('writes nothing into the briefing folder (no temp files, no database)', () => {
    expect(readdirSync(brief).sort()).toEqual(['data']);
  });

  it('reads a file afresh on every query (the preview rebuilds after an edit)', async () => {
    writeFileSync(join(brief, 'data', 'edited.csv'), 'n\n1\n');
    expect(await run("SELECT sum(n) AS n FROM 'data/edited.csv'")).toEqual({ ok: true, result: { columns: ['n'], rows: [[1]] } });
    writeFileSync(join(brief, 'data', 'edited.csv'), 'n\n1\n2\n');
    expect(await run("SELECT sum(n) AS n FROM 'data/edited.csv'")).toEqual({ ok: true, result: { columns: ['n'], rows: [[3]] } });
    rmSync(join(brief, 'data', 'edited.csv'));
  });

  it('says so when a file inside the folder does not exist', async () => {
    expect(failure(await run("SELECT * FROM 'data/nope.csv'"))).toEqual({ kind: 'sql', message: 'no file in the briefing folder matches "data/nope.csv"', offset: 14 });
    expect(failure(await run("SELECT * FROM 'data/nope'"))).toEqual({ kind: 'sql', message: 'no file "data/nope" in the briefing folder (and no table of that name)', offset: 14 });
  });

  it('places a misspelt column and offers the columns DuckDB knows', async () => {
    const sql = "SELECT 'é' AS x,\n  sum(downlods) FROM 'data/weekly.csv'";
    const f = failure(await run(sql));
    expect(f).toMatchObject({ kind: 'sql', message: 'column "downlods" does not exist', offset: sql.indexOf('downlods') });
    expect(f.missing?.candidates).toContain('downloads');
  });

  it('places a syntax error', async () => {
    expect(failure(await run('SELECT 1 FRM x'))).toMatchObject({ kind: 'sql', offset: 'SELECT 1 FRM '.length });
  });

  it('refuses a result past the row cap', async () => {
    expect(failure(await run('SELECT * FROM range(51)'))).toMatchObject({ kind: 'rows' });
    expect(await run('SELECT * FROM range(50)')).toMatchObject({ ok: true });
  });

  it('stops a query past the time limit, and the next query still runs', async () => {
    // The query counts to 10^12: minutes of work, stopped after 2 s.
    const quick = duckdbEngine(brief, { timeoutMs: 2000, maxRows: 50 });
    try {
      expect(failure(await run('SELECT count(*) FROM range(1000000000000) a', {}, quick))).toMatchObject({ kind: 'timeout', message: expect.stringContaining('longer than 2 s') });
      expect(await run('SELECT 42 AS n', {}, quick)).toEqual({ ok: true, result: { columns: ['n'], rows: [[42]] } });
    } finally {
      await quick.close();
    }
  });

  it('maps types: big integers past 2^53 are an error, timestamps ISO, lists refused', async () => {
    expect(await run("SELECT 9007199254740991::BIGINT AS a, 1.25::DECIMAL(10,2) AS d, TIMESTAMP '2026-01-02 03:04:05' AS t, TIMESTAMPTZ '2026-01-02 03:04:05+02' AS z, true AS b, NULL AS n")).toEqual({
      ok: true,
      result: { columns: ['a', 'd', 't', 'z', 'b', 'n'], rows: [[9007199254740991, 1.25, '2026-01-02T03:04:05', '2026-01-02T01:04:05Z', true, null]] },
    });
    expect(failure(await run('SELECT 9007199254740993::BIGINT AS big'))).toMatchObject({ kind: 'type', message: expect.stringContaining('column "big" holds 9007199254740993') });
    expect(failure(await run('SELECT [1, 2] AS l'))).toMatchObject({ kind: 'type', message: expect.stringContaining('INTEGER[]') });
  });
});
