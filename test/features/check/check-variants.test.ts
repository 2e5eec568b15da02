import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const weekly = 'content/open-model-weekly';

describe('brief check on a periodic briefing', () => {
  it('counts period windows (weekly@current …) as uses of their dataset: the weekly example is clean with --strict', async () => {
    expect(await run('check', weekly, '--strict')).toEqual({ code: 0, out: `✓ ${weekly}: no problems`, err: '' });
  });

  it('checks every period and variant asked for, like build', async () => {
    const result = await run('check', weekly, '--strict', '--period', '2026-W47..2026-W48', '--matrix', 'region=EU,US');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toEqual([
      `✓ ${weekly} 2026-W47 EU: no problems`,
      `✓ ${weekly} 2026-W47 US: no problems`,
      `✓ ${weekly} 2026-W48 EU: no problems`,
      `✓ ${weekly} 2026-W48 US: no problems`,
    ]);
  });

  it('reports a period without data once per dataset, and a shared problem once', async () => {
    const result = await run('check', weekly, '--period', '2027-W10', '--matrix', 'region=EU,US');
    expect(result.code).toBe(1);
    expect(result.out.split('\n')).toEqual([
      `${weekly}/data/weekly.csv: error: no rows of "weekly" fall in 2027-W10 (the data covers 2025-W01..2026-W53) [period-no-data]`,
      `✗ ${weekly} 2027-W10 EU: 1 error, 0 warnings`,
      `✗ ${weekly} 2027-W10 US: 1 error, 0 warnings (1 as above)`,
    ]);
  });

  it('treats a value the briefing does not declare as a usage error', async () => {
    const result = await run('check', weekly, '--param', 'region=LATAM');
    expect(result.code).toBe(2);
    expect(result.err).toContain('parameter "region" must be one of EU, US, APAC, got "LATAM"');
  });
});
