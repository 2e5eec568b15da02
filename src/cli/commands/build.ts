import { parseArgs } from 'node:util';
import { parseMatrix } from '../../features/build/build-jobs.js';
import { splitAssignment } from '../../pipeline/params/resolve-params.js';
import type { CommandRunner } from '../command.js';
import { UsageError } from '../usage.js';
import { VERBOSE_OPTION } from '../verbose.js';

function parseConcurrency(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64, got "${value}"`);
  return n;
}

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
        param: { type: 'string', multiple: true, default: [] },
        matrix: { type: 'string', multiple: true, default: [] },
        period: { type: 'string' },
        force: { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        ...VERBOSE_OPTION,
      },
    });
    const { buildCommand, parseFormats } = await import('../build-command.js'); // the pipeline, only when building
    // A value that does not fit (here or in a briefing's declarations) is a ParamError, an InputError: exit 2.
    const params = Object.fromEntries(values.param.map((p) => splitAssignment(p, '--param')));
    const matrix = values.matrix.map(parseMatrix);
    const dup = matrix.find(([name], i) => matrix.findIndex(([other]) => other === name) !== i || name in params);
    if (dup) throw new UsageError(`parameter "${dup[0]}" is given twice (--param and --matrix, or two --matrix)`);
    return buildCommand(
      {
        dirs: positionals,
        out: values.out,
        formats: parseFormats(values.format),
        quiet: values.quiet,
        concurrency: parseConcurrency(values.concurrency),
        request: { params, matrix, period: values.period },
        force: values.force,
        cache: !values['no-cache'],
        verbose: values.verbose,
      },
      console,
    );
  },
};
