import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { Job, Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { BlobStore } from '../../edges/queue/blob-store.js';
import type { QueueConnection } from '../../edges/queue/queue-connection.js';
import type { FontStore } from '../../edges/fonts/font-store.js';
import type { OutputStore } from '../../edges/output/output-store.js';
import type { ParamRequest } from '../../pipeline/params/param-request.js';
import type { TemplateLibrary } from '../../pipeline/templates/template.js';
import { RECORD_FILE } from '../archive/output-record.js';
import { planJobs, type Batch } from '../build/build-batch.js';
import { settleRendered, type BuildEffects, type BuildOutcome, type Format, type Rendered } from '../build/build-briefing.js';
import type { BuildJob } from '../build/build-jobs.js';
import { runPool } from '../build/run-pool.js';
import { offlineEngine } from '../build/stored-results.js';
import { snapshotFiles, snapshotFolder, uploadSnapshot, type BriefingSnapshot } from './briefing-snapshot.js';
import { runJobQueries } from './job-queries.js';
import { renderEnvironment } from './render-environment.js';
import { QUEUE_NAME, recordsKey, renderJobId, resultSpace, type RenderJobData, type RenderJobResult } from './render-job.js';

export interface QueuedBatchOptions {
  dirs: readonly string[];
  formats: readonly Format[];
  request: ParamRequest;
  force: boolean;
  /** Answer SQL datasets from the results stored in `--out` instead of querying (`--offline`). */
  offline: boolean;
  /** `--out` as typed (named in messages; its absolute path tells batches into different folders apart). */
  out: string;
  connection: QueueConnection;
}

export interface QueuedBatchServices {
  /** For running each job's SQL datasets here, as far as the queries stage. */
  templates: TemplateLibrary;
  fonts: FontStore;
  effects: BuildEffects;
  onOutcome?: (outcome: BuildOutcome) => void;
  /** Lines about the queue itself (jobs queued, workers seen). */
  log: (line: string) => void;
}

/** How long briefing files and uncollected results stay in Redis after their last use. */
const BLOB_TTL_SECONDS = 24 * 3600;
/** Tries per job when a worker fails for a reason other than content (a crash, a lost browser). */
const ATTEMPTS = 3;
/** Jobs whose SQL datasets run at once on the coordinator (a local build runs as many as it renders). */
const QUERYING = 4;

/**
 * `brief build … --queue`: the coordinator. It plans exactly the jobs a local build plans,
 * sends each briefing's files to Redis once, runs each job's SQL datasets itself (it has the
 * configuration, the credentials and the way to the database; workers have none of them) and
 * sends their results with the job, queues one job per output and commits each result
 * into `--out` with the local build's own code (atomic folder, archive under its lock). Job ids
 * are derived from the job itself, so running the same command again after a crash picks up the
 * earlier jobs and results instead of queueing duplicates; a result is removed from Redis once
 * it is written.
 */
export function startQueuedBatch(options: QueuedBatchOptions, services: QueuedBatchServices): Batch {
  const { jobs, failed } = planJobs(options.dirs, options.request, services.effects);
  const { shown: _shown, ...connection } = options.connection;
  const controller = new AbortController();
  const queue = new Queue<RenderJobData, RenderJobResult>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  // Every job waited for adds a listener to the queue's 'closing' event.
  queue.setMaxListeners(jobs.length + 16);
  const redis = new Redis(connection);
  redis.on('error', (error: Error) => services.log(`! redis: ${error.message} (retrying)`));
  const blobs = new BlobStore(redis, BLOB_TTL_SECONDS);
  const outKey = createHash('sha256').update(resolve(options.out)).digest('hex').slice(0, 16);
  const closeAll = async () => {
    await Promise.allSettled([events.close(), queue.close()]);
    redis.disconnect();
  };

  const run = async (): Promise<BuildOutcome[]> => {
    for (const outcome of failed) services.onOutcome?.(outcome);
    try {
      const snapshots = new Map<string, BriefingSnapshot>();
      for (const job of jobs) if (!snapshots.has(job.dir)) snapshots.set(job.dir, snapshotFolder(job.dir));
      for (const snapshot of snapshots.values()) await uploadSnapshot(blobs, snapshot);
      for (const slug of new Set(jobs.map((j) => j.slug))) await publishRecords(redis, recordsKey(outKey, slug), services.effects.store, slug);
      const environment = renderEnvironment();
      const queued = await runPool(jobs, QUERYING, async (job): Promise<{ job: BuildJob; id: string } | { job: BuildJob; failure: Error }> => {
        const { dir: _dir, ...planned } = job;
        const snapshot = snapshots.get(job.dir) as BriefingSnapshot;
        const engine = options.offline ? offlineEngine(services.effects.store, job) : services.effects.queries(job.dir);
        let queries;
        try {
          queries = await runJobQueries(job, snapshotFiles(snapshot, job.shown), services.templates, engine);
        } catch (error) {
          return { job, failure: error instanceof Error ? error : new Error(String(error)) };
        }
        const data: RenderJobData = {
          protocol: 2, environment, snapshot: snapshot.manifest, job: planned, queries, formats: [...options.formats],
          force: options.force, out: options.out, records: recordsKey(outKey, job.slug), resultTtl: BLOB_TTL_SECONDS,
        };
        const id = renderJobId(data, outKey);
        await queue.add('render', data, { jobId: id, attempts: ATTEMPTS, backoff: { type: 'exponential', delay: 2000 } });
        return { job, id };
      });
      const workers = await queue.getWorkersCount();
      services.log(`queued ${jobs.length} job${jobs.length === 1 ? '' : 's'} on ${options.connection.shown}; ${workers} worker${workers === 1 ? '' : 's'} connected${workers === 0 ? ' (start some: brief worker --queue …)' : ''}`);
      const outcomes = await Promise.all(
        queued.map(async (entry) => {
          const outcome = 'failure' in entry ? failedOutcome(entry.job, entry.failure) : await collect(entry.job, entry.id);
          services.onOutcome?.(outcome);
          return outcome;
        }),
      );
      return [...failed, ...outcomes];
    } finally {
      await closeAll();
    }
  };

  /** Waits for one job's result and commits it; the job and its result blobs are removed once it is written. */
  const collect = async (job: BuildJob, id: string): Promise<BuildOutcome> => {
    const base = failedOutcome(job, undefined);
    const bull = await Job.fromId<RenderJobData, RenderJobResult>(queue, id);
    if (!bull) return { ...base, failure: new Error(`job ${id} disappeared from the queue (collected by another coordinator?)`) };
    try {
      await bull.waitUntilFinished(events);
    } catch (error) {
      if (controller.signal.aborted) return { ...base, failure: new Error('interrupted; the job stays queued') };
      await queue.remove(id).catch(() => undefined);
      return { ...base, failure: new Error(`the queue gave up on this job: ${(error as Error).message}`) };
    }
    const result = (await Job.fromId<RenderJobData, RenderJobResult>(queue, id))?.returnvalue;
    if (!result) return { ...base, failure: new Error(`job ${id} finished without a result (collected by another coordinator?)`) };
    const results = new BlobStore(redis, BLOB_TTL_SECONDS, resultSpace(id));
    const rendered = await fetchRendered(result, results);
    const seconds = result.seconds;
    if (!rendered) {
      await queue.remove(id);
      return { ...base, label: result.label, seconds, messages: result.messages, failure: new Error('its files expired from Redis before they were collected; run the same command again') };
    }
    const settled = await settleRendered(rendered, { effects: services.effects, fonts: services.fonts, force: options.force, signal: controller.signal });
    await queue.remove(id);
    if (result.kind === 'ready') await results.remove([...Object.values(result.output.files), result.output.look.cssBlob]);
    return { ...base, ...settled, label: result.label, messages: result.messages, seconds };
  };

  /** A worker's result as the local build's `Rendered`, with its files fetched from Redis; undefined if they expired. */
  const fetchRendered = async (result: RenderJobResult, results: BlobStore): Promise<Rendered | undefined> => {
    const common = { label: result.label, messages: result.messages };
    if (result.kind === 'content-errors') return { ...common, kind: 'content-errors' };
    if (result.kind === 'judged') return { ...common, kind: 'judged', verdict: result.verdict, segments: result.segments };
    const { output } = result;
    const names = Object.keys(output.files);
    const bytes = await results.getAll([...names.map((n) => output.files[n] as string), output.look.cssBlob]);
    if (bytes.some((b) => b === undefined)) return undefined;
    const files = Object.fromEntries(names.map((name, i) => [name, bytes[i] as Buffer]));
    const css = (bytes[names.length] as Buffer).toString('utf8');
    return {
      ...common, kind: 'ready',
      output: { id: output.id, segments: output.segments, inputs: output.inputs, formats: output.formats, files, pages: output.pages ?? undefined, look: { writtenTitle: output.look.writtenTitle, lang: output.look.lang, css } },
    };
  };

  return {
    done: run(),
    interrupt: async () => {
      controller.abort();
      services.effects.store.abandon();
      await closeAll();
    },
  };
}

/** A job that failed before or without a result (its failure, if it is not a content problem). */
function failedOutcome(job: BuildJob, failure: Error | undefined): BuildOutcome {
  return {
    dir: job.shown, label: job.label, slug: job.slug, status: 'failed', ok: false, messages: [], pages: undefined, seconds: 0,
    written: undefined, files: [], failure, moved: [],
  };
}

/**
 * Puts the records of a briefing's outputs already in `--out` into a Redis hash (relative path →
 * `output.json`), so a worker can tell "up to date" before printing, as a local build does.
 */
async function publishRecords(redis: Redis, key: string, store: OutputStore, slug: string): Promise<void> {
  const fields: string[] = [];
  const visit = (path: readonly string[], depth: number) => {
    for (const entry of store.list([slug, ...path])) {
      if (entry.kind !== 'folder' || entry.name.startsWith('.')) continue;
      const inner = [...path, entry.name];
      const record = store.readText([slug, ...inner, RECORD_FILE]);
      if (record !== undefined) fields.push(inner.join('/'), record);
      else if (depth < 2) visit(inner, depth + 1);
    }
  };
  visit([], 1);
  const write = redis.multi().del(key);
  if (fields.length > 0) write.hset(key, ...fields);
  await write.expire(key, BLOB_TTL_SECONDS).exec();
}
