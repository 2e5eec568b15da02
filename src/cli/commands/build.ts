import { availableParallelism } from 'node:os';
import type { BuildOutcome, Format } from '../../features/build/build-briefing.js';
import { startBatch, type Batch } from '../../features/build/build-batch.js';
import { diskServices } from '../../features/build/disk-services.js';
import { reportOutcome } from '../build-report.js';
import type { CommandRunner } from '../command.js';
import { PARAM_FLAGS, paramRequest } from '../param-flags.js';
import { openQueryEngines } from '../query-setup.js';
import { summaryTable } from '../summary-table.js';
import { onShutdownSignal } from '../shutdown-signals.js';
import { UsageError } from '../usage.js';
import { OUT_FLAG, parseCommandArgs, requireFolders, RUN_FLAGS } from '../shared-flags.js';
import { EX_SOFTWARE, isInternal } from '../../messages/errors.js';
import { parseQueueUrl } from '../../edges/queue/queue-connection.js';

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
  async run(argv, terminal) {
    const { values, positionals } = parseCommandArgs(argv, {
      ...OUT_FLAG,
      format: { type: 'string', default: 'html,pdf' },
      concurrency: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      offline: { type: 'boolean', default: false },
      queue: { type: 'string' },
      ...PARAM_FLAGS,
      ...RUN_FLAGS,
    });
    const formats = parseFormats(values.format);
    const concurrency = parseConcurrency(values.concurrency) ?? availableParallelism();
    const request = paramRequest(values);
    if (positionals.length === 0) throw new UsageError('brief build needs at least one briefing folder');
    requireFolders(positionals);
    const connection = values.queue === undefined ? undefined : parseQueueUrl(values.queue);
    // SQL sources come from the config file; everything printed from here on has their credentials redacted.
    const opened = openQueryEngines(values.config, terminal);
    if (!opened) return 1;
    const { queries, console } = opened;
    let outcomes: BuildOutcome[];
    let interrupted = false;
    let uninstall = () => {};
    try {
      // A coordinator draws no chart (its workers do): no chart cache under --out.
      const services = await diskServices(values.out, queries, { cache: !values['no-cache'] && !connection });
      const onOutcome = (outcome: BuildOutcome) => reportOutcome(outcome, { formats, quiet: values.quiet, verbose: values.verbose }, console);
      const options = { dirs: positionals, formats, request, force: values.force, offline: values.offline };
      // A value that does not fit a briefing's declarations is a ParamError, an InputError: exit 2.
      let running: Batch;
      if (connection) {
        // The coordinator of a worker fleet: the same plan, queries and commits; `brief worker`s render.
        const { startQueuedBatch } = await import('../../features/queue/queued-batch.js');
        const log = (line: string) => (values.quiet ? undefined : console.err(line));
        running = startQueuedBatch({ ...options, out: values.out, connection }, { templates: services.templates, fonts: services.fonts, effects: services.effects, onOutcome, log });
      } else running = startBatch({ ...options, concurrency }, { ...services, onOutcome });
      const interrupt = () => {
        interrupted = true;
        console.err(
          connection
            ? 'brief: interrupted; nothing half-written is kept, queued jobs stay queued (run the same command again to collect them)'
            : 'brief: interrupted; closing the browser, nothing half-written is kept',
        );
        void Promise.all([running.interrupt(), queries.close()]).finally(() => process.exit(130));
      };
      // A second signal, or a close past the grace period, kills the browser at once (shutdown-signals.ts).
      uninstall = onShutdownSignal(interrupt);
      outcomes = await running.done;
    } finally {
      uninstall();
      await queries.close();
    }
    // Interrupted, the jobs the closed browser cut short fail; the exit code says why.
    if (interrupted) return 130;
    if (outcomes.length > 1 && !values.quiet) console.out(summaryTable(outcomes));
    // A bug in Briefsmith outranks content errors: it is what has to be reported.
    if (outcomes.some((o) => isInternal(o.failure))) return EX_SOFTWARE;
    return outcomes.every((o) => o.ok) ? 0 : 1;
  },
};
