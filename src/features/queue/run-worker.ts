import { posix } from 'node:path';
import { Redis } from 'ioredis';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { BlobCache, blobHash, BlobStore } from '../../edges/queue/blob-store.js';
import type { QueueConnection } from '../../edges/queue/queue-connection.js';
import type { FontStore } from '../../edges/fonts/font-store.js';
import type { TemplateLibrary } from '../../pipeline/templates/template.js';
import type { ChartCache } from '../../pipeline/charts/cached-chart.js';
import type { RenderCache } from '../../pipeline/render-cache.js';
import { parseRecord } from '../archive/output-record.js';
import type { PrinterHandle } from '../build/build-batch.js';
import { renderOutput, type Judge, type RenderedOutput } from '../build/build-briefing.js';
import type { BuildJob } from '../build/build-jobs.js';
import { judgeOutput } from '../build/output-verdict.js';
import { memoryFiles } from '../../edges/files/briefing-files.js';
import type { PdfPrinter } from '../../edges/pdf/pdf-printer.js';
import { renderBriefing } from '../../pipeline/render-briefing.js';
import { starterFiles } from '../scaffold/starter-files.js';
import { materializeSnapshot } from './briefing-snapshot.js';
import { sentQueriesEngine } from './job-queries.js';
import { environmentMismatch, type RenderEnvironment } from './render-environment.js';
import { QUEUE_NAME, renderJobDataSchema, resultSpace, type QueuedOutput, type RenderJobResult } from './render-job.js';

export interface WorkerOptions {
  connection: QueueConnection;
  /** Jobs at once (one browser, a tab each). */
  concurrency: number;
  /** Shown by `brief queue status` and stored on each job it takes. */
  name: string;
  /** How long a job's lock lasts without renewal: a killed worker's job is taken by another after about this long (plus up to 10 s). */
  stallSeconds: number;
}

export interface WorkerServices {
  templates: TemplateLibrary;
  fonts: FontStore;
  /** This machine's Briefsmith, templates and fonts; a job made for another is refused. */
  environment: RenderEnvironment;
  startPrinter: () => Promise<PrinterHandle>;
  /**
   * Charts, and compiled templates, prepared prose, parsed Markdown and data files, kept across
   * this worker's jobs (in memory: weekly issues of one briefing share most of them). Output is
   * byte-identical with or without.
   */
  chartCache?: ChartCache;
  renderCache?: RenderCache;
  now: () => number;
  /** One line per job taken, finished or refused. */
  log: (line: string) => void;
}

export interface RunningWorker {
  /** Resolves once the worker is warm and taking jobs. */
  ready: Promise<void>;
  /** Stops taking jobs, lets the running ones finish, closes the browser and the connections. */
  close(): Promise<void>;
}

/**
 * `brief worker`: takes render jobs from the queue, rebuilds each job's briefing from Redis,
 * answers its SQL datasets from the results sent with the job, renders and prints it with one warm browser and sends the files back as blobs. A job's content
 * errors are its result (no retry can fix them); a machine failure (browser crash) throws, and
 * BullMQ tries the job again; a job from another Briefsmith is refused for good.
 */
export function startWorker(options: WorkerOptions, services: WorkerServices): RunningWorker {
  const { shown: _shown, ...connection } = options.connection;
  const redis = new Redis(connection);
  redis.on('error', (error: Error) => services.log(`! redis: ${error.message} (retrying)`));
  const blobs = new BlobStore(redis, 24 * 3600);
  const cache = new BlobCache(blobs);
  let printer: Promise<PrinterHandle> | undefined;
  const printerFor = async () => (await (printer ??= services.startPrinter())).printer;

  const processJob = async (job: Job<unknown, RenderJobResult>): Promise<RenderJobResult> => {
    const started = services.now();
    const parsed = renderJobDataSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`job ${job.id} is not a Briefsmith render job (${parsed.error.issues[0]?.message ?? 'malformed'})`);
    const data = parsed.data;
    const refusal = environmentMismatch(data.environment, services.environment);
    if (refusal) {
      services.log(`✗ refused ${data.job.label}: ${refusal}`);
      throw new UnrecoverableError(`refused by worker ${options.name}: ${refusal}`);
    }
    const files = await materializeSnapshot(cache, data.snapshot, data.job.shown);
    const planned: Omit<BuildJob, 'dir'> = { ...data.job, periodParam: data.job.periodParam };
    const judge: Judge = async (id, segments, inputs, formats) => {
      if (id.period === undefined) return { kind: 'build', formats };
      const text = await redis.hget(data.records, segments.slice(1).join('/'));
      const record = parseRecord(text ?? undefined);
      return judgeOutput({ path: posix.join(data.out, ...segments), exists: record !== undefined, record }, inputs, formats, data.force);
    };
    const printer = data.formats.includes('pdf') ? await printerFor() : undefined;
    // SQL datasets are answered from the results the coordinator ran and sent: a worker has no database.
    const queries = sentQueriesEngine(data.queries, data.job.shown);
    const caches = { ...(services.chartCache ? { chartCache: services.chartCache } : {}), ...(services.renderCache ? { renderCache: services.renderCache } : {}) };
    const ctx = { templates: services.templates, fonts: services.fonts, printer, formats: data.formats, now: services.now, queries, ...caches };
    const rendered = await renderOutput(planned, files, ctx, judge);
    const base = { worker: options.name, label: rendered.label, messages: [...rendered.messages], seconds: (services.now() - started) / 1000 };
    let result: RenderJobResult;
    if (rendered.kind === 'content-errors') result = { ...base, kind: 'content-errors' };
    else if (rendered.kind === 'judged') result = { ...base, kind: 'judged', verdict: rendered.verdict, segments: rendered.segments };
    else result = { ...base, kind: 'ready', output: await sendBack(new BlobStore(redis, data.resultTtl, resultSpace(String(job.id))), rendered.output) };
    const what = result.kind === 'ready' ? 'rendered' : result.kind === 'content-errors' ? 'content errors, nothing rendered' : result.verdict.kind === 'up-to-date' ? 'up to date' : 'refused: changed since archived';
    services.log(`${result.kind === 'content-errors' ? '✗' : '✓'} ${result.label} (${what}, ${result.seconds.toFixed(1)} s)`);
    return result;
  };

  const worker = new Worker<unknown, RenderJobResult>(QUEUE_NAME, processJob, {
    connection,
    concurrency: options.concurrency,
    name: options.name,
    lockDuration: options.stallSeconds * 1000,
    // Checking for stalled jobs is cheap; checking often means a dead worker's job waits about
    // one lock duration, not two.
    stalledInterval: Math.min(options.stallSeconds, 10) * 1000,
    maxStalledCount: 2,
    autorun: false,
  });
  worker.on('failed', (job, error) => {
    if (job && !(error instanceof UnrecoverableError)) services.log(`! job ${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`);
  });
  worker.on('error', (error) => services.log(`! ${error.message}`));
  let closing = false;
  const ready = warmUp(services, printerFor).then(() => {
    if (!closing) void worker.run().catch((error: unknown) => services.log(`! ${(error as Error).message}`));
  });
  return {
    ready,
    close: async () => {
      closing = true;
      await ready.catch(() => undefined);
      await worker.close();
      if (printer) await (await printer.catch(() => undefined))?.close();
      redis.disconnect();
    },
  };
}

/**
 * Renders and prints a small briefing before taking the first job. A cold process spends seconds
 * compiling schemas and loading Vega, blocking its event loop; done inside a job, that can outlast
 * the job's lock, and BullMQ would hand the job to another worker as if this one had died.
 */
async function warmUp(services: WorkerServices, printerFor: () => Promise<PdfPrinter>): Promise<void> {
  const files = memoryFiles(starterFiles({ slug: 'warm-up', template: 'briefing', today: '2026-01-01' }), 'warm-up');
  const result = await renderBriefing({ files, templates: services.templates, fonts: services.fonts, now: services.now });
  if (!result.html || !result.template) throw new Error(`the warm-up briefing did not render: ${result.messages.map((m) => m.reason).join('; ')}`);
  await (await printerFor()).print({ html: result.html, page: result.template.page, meta: { title: 'warm-up', creator: 'Briefsmith' } });
}

/** Stores a rendered output's files (and the template CSS its archive page needs) as blobs, in one round of writes. */
async function sendBack(store: BlobStore, output: RenderedOutput): Promise<QueuedOutput> {
  const blobs = new Map<string, Uint8Array>();
  const named = (content: string | Uint8Array): string => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const hash = blobHash(bytes);
    blobs.set(hash, bytes);
    return hash;
  };
  const files = Object.fromEntries(Object.entries(output.files).map(([name, content]) => [name, named(content)]));
  const cssBlob = named(output.look.css);
  await store.putAll(blobs);
  return {
    id: output.id, segments: output.segments, inputs: output.inputs, formats: [...output.formats], files, pages: output.pages,
    look: { writtenTitle: output.look.writtenTitle, lang: output.look.lang, cssBlob },
  };
}

/** Waits for SIGTERM or SIGINT, then closes the worker; a second signal exits at once. */
export function closeOnSignal(worker: RunningWorker, log: (line: string) => void): Promise<void> {
  return new Promise((resolve) => {
    let closing = false;
    const stop = (signal: NodeJS.Signals) => {
      if (closing) process.exit(signal === 'SIGINT' ? 130 : 143);
      closing = true;
      log(`brief worker: ${signal}; finishing the jobs in hand, then exiting`);
      void worker.close().finally(() => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
