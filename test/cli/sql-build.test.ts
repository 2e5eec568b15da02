import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { freePort, startPostgres, type TestPostgres } from '../support/postgres-server.js';

let server: TestPostgres;
const temp = mkdtempSync(join(tmpdir(), 'bs-sql-build-'));

beforeAll(async () => {
  server = await startPostgres();
  await server.admin(`
    CREATE TABLE kpi (region text, week date, metric text, value bigint);
    INSERT INTO kpi VALUES ('EU', '2026-03-02', 'signups', 1200), ('EU', '2026-03-02', 'churned', 150), ('US', '2026-03-02', 'signups', 900),
                           ('EU', '2026-03-09', 'signups', 1300), ('EU', '2026-03-09', 'churned', 170);
    GRANT SELECT ON kpi TO analyst;`);
});

afterAll(async () => {
  await server?.stop();
  rmSync(temp, { recursive: true, force: true });
});

/** Runs the CLI in-process with WAREHOUSE_URL set as given (and unset afterwards). */
async function run(url: string | undefined, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const saved = process.env.WAREHOUSE_URL;
  if (url === undefined) delete process.env.WAREHOUSE_URL;
  else process.env.WAREHOUSE_URL = url;
  try {
    const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    if (saved === undefined) delete process.env.WAREHOUSE_URL;
    else process.env.WAREHOUSE_URL = saved;
  }
}

/** Every file under a folder, as text (for "the password is nowhere"). */
function allText(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'latin1'))
    .join('\n');
}

/** A bare git repository with one commit, standing in for a git-backed wiki. */
function bareWiki(): string {
  const bare = join(temp, 'wiki.git');
  const seed = join(temp, 'wiki-seed');
  const git = (args: string[], cwd = temp) => execFileSync('git', args, { cwd, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
  git(['init', '--quiet', '--bare', '--initial-branch=master', bare]);
  git(['init', '--quiet', '--initial-branch=master', seed]);
  writeFileSync(join(seed, 'Home.md'), 'Welcome.\n');
  git(['add', 'Home.md'], seed);
  git(['-c', 'user.name=Seed', '-c', 'user.email=seed@example.org', 'commit', '--quiet', '-m', 'Home'], seed);
  git(['push', '--quiet', bare, 'HEAD:master'], seed);
  return bare;
}

const KPI_BRIEF = `---
title: KPIs
params:
  period: { type: period, kind: week, default: 2026-W10 }
  region: { type: enum, values: [EU, US], default: EU }
data:
  kpi:
    source: warehouse
    sql: |
      SELECT metric, value FROM kpi
      WHERE region = $region AND week BETWEEN $period_start AND $period_end
      ORDER BY metric DESC
---
{{params.region}} signups this week: {{num (cell "kpi" "signups" "value")}}.

\`\`\`vega-lite caption="This week's KPIs"
{"description": "KPIs", "data": {"name": "kpi"}, "mark": "bar", "encoding": {"x": {"field": "value", "type": "quantitative"}, "y": {"field": "metric", "type": "nominal"}}}
\`\`\`
`;

function kpiFolder(): { dir: string; config: string } {
  const dir = join(temp, 'kpi');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'brief.md'), KPI_BRIEF);
  const config = join(temp, 'briefsmith.config.json');
  writeFileSync(config, JSON.stringify({ sources: { warehouse: { type: 'postgres', urlEnv: 'WAREHOUSE_URL' } } }));
  return { dir, config };
}

// Each test builds in-process several times (DuckDB starts per build); other test files share the
// machine's cores, so a test is given minutes, not vitest's default minute.
describe('brief build with SQL datasets', () => {
  it('feeds prose and a chart from a PostgreSQL source; the password appears nowhere; --offline rebuilds byte-identical without the server', async () => {
    const { dir, config } = kpiFolder();
    const out = join(temp, 'out-kpi');
    // One-value --matrix: the variant's own folder, as the output layout names it.
    const built = await run(server.url, 'build', dir, '--config', config, '--out', out, '--format', 'html', '--matrix', 'region=EU');
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
    const folder = join(out, 'kpi', '2026-W10', 'EU');
    const html = readFileSync(join(folder, 'index.html'), 'utf8');
    expect(html).toContain('EU signups this week: 1,200.');
    expect(html).toMatch(/<td[^>]*>churned<\/td>/);
    expect(readFileSync(join(folder, 'data', 'kpi.csv'), 'utf8')).toBe('"metric","value"\n"signups",1200\n"churned",150\n');
    const manifest = JSON.parse(readFileSync(join(out, 'kpi', 'archive.json'), 'utf8')) as { entries: Array<{ results?: Record<string, unknown> }> };
    expect(manifest.entries[0]?.results).toEqual({ kpi: { file: '2026-W10/EU/data/kpi.csv', rows: 2, hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) } });

    // "Up to date" compares results: the queries run again and give the same rows...
    const again = await run(server.url, 'build', dir, '--config', config, '--out', out, '--format', 'html', '--matrix', 'region=EU');
    expect(again.code).toBe(0);
    expect(again.out).toContain(`= ${dir} 2026-W10 EU is up to date`);
    // ...then the warehouse's rows for that week change, the sources do not: the issue changed, and is kept.
    await server.admin("UPDATE kpi SET value = value + 1");
    const changed = await run(server.url, 'build', dir, '--config', config, '--out', out, '--format', 'html', '--matrix', 'region=EU');
    expect(changed.code).toBe(1);
    expect(changed.err).toContain('was built from other inputs');
    expect(readFileSync(join(folder, 'index.html'), 'utf8')).toBe(html);
    // The server is unreachable: --offline queries nothing, finds the issue as built (up to date), and rebuilds it as archived.
    const dead = `postgres://analyst:${encodeURIComponent(server.password)}@127.0.0.1:${await freePort()}/briefs`;
    const current = await run(dead, 'build', dir, '--config', config, '--out', out, '--format', 'html', '--matrix', 'region=EU', '--offline');
    expect(current.err).toBe('');
    expect(current.code).toBe(0);
    expect(current.out).toContain(`= ${dir} 2026-W10 EU is up to date`);
    const before = { html, csv: readFileSync(join(folder, 'data', 'kpi.csv')) };
    const offline = await run(dead, 'build', dir, '--config', config, '--out', out, '--format', 'html', '--matrix', 'region=EU', '--offline', '--force');
    expect(offline.code).toBe(0);
    expect(readFileSync(join(folder, 'index.html'), 'utf8')).toBe(before.html);
    expect(readFileSync(join(folder, 'data', 'kpi.csv'))).toEqual(before.csv);
    // brief publish renders from the stored results too, so what it publishes is what was built.
    const wiki = bareWiki();
    writeFileSync(config, JSON.stringify({ sources: { warehouse: { type: 'postgres', urlEnv: 'WAREHOUSE_URL' } }, publish: { wiki: { type: 'git', url: `file://${wiki}` } } }));
    const plan = await run(dead, 'publish', dir, '--to', 'wiki', '--out', out, '--config', config, '--dry-run');
    expect(plan.err).toBe('');
    expect(plan.code).toBe(0);
    expect(plan.out).toContain('create page');
    for (const text of [built.out, built.err, changed.err, offline.out, offline.err, plan.out, allText(out)]) {
      expect(text).not.toContain(server.password);
      expect(text).not.toContain(encodeURIComponent(server.password));
    }
  }, 300_000);

  it('reports a down server as one clear error naming the source and host, and writes nothing', async () => {
    const { dir, config } = kpiFolder();
    const out = join(temp, 'out-down');
    const port = await freePort();
    const result = await run(`postgres://analyst:${encodeURIComponent(server.password)}@127.0.0.1:${port}/briefs`, 'build', dir, '--config', config, '--out', out);
    expect(result.code).toBe(1);
    const errors = result.err.split('\n').filter((l) => l.includes(': error: '));
    expect(errors).toEqual([`${dir}/brief.md:10:7: error: source "warehouse" (postgres at 127.0.0.1:${port}): could not connect (ECONNREFUSED) [sql-source]`]);
    expect(result.err).not.toContain(server.password);
    expect(existsSync(out)).toBe(false);
  }, 300_000);

  it('stores the weekly example\'s DuckDB result with the issue and refuses a query reading outside the folder (exit 1, nothing leaked)', async () => {
    const example = join(temp, 'weekly');
    cpSync('content/open-model-weekly', example, { recursive: true });
    const out = join(temp, 'out-weekly');
    const built = await run(undefined, 'build', example, '--out', out, '--format', 'html', '--period', '2026-W10', '--param', 'region=US');
    expect(built.code).toBe(0);
    // --param region=US names the variant too: the output layout gives it its own folder.
    const folder = join(out, 'weekly', '2026-W10', 'US');
    const csv = readFileSync(join(folder, 'data', 'top_orgs.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('"organisation","origin","downloads","share"');
    expect(csv.split('\n')).toHaveLength(7);
    const manifest = JSON.parse(readFileSync(join(out, 'weekly', 'archive.json'), 'utf8')) as { entries: Array<{ results?: Record<string, { file: string; rows: number; hash: string }> }> };
    expect(manifest.entries[0]?.results?.['top_orgs']).toMatchObject({ file: '2026-W10/US/data/top_orgs.csv', rows: 5 });

    // --offline: the issue again from its stored result, byte for byte, though the query could not run now.
    const page = readFileSync(join(folder, 'index.html'));
    const query = readFileSync(join(example, 'queries', 'top_orgs.sql'), 'utf8');
    writeFileSync(join(example, 'queries', 'top_orgs.sql'), query.replace("'data/weekly.csv'", "'data/gone.csv'"));
    const offline = await run(undefined, 'build', example, '--out', out, '--format', 'html', '--period', '2026-W10', '--param', 'region=US', '--offline', '--force');
    expect(offline.err).toBe('');
    expect(offline.code).toBe(0);
    expect(readFileSync(join(folder, 'index.html'))).toEqual(page);
    expect(readFileSync(join(folder, 'data', 'top_orgs.csv'), 'utf8')).toBe(csv);
    // A period never built has nothing to rebuild from: one positioned error, nothing written.
    const never = await run(undefined, 'build', example, '--out', out, '--format', 'html', '--period', '2026-W11', '--param', 'region=US', '--offline');
    expect(never.code).toBe(1);
    expect(never.err).toContain(`${example}/queries/top_orgs.sql:1:1: error:`);
    expect(never.err).toContain(`no stored result at ${join(out, 'weekly', '2026-W11', 'US', 'data', 'top_orgs.csv')} (build this output first, without --offline)`);
    expect(existsSync(join(out, 'weekly', '2026-W11'))).toBe(false);

    writeFileSync(join(temp, 'secret.csv'), 'organisation,origin,downloads,share\nTOPSECRET,x,1,1\n');
    writeFileSync(join(example, 'queries', 'top_orgs.sql'), "SELECT * FROM '../secret.csv'\n");
    const refused = await run(undefined, 'build', example, '--out', join(temp, 'out-refused'), '--format', 'html', '--period', '2026-W10');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${example}/queries/top_orgs.sql:1:15: error: reading "../secret.csv" is refused: queries read only files inside the briefing folder [sql-refused]`);
    expect(refused.err + refused.out).not.toContain('TOPSECRET');
    // No output is written; only the chart cache may hold the charts that did draw, and never the secret.
    const refusedOut = join(temp, 'out-refused');
    expect((existsSync(refusedOut) ? readdirSync(refusedOut) : []).filter((name) => name !== '.cache')).toEqual([]);
    const kept = existsSync(refusedOut) ? readdirSync(refusedOut, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : [];
    for (const entry of kept) expect(readFileSync(join(entry.parentPath, entry.name), 'utf8')).not.toContain('TOPSECRET');
  }, 300_000);
});
