import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Message } from '../../messages/message.js';
import type { OutputId } from '../../edges/output/output-layout.js';
import type { Format, Verdict } from '../build/output-verdict.js';
import type { BuildJob } from '../build/build-jobs.js';
import type { RenderEnvironment } from './render-environment.js';
import type { SnapshotManifest } from './briefing-snapshot.js';
import { sentQueriesSchema, type SentQueries } from './job-queries.js';

/** The BullMQ queue every coordinator and worker of one Redis database shares. */
export const QUEUE_NAME = 'briefsmith-render';

/** The blob space of one job's results (see `BlobStore`): the worker writes there, the coordinator reads and then removes it. */
export const resultSpace = (jobId: string): string => `result:${jobId}`;

/**
 * A job as it travels: its briefing by content, never by path, so the worker needs no shared disk;
 * its SQL datasets' results as the coordinator got them, so the worker needs no database.
 */
export interface RenderJobData {
  protocol: 2;
  environment: RenderEnvironment;
  snapshot: SnapshotManifest;
  /** The planned job, without the coordinator's folder path (`shown` names it in messages). */
  job: Omit<BuildJob, 'dir'>;
  /** Each SQL dataset's result (or failure), run on the coordinator; the worker renders from these. */
  queries: SentQueries;
  formats: Format[];
  force: boolean;
  /** `--out` as typed on the coordinator, for the paths named in messages. */
  out: string;
  /** The Redis hash holding the records of outputs already in `--out` (for "up to date" before printing). */
  records: string;
  /** Seconds the worker's result blobs live if the coordinator never collects them. */
  resultTtl: number;
}

/** The part of the job data a worker checks before trusting it (it comes from Redis, not from us). */
export const renderJobDataSchema = z.object({
  protocol: z.literal(2),
  environment: z.object({ briefsmith: z.string(), templates: z.string(), fonts: z.array(z.string()) }),
  snapshot: z.record(z.string(), z.string().regex(/^sha256:[0-9a-f]{64}$/)),
  job: z.object({
    shown: z.string(),
    label: z.string(),
    slug: z.string(),
    params: z.record(z.string(), z.string()),
    declared: z.array(z.string()),
    periodParam: z.string().optional(),
    writtenTitle: z.string(),
  }),
  queries: sentQueriesSchema,
  formats: z.array(z.enum(['html', 'pdf'])),
  force: z.boolean(),
  out: z.string(),
  records: z.string(),
  resultTtl: z.number().int().positive(),
});

/** A rendered output's files travel back as blob hashes; the coordinator fetches and writes them. */
export interface QueuedOutput {
  id: OutputId;
  segments: string[];
  inputs: string;
  formats: Format[];
  /** File name in the output folder → blob hash. */
  files: Record<string, string>;
  pages: number | undefined;
  look: { writtenTitle: string; lang: string; cssBlob: string };
}

/** What a worker returns for a job (kept small: BullMQ stores it and its event stream copies it). */
export type RenderJobResult = {
  worker: string;
  label: string;
  messages: Message[];
  seconds: number;
} & (
  | { kind: 'content-errors' }
  | { kind: 'judged'; verdict: Exclude<Verdict, { kind: 'build' }>; segments: string[] }
  | { kind: 'ready'; output: QueuedOutput }
);

/**
 * The job's id: the same planned job of the same batch gets the same id on every run of the
 * coordinator, so a restarted coordinator finds its earlier jobs (BullMQ ignores an `add` whose
 * id exists) instead of queueing them twice.
 */
export function renderJobId(data: RenderJobData, outKey: string): string {
  const { job, snapshot, environment, queries, formats, force } = data;
  // The query results are inputs: rows changed in the warehouse make a new job, not the old one's result.
  const identity = JSON.stringify([environment, snapshot, queries, job.shown, job.slug, job.params, formats, force, outKey]);
  return `render-${createHash('sha256').update(identity).digest('hex').slice(0, 40)}`;
}

/** The records hash of one briefing's archive in one `--out` (`outKey` names the folder, hashed). */
export function recordsKey(outKey: string, slug: string): string {
  return `brief:records:${outKey}:${slug}`;
}
