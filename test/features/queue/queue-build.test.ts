import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { parseQueueUrl } from '../../../src/edges/queue/queue-connection.js';
import { diskServices } from '../../../src/features/build/disk-services.js';
import { QueryEngines } from '../../../src/edges/sql/query-engines.js';
import { renderEnvironment, type RenderEnvironment } from '../../../src/features/queue/render-environment.js';
import { QUEUE_NAME } from '../../../src/features/queue/render-job.js';
import { startWorker as startWorkerIn } from '../../../src/features/queue/run-worker.js';
import { VERSION } from '../../../src/version.js';
import { memoryCache } from '../../../src/edges/cache/memory-cache.js';
import type { CachedChart } from '../../../src/pipeline/charts/cached-chart.js';
import { memoryRenderCache } from '../../../src/pipeline/render-cache.js';
import { startTestRedis, type TestRedis } from '../../support/redis-server.js';

/** A `brief` child process (the compiled CLI, as a worker machine runs it) and what it printed. */
interface Brief {
  child: ChildProcess;
  name: string;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

function brief(...argv: string[]): Brief {
  const child = spawn(process.execPath, ['bin/brief.js', ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, name: `${hostname()}-${child.pid}`, out: () => out, err: () => err, exited };
}

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, seconds = 120): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const weekly = 'content/open-model-weekly';
const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `brief-queue-${name}-`));
const entries = (out: string) => (JSON.parse(readFileSync(join(out, 'open-model-weekly', 'archive.json'), 'utf8')) as { entries: Array<{ path: string }> }).entries.map((e) => e.path);

/**
 * A worker fleet on a real redis-server (loopback, persistence off): worker and coordinator are
 * the compiled CLI in child processes, printing with real Chromium.
 */
describe('brief build --queue with brief worker', () => {
  let redis: TestRedis;
  let queue: Queue;
  const workers: Brief[] = [];
  const startWorker = () => {
    const w = brief('worker', '--queue', redis.url, '--concurrency', '1', '--stall-timeout', '10');
    workers.push(w);
    return w;
  };

  beforeAll(async () => {
    expect(existsSync('dist/cli/main.js')).toBe(true);
    redis = await startTestRedis();
    queue = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port } });
  });
  afterAll(async () => {
    if (process.env.BRIEF_TEST_LOGS) for (const w of workers) console.log(w.name, w.out(), w.err());
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await queue?.close();
    await redis?.stop();
  });

  it('builds 8 weekly PDFs with two workers, one SIGKILLed mid-job and another started; the same bytes as a local build', async () => {
    const out = tempDir('fleet');
    const [a, b] = [startWorker(), startWorker()];
    const coordinator = brief('build', weekly, '--period', '2026-W01..2026-W08', '--out', out, '--queue', redis.url);
    // Kill worker A while it holds a job.
    const victim = await until('a job on worker A', async () => (await queue.getActive()).find((j) => j.processedBy === a.name));
    a.child.kill('SIGKILL');
    await a.exited;
    const c = startWorker();
    expect(await coordinator.exited).toBe(0);

    const weeks = Array.from({ length: 8 }, (_, i) => `2026-W0${i + 1}`);
    for (const week of weeks) expect(readFileSync(join(out, 'open-model-weekly', week, 'EU', `open-model-weekly-${week}-eu.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(entries(out).sort()).toEqual(weeks.map((w) => `${w}/EU`));
    // The killed worker's job was done again by another worker.
    const label = victim.data.job.label;
    expect(`${b.out()}\n${c.out()}`).toContain(`✓ ${label} EU (rendered`);
    expect(coordinator.out()).toContain('8 of 8 built');
    // Nothing is left in Redis for the batch: results are removed once written.
    expect(await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed')).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 });

    // The job that was killed mid-way, built locally: the same bytes, and the same stored result of
    // the SQL dataset (queries/top_orgs.sql), which the coordinator ran and sent with the job.
    const week = victim.data.job.params.period as string;
    expect(Object.keys(victim.data.queries)).toEqual(['top_orgs']);
    const local = tempDir('local');
    expect((await run('build', weekly, '--period', week, '--out', local)).code).toBe(0);
    const record = JSON.parse(readFileSync(join(out, 'open-model-weekly', week, 'EU', 'output.json'), 'utf8')) as { results?: Record<string, { file: string }> };
    expect(record.results?.top_orgs?.file).toBe('data/top_orgs.csv');
    for (const file of ['index.html', `open-model-weekly-${week}-eu.pdf`, 'output.json', 'data/top_orgs.csv']) {
      const path = ['open-model-weekly', week, 'EU', file];
      expect(readFileSync(join(out, ...path)).equals(readFileSync(join(local, ...path))), file).toBe(true);
    }
    rmSync(local, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }, 300_000);

  it('a coordinator killed mid-batch and started again finishes it without rebuilding or duplicating anything', async () => {
    const out = tempDir('restart');
    const args = ['build', weekly, '--period', '2026-W09..2026-W12', '--out', out, '--queue', redis.url];
    const first = brief(...args);
    await until('a first output', () => (first.out().includes('✓ ') ? true : undefined));
    first.child.kill('SIGKILL');
    await first.exited;
    const written = entries(out);
    expect(written.length).toBeGreaterThan(0);
    const pdfOf = (path: string) => join(out, 'open-model-weekly', path, `open-model-weekly-${path.replace('/EU', '')}-eu.pdf`);
    const before = new Map(written.map((path) => [path, statSync(pdfOf(path)).ino]));

    const second = brief(...args);
    expect(await second.exited).toBe(0);
    expect(entries(out).sort()).toEqual(['2026-W09/EU', '2026-W10/EU', '2026-W11/EU', '2026-W12/EU']);
    for (const [path, inode] of before) {
      expect(statSync(pdfOf(path)).ino, path).toBe(inode);
      expect(second.out()).toContain(`= ${weekly} ${path.replace('/', ' ')} is up to date`);
    }
    expect(await queue.getJobCounts('waiting', 'active', 'completed', 'failed')).toEqual({ waiting: 0, active: 0, completed: 0, failed: 0 });
    rmSync(out, { recursive: true, force: true });
  }, 300_000);

  it('brief queue status names the connected workers; workers stop cleanly on SIGTERM', async () => {
    const running = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
    expect(running.length).toBe(2);
    const status = await run('queue', 'status', '--queue', redis.url);
    expect(status.code).toBe(0);
    expect(status.out).toContain('waiting 0, active 0');
    expect(status.out).toContain(`workers (2): ${running.map((w) => w.name).sort().join(', ')}`);
    for (const w of running) w.child.kill('SIGTERM');
    for (const w of running) {
      expect(await w.exited).toBe(0);
      expect(w.err()).toContain('stopped');
    }
  });

  it('usage errors: a worker without --queue, a queue URL that is not Redis; queue status on a Redis nobody runs', async () => {
    expect((await run('worker')).code).toBe(2);
    const bad = await run('build', weekly, '--queue', 'http://:pw@127.0.0.1:1');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--queue takes redis://HOST:PORT[/DB]');
    expect(bad.err).not.toContain(':pw@');
    // Nothing listens on loopback port 1: the on-call command says so at once instead of waiting.
    const unreachable = await run('queue', 'status', '--queue', 'redis://127.0.0.1:1');
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toContain('cannot reach Redis at redis://127.0.0.1:1/0: connect ECONNREFUSED');
  });

  /** A worker in this process (real pipeline, real Chromium), for the cases that need no kill. */
  const inProcessWorker = async (environment: RenderEnvironment) => {
    const lines: string[] = [];
    const services = await diskServices('.', new QueryEngines({ sources: {}, env: {} }), { cache: false });
    const running = startWorkerIn(
      { connection: parseQueueUrl(redis.url), concurrency: 2, name: 'in-process', stallSeconds: 30 },
      {
        templates: services.templates, fonts: services.fonts, environment, startPrinter: services.startPrinter, now: services.effects.now, log: (l) => lines.push(l),
        chartCache: memoryCache<CachedChart>(), renderCache: memoryRenderCache(),
      },
    );
    await running.ready;
    return { running, lines };
  };

  it('reports a content error at its file:line:col as a local build does, does not retry it, and finishes the other jobs', async () => {
    const parent = tempDir('content');
    expect((await run('new', 'good', '--dir', parent)).code).toBe(0);
    expect((await run('new', 'bad', '--dir', parent)).code).toBe(0);
    appendFileSync(join(parent, 'bad', 'brief.md'), '\nDownloads: {{sum "downloads" "value"}}.\n');
    // A SQL dataset that fails: the coordinator runs it, the worker's render reports it where a local build does.
    mkdirSync(join(parent, 'bad', 'queries'));
    writeFileSync(join(parent, 'bad', 'queries', 'top.sql'), "SELECT organisaton FROM (SELECT 'a' AS organisation)\n");
    const dirs = [join(parent, 'good'), join(parent, 'bad')];
    const local = await run('build', ...dirs, '--format', 'html', '--out', tempDir('content-local'));
    const localErrors = local.err.split('\n').filter((l) => l.includes(': error: '));
    expect(localErrors.join('\n')).toMatch(/bad\/brief\.md:\d+:\d+: error: unknown dataset "downloads" .*\[data-unknown\]/);
    expect(localErrors.join('\n')).toMatch(/bad\/queries\/top\.sql:1:\d+: error: .*organisation.*\[sql-error\]/);

    const worker = await inProcessWorker(renderEnvironment());
    try {
      const out = tempDir('content-out');
      const queued = await run('build', ...dirs, '--format', 'html', '--out', out, '--queue', redis.url);
      expect(queued.code).toBe(1);
      expect(queued.err.split('\n').filter((l) => l.includes(': error: '))).toEqual(localErrors);
      expect(readFileSync(join(out, 'good', 'index.html'), 'utf8')).toContain('<html');
      expect(existsSync(join(out, 'bad'))).toBe(false);
      // Rendered once: content errors are the job's result, not a failure to retry.
      expect(worker.lines.filter((l) => l.includes(`${join(parent, 'bad')} (content errors`))).toHaveLength(1);
    } finally {
      await worker.running.close();
    }
  }, 180_000);

  it('--offline --queue: the coordinator answers SQL datasets from the results stored in --out, and the worker renders from them', async () => {
    const out = tempDir('offline');
    expect((await run('build', weekly, '--period', '2026-W03', '--format', 'html', '--out', out)).code).toBe(0);
    const folder = join(out, 'open-model-weekly', '2026-W03', 'EU');
    const local = readFileSync(join(folder, 'index.html'), 'utf8');
    const worker = await inProcessWorker(renderEnvironment());
    try {
      // The worker's caches fill with this render: the same page as the local build.
      expect((await run('build', weekly, '--period', '2026-W03', '--format', 'html', '--out', out, '--offline', '--force', '--queue', redis.url)).code).toBe(0);
      expect(readFileSync(join(folder, 'index.html'), 'utf8')).toBe(local);
      // A stored result no query gives: the page can only show it if it was answered from the file (and not from the worker's caches).
      const stored = join(folder, 'data', 'top_orgs.csv');
      writeFileSync(stored, readFileSync(stored, 'utf8').replace('"OpenAI"', '"Offline Org"'));
      expect(local).not.toContain('Offline Org');
      const queued = await run('build', weekly, '--period', '2026-W03', '--format', 'html', '--out', out, '--offline', '--force', '--queue', redis.url);
      expect(queued.code, queued.err).toBe(0);
      expect(readFileSync(join(folder, 'index.html'), 'utf8')).toContain('Offline Org');
      expect(readFileSync(stored, 'utf8')).toContain('"Offline Org"');
    } finally {
      await worker.running.close();
    }
  }, 120_000);

  it('a worker of another Briefsmith version refuses the job with a clear message, once', async () => {
    const parent = tempDir('version');
    expect((await run('new', 'any', '--dir', parent)).code).toBe(0);
    const worker = await inProcessWorker({ ...renderEnvironment(), briefsmith: '0.0.0-other' });
    try {
      const queued = await run('build', join(parent, 'any'), '--format', 'html', '--out', tempDir('version-out'), '--queue', redis.url);
      expect(queued.code).toBe(1);
      expect(queued.err).toContain(`refused by worker in-process: this worker runs Briefsmith 0.0.0-other, the job was made by Briefsmith ${VERSION}`);
      expect(worker.lines.filter((l) => l.startsWith('✗ refused'))).toHaveLength(1);
    } finally {
      await worker.running.close();
    }
  }, 120_000);
});
