import { availableParallelism, hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { diskServices } from '../../features/build/disk-services.js';
import { memoryCache } from '../../edges/cache/memory-cache.js';
import type { CachedChart } from '../../pipeline/charts/cached-chart.js';
import { memoryRenderCache } from '../../pipeline/render-cache.js';
import { QueryEngines } from '../../edges/sql/query-engines.js';
import { closeOnSignal, startWorker } from '../../features/queue/run-worker.js';
import { renderEnvironment } from '../../features/queue/render-environment.js';
import type { CommandRunner } from '../command.js';
import { parseQueueUrl } from '../../edges/queue/queue-connection.js';
import { UsageError } from '../usage.js';

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** `brief worker --queue redis://…`: renders queued jobs until SIGTERM or SIGINT. */
export const worker: CommandRunner = {
  async run(argv, console) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        queue: { type: 'string' },
        concurrency: { type: 'string' },
        name: { type: 'string' },
        'stall-timeout': { type: 'string' },
        'print-timeout': { type: 'string' },
      },
    });
    if (positionals.length > 0) throw new UsageError('brief worker takes no folders: the jobs bring their briefings');
    if (values.queue === undefined) throw new UsageError('brief worker needs --queue redis://HOST:PORT[/DB]');
    const connection = parseQueueUrl(values.queue);
    const concurrency = wholeNumber('--concurrency', values.concurrency, 1, 64) ?? availableParallelism();
    const stallSeconds = wholeNumber('--stall-timeout', values['stall-timeout'], 2, 3600) ?? 30;
    const printSeconds = wholeNumber('--print-timeout', values['print-timeout'], 5, 3600) ?? 120;
    const name = values.name ?? `${hostname()}-${process.pid}`;
    // A worker queries nothing (each job brings its SQL results): an engine set with no sources, never started.
    const services = await diskServices('.', new QueryEngines({ sources: {}, env: {} }), { cache: false, printSeconds });
    const running = startWorker(
      { connection, concurrency, name, stallSeconds },
      {
        templates: services.templates, fonts: services.fonts, environment: renderEnvironment(), startPrinter: services.startPrinter, now: services.effects.now, log: console.out,
        // In memory for the worker's life, bounded; a worker writes nothing to its disk.
        chartCache: memoryCache<CachedChart>(), renderCache: memoryRenderCache(),
      },
    );
    const stopped = closeOnSignal(running, console.err);
    try {
      await running.ready;
    } catch (error) {
      await running.close();
      throw error;
    }
    console.err(`brief worker ${name}: taking jobs from ${connection.shown}, ${concurrency} at once (Ctrl-C or SIGTERM to stop)`);
    await stopped;
    console.err(`brief worker ${name}: stopped`);
    return 0;
  },
};
