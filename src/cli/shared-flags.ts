import { existsSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CONFIG_FILE } from '../features/publish/config/config-file.js';
import { UsageError } from './usage.js';
import { VERBOSE_OPTION } from './verbose.js';

/**
 * The flags build, check, preview and publish share, declared once (like PARAM_FLAGS in
 * param-flags.ts): `--config FILE` (SQL sources and publish targets) with `--verbose`, and `--out DIR`.
 */
export const RUN_FLAGS = {
  config: { type: 'string' as const, default: CONFIG_FILE },
  ...VERBOSE_OPTION,
};

export const OUT_FLAG = { out: { type: 'string' as const, default: 'out' } };

/** A subcommand's arguments: strict (an unknown flag is a usage error), folders as positionals. */
export function parseCommandArgs<const Options extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: Options,
): ReturnType<typeof parseArgs<{ args: string[]; options: Options; allowPositionals: true; strict: true }>> {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}

/** Each named briefing folder exists and is a folder, or the call is a usage error. */
export function requireFolders(dirs: readonly string[]): void {
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no such briefing folder: ${dir}`);
  }
}
