import { parseArgs } from 'node:util';
import { VERSION } from '../version.js';
import { buildCommand, parseFormats, type Console } from './build-command.js';
import { HELP, UsageError } from './usage.js';

function parseConcurrency(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64, got "${value}"`);
  return n;
}

/** Runs the CLI and returns the exit code: 0 success, 1 content errors, 2 usage errors. */
export async function main(argv: string[], console: Console): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', default: 'out' },
        format: { type: 'string', default: 'html,pdf' },
        concurrency: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
    if (values.version) {
      console.out(VERSION);
      return 0;
    }
    const [command, ...rest] = positionals;
    if (values.help || command === 'help') {
      console.out(HELP);
      return 0;
    }
    if (command === 'build') {
      const concurrency = parseConcurrency(values.concurrency);
      return await buildCommand(
        { dirs: rest, out: values.out, formats: parseFormats(values.format), quiet: values.quiet, concurrency },
        console,
      );
    }
    throw new UsageError(command === undefined ? 'missing command' : `unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.err(`brief: ${(error as Error).message}\n\n${HELP}`);
      return 2;
    }
    throw error;
  }
}
