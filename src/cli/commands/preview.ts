import type { CommandRunner } from '../command.js';
import { PARAM_FLAGS, paramRequest } from '../param-flags.js';
import { onShutdownSignal } from '../shutdown-signals.js';
import { UsageError } from '../usage.js';
import { openQueryEngines } from '../query-setup.js';
import { OUT_FLAG, parseCommandArgs, requireFolders, RUN_FLAGS } from '../shared-flags.js';
import { startPreview } from '../../features/preview/start-preview.js';

const DEFAULT_PORT = 4700;

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${value}"`);
  return port;
}

export const preview: CommandRunner = {
  async run(argv, terminal) {
    // One variant at a time: --param and --period, not --matrix.
    const { values, positionals } = parseCommandArgs(argv, {
      port: { type: 'string' },
      ...OUT_FLAG,
      param: PARAM_FLAGS.param,
      period: PARAM_FLAGS.period,
      ...RUN_FLAGS,
    });
    const [dir, ...extra] = positionals;
    if (dir === undefined) throw new UsageError('brief preview needs a briefing folder');
    if (extra.length > 0) throw new UsageError('brief preview serves one briefing folder at a time');
    requireFolders([dir]);
    const port = parsePort(values.port);
    const request = paramRequest({ param: values.param, matrix: [], period: values.period });
    if (request.period !== undefined && request.period.includes('..')) throw new UsageError('brief preview shows one period at a time: --period takes one period or latest');
    const opened = openQueryEngines(values.config, terminal);
    if (!opened) return 1;
    const { queries, console } = opened;
    const server = await startPreview({
      queries: queries.forFolder(dir),
      dir,
      port: port ?? DEFAULT_PORT,
      // A port the user asked for is kept or fails; the default moves on when taken.
      portAttempts: port === undefined ? 20 : 0,
      log: (line) => console.err(line),
      params: request.params,
      ...(request.period !== undefined ? { period: request.period } : {}),
      out: values.out,
      verbose: values.verbose,
    }).catch(async (error: unknown) => {
      await queries.close();
      throw error;
    });
    console.out(`Previewing ${dir} at ${server.url}  (PDF: ${server.url}pdf)  Ctrl+C to stop`);
    let uninstall = () => {};
    await new Promise<void>((stopped) => {
      // A second signal, or a close past the grace period, kills the browser at once (shutdown-signals.ts).
      uninstall = onShutdownSignal(() => {
        console.err('brief: stopping the preview');
        void server.close().finally(() => void queries.close().finally(stopped));
      });
    });
    uninstall();
    return 0;
  },
};

