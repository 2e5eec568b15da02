import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUT_FLAG, parseCommandArgs, requireFolders, RUN_FLAGS } from '../../src/cli/shared-flags.js';
import { PARAM_FLAGS } from '../../src/cli/param-flags.js';
import { UsageError } from '../../src/cli/usage.js';

const COMMANDS = ['archive', 'build', 'check', 'preview', 'publish'];

describe('flags shared by the commands', () => {
  it('are declared once: no command spells out --config, --verbose or --out, parses arguments or checks folders itself', () => {
    for (const name of COMMANDS) {
      const source = readFileSync(`src/cli/commands/${name}.ts`, 'utf8');
      expect(source, name).not.toMatch(/\b(config|out): \{ type:/);
      expect(source, name).not.toMatch(/VERBOSE_OPTION|CONFIG_FILE\b|parseArgs\(|no such briefing folder/);
    }
  });

  it('parse the same for every command: defaults, values, and an unknown flag as a parser error', () => {
    const options = { ...OUT_FLAG, ...PARAM_FLAGS, ...RUN_FLAGS };
    expect(parseCommandArgs(['dir'], options)).toEqual({
      values: { out: 'out', config: 'briefsmith.config.json', verbose: false, param: [], matrix: [] },
      positionals: ['dir'],
    });
    expect(parseCommandArgs(['a', '--out', 'o', '--verbose', '--param', 'x=1'], options).values).toMatchObject({ out: 'o', verbose: true, param: ['x=1'] });
    expect(() => parseCommandArgs(['--confg', 'x'], options)).toThrow(expect.objectContaining({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }) as Error);
  });

  it('a folder that is not there is a usage error naming it', () => {
    expect(() => requireFolders(['test/fixtures/check/clean', '/no/such/briefing'])).toThrow(new UsageError('no such briefing folder: /no/such/briefing'));
  });
});
