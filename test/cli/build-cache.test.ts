import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function build(...argv: string[]) {
  const err: string[] = [];
  const code = await main(['build', ...argv, '--format', 'html', '--quiet'], { out: () => undefined, err: (l) => err.push(l) });
  expect(err).toEqual([]);
  expect(code).toBe(0);
}

/** `brief build` keeps rendered charts in `<out>/.cache/charts/` between runs; `--no-cache` neither reads nor writes it. */
describe('the build’s chart cache on disk', () => {
  it('rebuilds byte-identical pages from it, and redraws a chart whose data changed', async () => {
    const work = mkdtempSync(join(tmpdir(), 'brief-cache-cli-'));
    const dir = join(work, 'sales');
    cpSync('test/fixtures/check/clean', dir, { recursive: true });
    const cached = join(work, 'out');
    const page = (out: string) => readFileSync(join(out, 'sales', 'index.html'), 'utf8');
    const entries = () => readdirSync(join(cached, '.cache', 'charts'));

    await build(dir, '--out', cached);
    expect(entries()).toHaveLength(1);
    const first = page(cached);
    await build(dir, '--out', cached);
    expect(page(cached)).toBe(first);
    expect(entries()).toHaveLength(1);
    const uncached = join(work, 'uncached');
    await build(dir, '--out', uncached, '--no-cache');
    expect(page(uncached)).toBe(first);
    expect(existsSync(join(uncached, '.cache'))).toBe(false);

    writeFileSync(join(dir, 'data', 'sales.csv'), readFileSync(join(dir, 'data', 'sales.csv'), 'utf8').replace(/\d+\s*$/, '99\n'));
    await build(dir, '--out', cached);
    await build(dir, '--out', uncached, '--no-cache');
    expect(page(cached)).not.toBe(first);
    expect(page(cached)).toBe(page(uncached));
    expect(entries()).toHaveLength(2);
  });
});
