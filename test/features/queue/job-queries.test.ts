import { afterAll, describe, expect, it } from 'vitest';
import { diskFiles } from '../../../src/edges/files/disk-files.js';
import { memoryFiles } from '../../../src/edges/files/briefing-files.js';
import { duckdbEngine } from '../../../src/edges/sql/duckdb-engine.js';
import type { QueryEngine, QueryRequest } from '../../../src/edges/sql/query-engine.js';
import { storedResults } from '../../../src/features/build/stored-results.js';
import { runJobQueries, sentQueriesEngine, sentQueriesSchema } from '../../../src/features/queue/job-queries.js';
import { renderBriefing } from '../../../src/pipeline/render-briefing.js';
import { templates } from '../../support/render-folder.js';

const weekly = 'content/open-model-weekly';

/**
 * The queue's split of SQL datasets: the coordinator runs them (real DuckDB over the folder) and
 * the results travel with the job as JSON; a worker renders from them and gets exactly the page,
 * the stored results and the messages a local build gets.
 */
describe('SQL datasets on a worker fleet', () => {
  const engine = duckdbEngine(weekly);
  afterAll(() => engine.close());

  it('the coordinator runs each query once with the render’s own parameters; the worker renders the same page and stores the same data/<name>.csv', async () => {
    const requests: QueryRequest[] = [];
    const counting: QueryEngine = { run: (request) => (requests.push(request), engine.run(request)) };
    const params = { period: '2026-W05', region: 'US' };
    const sent = JSON.parse(JSON.stringify(await runJobQueries({ params }, diskFiles(weekly, weekly), templates, counting))) as unknown;
    expect(requests.map((r) => [r.dataset, r.values?.region, r.period])).toEqual([['top_orgs', 'US', '2026-W05']]);

    const queries = sentQueriesSchema.parse(sent);
    const local = await renderBriefing({ files: diskFiles(weekly, weekly), templates, params, queries: engine });
    const worker = await renderBriefing({ files: diskFiles(weekly, weekly), templates, params, queries: sentQueriesEngine(queries, weekly) });
    expect(local.html).toBeDefined();
    expect(worker.html).toBe(local.html);
    expect(worker.messages).toEqual(local.messages);
    const stored = storedResults(worker.queryResults);
    expect(stored).toEqual(storedResults(local.queryResults));
    expect(Object.keys(stored.files)).toEqual(['data/top_orgs.csv']);
    expect(stored.record.top_orgs?.rows).toBeGreaterThan(0);
  });

  it('a query that fails on the coordinator is reported by the worker’s render at the same place, with the same hint', async () => {
    const brief = '---\ntitle: Broken\n---\nTop: {{num (sum "top" "downloads")}}\n';
    const sql = "SELECT organisaton, 1 AS downloads FROM (SELECT 'a' AS organisation)\n";
    const entries = { 'brief.md': brief, 'queries/top.sql': sql };
    const files = () => memoryFiles(entries, 'broken');
    const sent = await runJobQueries({ params: {} }, files(), templates, engine);
    expect(sent.top && 'failure' in sent.top ? sent.top.failure.kind : undefined).toBe('sql');

    const local = await renderBriefing({ files: files(), templates, queries: engine });
    const worker = await renderBriefing({ files: files(), templates, queries: sentQueriesEngine(sentQueriesSchema.parse(JSON.parse(JSON.stringify(sent))), 'broken') });
    const errors = local.messages.filter((m) => m.severity === 'error');
    expect(errors.map((m) => [m.file, m.place?.line, m.ruleId])).toEqual([['broken/queries/top.sql', 1, 'sql-error']]);
    expect(errors[0]?.reason).toContain('organisation');
    expect(worker.messages).toEqual(local.messages);
  });

  it('a job’s results are checked before a worker trusts them', () => {
    expect(sentQueriesSchema.safeParse({ top: { csv: 'a\n1\n' } }).success).toBe(true);
    expect(sentQueriesSchema.safeParse({ top: { csv: 1 } }).success).toBe(false);
    expect(sentQueriesSchema.safeParse({ top: { failure: { kind: 'drop table', message: 'x' } } }).success).toBe(false);
  });
});
