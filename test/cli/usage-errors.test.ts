import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { closest, editDistance } from '../../src/messages/closest.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A usage error is one line saying what is wrong and one pointing at --help (exit 2), never the whole help or Node's parser text. */
describe('usage errors', () => {
  it.each([
    [['buidl', 'x'], 'brief: unknown command "buidl" (did you mean "build"?)\nsee brief --help'],
    [['build', '--outt', 'x', 'content/x'], 'brief: unknown option --outt for brief build (did you mean --out?)\nsee brief build --help'],
    [['build', 'content/x', '--out'], 'brief: --out needs a value (--out VALUE)\nsee brief build --help'],
    [['check', '--strict=yes', 'content/x'], 'brief: --strict takes no value\nsee brief check --help'],
    [['preview', '--colour'], 'brief: unknown option --colour for brief preview\nsee brief preview --help'],
  ])('%j', async (argv, expected) => {
    expect(await run(...argv)).toEqual({ code: 2, out: '', err: expected });
  });

  it('preview takes --param NAME=VALUE like build (a missing folder is then the only complaint)', async () => {
    expect(await run('preview', 'no/such/folder', '--param', 'region=East')).toEqual({
      code: 2,
      out: '',
      err: 'brief: no such briefing folder: no/such/folder\nsee brief preview --help',
    });
  });
});

describe('did you mean', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('pctChnage', 'pctChange')).toBe(1);
    expect(closest('pctChnage', ['pct', 'pctChange', 'ppChange'])).toBe('pctChange');
  });

  it('suggests nothing when no name is close', () => {
    expect(closest('revenue', ['region', 'downloads'])).toBeUndefined();
    expect(closest('ab', ['xy'])).toBeUndefined();
  });
});
