import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { BuildOutcome, Format } from '../../features/build/build-briefing.js';
import { startBatch, type Batch } from '../../features/build/build-batch.js';
import { diskServices } from '../../features/build/disk-services.js';
import { reportOutcome } from '../build-report.js';
import type { CommandRunner } from '../command.js';
import { PARAM_FLAGS, paramRequest } from '../param-flags.js';
import { summaryTable } from '../summary-table.js';
import { parseQueueUrl } from '../../edges/queue/queue-connection.js';
import { UsageError } from '../usage.js';
import { VERBOSE_OPTION } from '../verbose.js';

const FORMATS: readonly Format[] = ['html', 'pdf'];

export function parseFormats(value: string): Format[] {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  const bad = formats.filter((f) => !FORMATS.includes(f as Format));
  if (formats.length === 0 || bad.length > 0) throw new UsageError(`unknown --format "${bad.join(',') || value}" (known: ${FORMATS.join(', ')})`);
  return [...new Set(formats)] as Format[];
}

function parseConcurrency(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64, got "${value}"`);
  return n;
}

/** `brief build`: flags in, the batch run by features/build, progress lines and the exit code out. */
export const build: CommandRunner = {
  async run(argv, console) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', default: 'out' },
        format: { type: 'string', default: 'html,pdf' },
        concurrency: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        queue: { type: 'string' },
        ...PARAM_FLAGS,
        ...VERBOSE_OPTION,
      },
    });
    const formats = parseFormats(values.format);
    const concurrency = parseConcurrency(values.concurrency) ?? availableParallelism();
    const request = paramRequest(values);
    if (positionals.length === 0) throw new UsageError('brief build needs at least one briefing folder');
    for (const dir of positionals) {
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no such briefing folder: ${dir}`);
    }
    const services = await diskServices(values.out);
    const onOutcome = (outcome: BuildOutcome) => reportOutcome(outcome, { formats, quiet: values.quiet, verbose: values.verbose }, console);
    // A value that does not fit a briefing's declarations is a ParamError, an InputError: exit 2.
    let running: Batch;
    if (values.queue !== undefined) {
      // The coordinator of a worker fleet: the same plan and the same commits; `brief worker`s render.
      const connection = parseQueueUrl(values.queue);
      const { startQueuedBatch } = await import('../../features/queue/queued-batch.js');
      running = startQueuedBatch(
        { dirs: positionals, formats, request, force: values.force, out: values.out, connection },
        { fonts: services.fonts, effects: services.effects, onOutcome, log: (line) => (values.quiet ? undefined : console.err(line)) },
      );
    } else running = startBatch({ dirs: positionals, formats, concurrency, request, force: values.force }, { ...services, onOutcome });
    const interrupt = () => {
      console.err(values.queue === undefined ? 'brief: interrupted; closing the browser, nothing half-written is kept' : 'brief: interrupted; nothing half-written is kept, queued jobs stay queued (run the same command again to collect them)');
      void running.interrupt().finally(() => process.exit(130));
    };
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    let outcomes: BuildOutcome[];
    try {
      outcomes = await running.done;
    } finally {
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
    }
    if (outcomes.length > 1 && !values.quiet) console.out(summaryTable(outcomes));
    return outcomes.every((o) => o.ok) ? 0 : 1;
  },
};
