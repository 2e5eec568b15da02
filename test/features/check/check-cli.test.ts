import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';

const FIXTURES = 'test/fixtures/check';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('brief check', () => {
  it('prints each problem as file:line:col: severity: message [rule-id] and exits 1 on errors', async () => {
    const result = await run('check', `${FIXTURES}/broken`);
    expect(result.code).toBe(1);
    expect(result.out.split('\n')).toEqual([
      'test/fixtures/check/broken/brief.md:5:9: error: unknown helper "nope" [helper-unknown]',
      'test/fixtures/check/broken/brief.md:9:5: error: link "#no-such-id" points to no heading, figure or other id in the document [link-broken]',
      'test/fixtures/check/broken/brief.md:11:1: warning: footnote [^spare] is defined but never cited [citation-unused]',
      '✗ test/fixtures/check/broken: 2 errors, 1 warning',
    ]);
  });

  it('exits 0 on a clean briefing and on warnings alone', async () => {
    expect(await run('check', `${FIXTURES}/clean`)).toMatchObject({ code: 0, out: '✓ test/fixtures/check/clean: no problems' });
    const warned = await run('check', `${FIXTURES}/warnings/`);
    expect(warned.code).toBe(0);
    expect(warned.out.split('\n')).toEqual([
      'test/fixtures/check/warnings/brief.md:7:1: warning: section "Not written yet" has no content before the next "##" [section-empty]',
      'test/fixtures/check/warnings/data/sales.csv:1:1: warning: dataset "sales" is never used by a chart or the text [dataset-unused]',
      '! test/fixtures/check/warnings: 0 errors, 2 warnings',
    ]);
  });

  it('--strict turns warnings into errors and exits 1', async () => {
    const result = await run('check', `${FIXTURES}/warnings`, '--strict');
    expect(result.code).toBe(1);
    expect(result.out).toContain('test/fixtures/check/warnings/brief.md:7:1: error: section "Not written yet" has no content before the next "##" [section-empty]');
    expect(result.out).toContain('✗ test/fixtures/check/warnings: 2 errors, 0 warnings');
    expect((await run('check', `${FIXTURES}/clean`, '--strict')).code).toBe(0);
  });

  it('reports what Vega only warns about once, at the chart, and --strict makes it an error', async () => {
    const dir = 'test/fixtures/chart-corpus/empty-filter-boxplot';
    const line = `${dir}/charts/boxplot.vl.json:1:1: warning: Vega: Infinite extent for field "b": [Infinity, -Infinity] [chart-warning]`;
    expect(await run('check', dir)).toMatchObject({ code: 0, out: `${line}\n! ${dir}: 0 errors, 1 warning` });
    const strict = await run('check', dir, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.out).toContain(line.replace(': warning: ', ': error: '));
  });

  it('--format json prints one machine-readable document for all briefings', async () => {
    const result = await run('check', `${FIXTURES}/clean`, `${FIXTURES}/broken`, '--format', 'json');
    expect(result.code).toBe(1);
    expect(result.err).toBe('');
    const report = JSON.parse(result.out) as unknown;
    expect(report).toEqual({
      messages: [
        { file: 'test/fixtures/check/broken/brief.md', line: 5, column: 9, severity: 'error', ruleId: 'helper-unknown', message: 'unknown helper "nope"' },
        {
          file: 'test/fixtures/check/broken/brief.md', line: 9, column: 5, severity: 'error', ruleId: 'link-broken',
          message: 'link "#no-such-id" points to no heading, figure or other id in the document',
        },
        {
          file: 'test/fixtures/check/broken/brief.md', line: 11, column: 1, severity: 'warning', ruleId: 'citation-unused',
          message: 'footnote [^spare] is defined but never cited',
        },
      ],
      summary: { briefings: 2, errors: 2, warnings: 1 },
    });
    const strict = JSON.parse((await run('check', `${FIXTURES}/warnings`, '--format', 'json', '--strict')).out) as { summary: unknown };
    expect(strict.summary).toEqual({ briefings: 1, errors: 2, warnings: 0 });
  });

  it('exits 2 on usage errors', async () => {
    expect((await run('check')).err).toContain('brief check needs at least one briefing folder');
    expect((await run('check', '/no/such/dir')).code).toBe(2);
    const format = await run('check', `${FIXTURES}/clean`, '--format', 'xml');
    expect(format).toMatchObject({ code: 2 });
    expect(format.err).toContain('unknown --format "xml" (known: text, json)');
  });
});
