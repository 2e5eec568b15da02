import { parseArgs } from 'node:util';
import { buildCommand, parseFormats } from './build-command.js';
import type { Command } from './command.js';
import { UsageError } from './usage.js';

function parseConcurrency(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64, got "${value}"`);
  return n;
}

export const build: Command = {
  name: 'build',
  usage: 'brief build <briefing-dir>... [--out DIR] [--format html,pdf] [--concurrency N] [--quiet]',
  summary: 'render briefings to <out>/<slug>/index.html and <slug>.pdf',
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
      },
    });
    return buildCommand(
      {
        dirs: positionals,
        out: values.out,
        formats: parseFormats(values.format),
        quiet: values.quiet,
        concurrency: parseConcurrency(values.concurrency),
      },
      console,
    );
  },
};
