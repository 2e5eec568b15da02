import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { diskOutputStore } from '../../../src/edges/output/output-store.js';
import { scanArchive } from '../../../src/features/archive/refresh-archive.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tiny = 'test/fixtures/periodic/tiny-weekly';
const paths = (root: string) => (JSON.parse(readFileSync(join(root, 'archive.json'), 'utf8')) as { entries: Array<{ path: string }> }).entries.map((e) => e.path);

describe('brief archive', () => {
  it('lists the outputs, prunes a variant or a whole period with its files, and moves latest back', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-archive-'));
    expect((await run('build', tiny, '--format', 'html', '--out', out, '--period', '2026-W10..2026-W11', '--matrix', 'region=EU,US', '--quiet')).code).toBe(0);
    const root = join(out, 'tiny-weekly');
    const listed = await run('archive', tiny, '--out', out);
    expect(listed.code).toBe(0);
    expect(listed.out.split('\n')).toEqual([
      `${root}: 4 outputs in 2 periods`,
      '  2026-W11/EU  html      133 downloads',
      '  2026-W11/US  html      255 downloads',
      '  2026-W10/EU  html      130 downloads',
      '  2026-W10/US  html      250 downloads',
    ]);
    const pruned = await run('archive', tiny, '--out', out, '--prune', '2026-W11/US');
    expect(pruned).toMatchObject({ code: 0, out: `- removed ${root}/2026-W11/US/` });
    expect(existsSync(join(root, '2026-W11', 'US'))).toBe(false);
    expect(paths(root)).toEqual(['2026-W11/EU', '2026-W10/EU', '2026-W10/US']);
    expect((await run('archive', tiny, '--out', out, '--prune', '2026-W11')).code).toBe(0);
    expect(existsSync(join(root, '2026-W11'))).toBe(false);
    expect(paths(root)).toEqual(['2026-W10/EU', '2026-W10/US']);
    expect(readlinkSync(join(root, 'latest'))).toBe('2026-W10');
    expect(readFileSync(join(root, 'index.html'), 'utf8')).not.toContain('2026-W11');
  });

  it('refuses a prune that names nothing, removing nothing, and reports what is out of place', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-archive-'));
    expect((await run('build', tiny, '--format', 'html', '--out', out, '--period', '2026-W10', '--quiet')).code).toBe(0);
    const root = join(out, 'tiny-weekly');
    const wrong = await run('archive', tiny, '--out', out, '--prune', '2026-W12');
    expect(wrong).toMatchObject({ code: 1, err: '✗ no archived output matches "2026-W12" (archived: 2026-W10/EU); nothing was removed' });
    writeFileSync(join(root, 'tiny-weekly.pdf'), '%PDF one-off');
    const report = await run('archive', tiny, '--out', out, '--list');
    expect(report.out).toContain(`! ${root}/tiny-weekly.pdf is not part of the archive; the next build or prune moves it into superseded/`);
    expect((await run('archive', tiny, '--out', mkdtempSync(join(tmpdir(), 'brief-none-')))).err).toContain('no archive at');
  });

  it('keeps entries of an archive.json written before outputs had records, while their files exist', () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-legacy-'));
    const root = join(out, 'w');
    mkdirSync(join(root, '2026-W01'), { recursive: true });
    writeFileSync(join(root, '2026-W01', 'index.html'), 'old');
    const legacy = (period: string) => ({ path: period, period, periodStart: `${period}-x`, params: {}, title: 'W', html: `${period}/index.html` });
    writeFileSync(join(root, 'archive.json'), JSON.stringify({ slug: 'w', title: 'W', entries: [legacy('2026-W02'), legacy('2026-W01')] }));
    writeFileSync(join(root, 'index.html'), 'archive page');
    const scan = scanArchive(diskOutputStore(out), 'w');
    expect(scan.entries.map((e) => e.path)).toEqual(['2026-W01']);
    expect(scan.strays).toEqual([]);
  });
});
