import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { QueueConnection } from '../../edges/queue/queue-connection.js';
import { QUEUE_NAME } from './render-job.js';

export interface QueueStatus {
  counts: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  /** Names of the workers connected now (`host-pid` unless `--name` was given). */
  workers: string[];
  /** Redis's own memory use, as it reports it (`1.23M`). */
  memory: string | undefined;
}

/**
 * What the person on call needs to see: how many jobs wait, run, wait to be collected (completed)
 * or failed for good, which workers are connected, and how much memory Redis uses.
 */
export async function queueStatus(connection: QueueConnection): Promise<QueueStatus> {
  const { shown, ...options } = connection;
  // One connection that tries once and answers: an on-call command must say Redis is unreachable,
  // not wait for it as a worker or a coordinator does.
  const redis = new Redis({ ...options, maxRetriesPerRequest: 1, lazyConnect: true, retryStrategy: () => null });
  let refused: Error | undefined; // the socket's own error says why (ECONNREFUSED…); connect() only that it closed
  redis.on('error', (error: Error) => (refused ??= error));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(`cannot reach Redis at ${shown}: ${(refused ?? (error as Error)).message}`, { cause: error });
  }
  const queue = new Queue(QUEUE_NAME, { connection: redis });
  try {
    const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
    const workers = (await queue.getWorkers()).map((w) => workerName(w.rawname ?? w.name ?? '')).filter((n) => n !== '').sort();
    const memory = /used_memory_human:(\S+)/.exec(await redis.info('memory'))?.[1];
    return {
      counts: {
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
      },
      workers,
      memory,
    };
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/** BullMQ names a worker's connection `bull:<queue, base64>:w:<worker name>`. */
function workerName(clientName: string): string {
  const at = clientName.indexOf(':w:');
  return at < 0 ? '' : clientName.slice(at + 3);
}
