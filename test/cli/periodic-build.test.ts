import { cpSync, existsSync, mkdtempSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The weekly example, built as HTML into temporary output folders. */
describe('periodic builds, variants and the archive', () => {
  const brief = 'content/open-model-weekly';

  it('renders every period × variant into predictable folders and lists them in the archive', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-weekly-'));
    const result = await run('build', brief, '--format', 'html', '--out', out, '--period', '2026-W46..2026-W47', '--matrix', 'region=EU,APAC');
    expect(result.code).toBe(0);
    const root = join(out, 'open-model-weekly');
    for (const week of ['2026-W46', '2026-W47']) {
      for (const region of ['EU', 'APAC']) {
        const html = readFileSync(join(root, week, region, 'index.html'), 'utf8');
        expect(html).toContain(`downloads in the ${region} region`);
        expect(html).toContain(`Week ${week.slice(-2)}, 2026`);
      }
    }
    const manifest = JSON.parse(readFileSync(join(root, 'archive.json'), 'utf8')) as { entries: Array<{ path: string; headline: string }> };
    expect(manifest.entries.map((e) => e.path)).toEqual(['2026-W47/APAC', '2026-W47/EU', '2026-W46/APAC', '2026-W46/EU']);
    expect(manifest.entries[0]?.headline).toMatch(/^[\d,]+ downloads in APAC, [+-][\d.]+% on the week$/);
    const index = readFileSync(join(root, 'index.html'), 'utf8');
    for (const e of manifest.entries) expect(index).toContain(`href="${e.path}/index.html"`);
    expect(readlinkSync(join(root, 'latest'))).toBe('2026-W47');
    expect(result.out).toContain('4 of 4 built');
  });

  it('keeps a published period unless --force, and moves the latest pointer forward', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-weekly-'));
    expect((await run('build', brief, '--format', 'html', '--out', out, '--period', '2026-W45')).code).toBe(0);
    const file = join(out, 'open-model-weekly', '2026-W45', 'index.html');
    const before = statSync(file).mtimeMs;
    const again = await run('build', brief, '--format', 'html', '--out', out, '--period', '2026-W45');
    expect(again.code).toBe(1);
    expect(again.err).toContain('2026-W45 already exists; rebuilding a published period needs --force (nothing was changed)');
    expect(statSync(file).mtimeMs).toBe(before);
    const forced = await run('build', brief, '--format', 'html', '--out', out, '--period', '2026-W45', '--force');
    expect(forced.code).toBe(0);
    expect(statSync(file).mtimeMs).toBeGreaterThan(before);
    expect((await run('build', brief, '--format', 'html', '--out', out, '--period', 'latest')).code).toBe(0);
    expect(readlinkSync(join(out, 'open-model-weekly', 'latest'))).toBe('2026-W53');
    const manifest = JSON.parse(readFileSync(join(out, 'open-model-weekly', 'archive.json'), 'utf8')) as { entries: unknown[] };
    expect(manifest.entries).toHaveLength(2);
  });

  it('treats bad parameter values as usage errors that name the allowed values', async () => {
    const bad = await run('build', brief, '--format', 'html', '--param', 'region=LATAM');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('parameter "region" must be one of EU, US, APAC, got "LATAM"');
    expect((await run('build', brief, '--period', '2026-11')).err).toContain('parameter "period" must be a week such as 2026-W48');
    expect((await run('build', brief, '--period', '2026-W48..2026-W40')).err).toContain('the range ends before it starts');
    const plain = mkdtempSync(join(tmpdir(), 'brief-plain-'));
    cpSync('content/deepseek-moment', plain, { recursive: true });
    expect((await run('build', plain, '--period', '2026-W48')).err).toContain('has no period parameter');
    expect(existsSync(join(plain, 'brief.md'))).toBe(true);
  });
});
