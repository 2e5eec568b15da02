import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

const brief = 'content/open-model-weekly';
const tempOut = () => mkdtempSync(join(tmpdir(), 'brief-weekly-'));
const manifest = (root: string) => JSON.parse(readFileSync(join(root, 'archive.json'), 'utf8')) as { title: string; entries: Array<{ path: string; headline: string; inputs: string }> };
const html = (out: string, ...more: string[]) => ['build', brief, '--format', 'html', '--out', out, ...more];

/** The weekly example, built as HTML into temporary output folders. */
describe('periodic builds, variants and the archive', () => {
  it('renders every period × variant into one folder each and lists them in the archive', async () => {
    const out = tempOut();
    const result = await run(...html(out, '--period', '2026-W46..2026-W47', '--matrix', 'region=EU,APAC'));
    expect(result.code).toBe(0);
    const root = join(out, 'open-model-weekly');
    for (const week of ['2026-W46', '2026-W47']) {
      for (const region of ['EU', 'APAC']) {
        const page = readFileSync(join(root, week, region, 'index.html'), 'utf8');
        expect(page).toContain(`downloads in the ${region} region`);
        expect(page).toContain(`Week ${week.slice(-2)}, 2026`);
        expect(page).toContain(`Releases and downloads of open-weight models in ${region}`);
      }
    }
    const { entries, title } = manifest(root);
    expect(title).toBe('Open Models Weekly');
    expect(entries.map((e) => e.path)).toEqual(['2026-W47/APAC', '2026-W47/EU', '2026-W46/APAC', '2026-W46/EU']);
    expect(entries[0]?.headline).toMatch(/^[\d,]+ downloads in APAC, [+-][\d.]+% on the week$/);
    expect(entries[0]?.inputs).toMatch(/^sha256:[0-9a-f]{64}$/);
    const index = readFileSync(join(root, 'index.html'), 'utf8');
    for (const e of entries) expect(index).toContain(`href="${e.path}/index.html"`);
    expect(readlinkSync(join(root, 'latest'))).toBe('2026-W47');
    expect(result.out).toContain('4 of 4 built');
    expect(readdirSync(root).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('puts a default build where --matrix region=EU puts it, and finds it up to date there (exit 0, one line)', async () => {
    const out = tempOut();
    expect((await run(...html(out, '--period', '2026-W45'))).code).toBe(0);
    const file = join(out, 'open-model-weekly', '2026-W45', 'EU', 'index.html');
    const before = statSync(file).mtimeMs;
    const again = await run(...html(out, '--period', '2026-W45', '--matrix', 'region=EU'));
    expect(again).toEqual({ code: 0, out: `= ${brief} 2026-W45 EU is up to date (${join(out, 'open-model-weekly', '2026-W45', 'EU')}/)`, err: '' });
    expect(statSync(file).mtimeMs).toBe(before);
    // A range overlapping built periods builds only the new ones.
    const range = await run(...html(out, '--period', '2026-W44..2026-W45'));
    expect(range.code).toBe(0);
    expect(range.out).toContain('1 of 2 built, 1 up to date');
  });

  it('replaces exactly the variant --force names and keeps the others', async () => {
    const out = tempOut();
    expect((await run(...html(out, '--period', '2026-W44', '--matrix', 'region=EU,US'))).code).toBe(0);
    const eu = join(out, 'open-model-weekly', '2026-W44', 'EU', 'index.html');
    const us = join(out, 'open-model-weekly', '2026-W44', 'US', 'index.html');
    const [euBefore, usBefore] = [statSync(eu).mtimeMs, statSync(us).mtimeMs];
    const forced = await run(...html(out, '--period', '2026-W44', '--param', 'region=US', '--force'));
    expect(forced.code).toBe(0);
    expect(statSync(eu).mtimeMs).toBe(euBefore);
    expect(statSync(us).mtimeMs).toBeGreaterThan(usBefore);
    expect(manifest(join(out, 'open-model-weekly')).entries.map((e) => e.path)).toEqual(['2026-W44/EU', '2026-W44/US']);
  });

  it('refuses to replace an issue whose data changed, naming --force; appending later rows changes nothing', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'brief-src-')), 'weekly');
    cpSync(brief, dir, { recursive: true });
    const out = tempOut();
    const build = (...more: string[]) => run('build', dir, '--format', 'html', '--out', out, '--period', '2026-W44', ...more);
    expect((await build()).code).toBe(0);
    const csv = join(dir, 'data', 'weekly.csv');
    writeFileSync(csv, `${readFileSync(csv, 'utf8').trimEnd()}\n2026-12-28,NewLab,France,EU,1,5\n`);
    expect((await build()).out).toContain('is up to date');
    const file = join(out, 'weekly', '2026-W44', 'EU', 'index.html');
    const before = readFileSync(file, 'utf8');
    const text = readFileSync(csv, 'utf8');
    const row = text.split('\n').find((l) => l.startsWith('2026-10-26,') && l.includes(',EU,')) ?? '';
    writeFileSync(csv, text.replace(row, row.replace(/,(\d+)$/, (_m, n: string) => `,${Number(n) + 1}`)));
    const changed = await build();
    expect(changed.code).toBe(1);
    expect(changed.err).toContain(`${join(out, 'weekly', '2026-W44', 'EU')} was built from other inputs (its sources, parameters or data changed since); rebuild it with --force to replace it (nothing was changed)`);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await build('--force')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toBe(before);
  });

  it('never fails a daily `--period latest` because it ran before', async () => {
    const out = tempOut();
    expect((await run(...html(out, '--period', 'latest'))).code).toBe(0);
    const second = await run(...html(out, '--period', 'latest'));
    expect(second).toMatchObject({ code: 0, out: expect.stringMatching(/^= .* 2026-W53 EU is up to date/) });
    expect(readlinkSync(join(out, 'open-model-weekly', 'latest'))).toBe('2026-W53');
  });

  it('lists only outputs that exist and moves files of an earlier one-off build out of the way', async () => {
    const out = tempOut();
    const root = join(out, 'open-model-weekly');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'index.html'), '<p>one-off</p>');
    writeFileSync(join(root, 'open-model-weekly.pdf'), '%PDF-1.7 one-off');
    const first = await run(...html(out, '--period', '2026-W40..2026-W41'));
    expect(first.code).toBe(0);
    expect(first.err).toContain('moved it to superseded/open-model-weekly.pdf');
    expect(readdirSync(join(root, 'superseded')).sort()).toEqual(['index.html', 'open-model-weekly.pdf']);
    rmSync(join(root, '2026-W40'), { recursive: true });
    expect((await run(...html(out, '--period', '2026-W42'))).code).toBe(0);
    expect(manifest(root).entries.map((e) => e.path)).toEqual(['2026-W42/EU', '2026-W41/EU']);
    expect(readFileSync(join(root, 'index.html'), 'utf8')).not.toContain('2026-W40/');
  });

  it('--quiet prints only problems: no progress lines, no summary table', async () => {
    const result = await run(...html(tempOut(), '--period', '2026-W30..2026-W31', '--quiet'));
    expect(result).toEqual({ code: 0, out: '', err: '' });
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
