import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { pageTexts, pdfInfo } from '../support/pdf-tools.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The weekly example printed with real Chromium: variants of one week told apart by file name, PDF Title and cover. */
describe('periodic PDFs', () => {
  it('names each variant\'s PDF by period and variant and titles it so', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-weekly-pdf-'));
    const result = await run('build', 'content/open-model-weekly', '--out', out, '--period', '2026-W10', '--matrix', 'region=EU,US');
    expect(result.code).toBe(0);
    const week = join(out, 'open-model-weekly', '2026-W10');
    expect(readdirSync(join(week, 'EU')).sort()).toEqual(['data', 'index.html', 'open-model-weekly-2026-W10-eu.pdf', 'output.json']);
    expect(readdirSync(join(week, 'US')).sort()).toEqual(['data', 'index.html', 'open-model-weekly-2026-W10-us.pdf', 'output.json']);
    // The example's SQL dataset (queries/top_orgs.sql) is stored beside each variant's output.
    expect(readdirSync(join(week, 'EU', 'data'))).toEqual(['top_orgs.csv']);
    const eu = join(week, 'EU', 'open-model-weekly-2026-W10-eu.pdf');
    const us = join(week, 'US', 'open-model-weekly-2026-W10-us.pdf');
    expect(pdfInfo(eu)['Title']).toBe('Open Models Weekly — Week 10, 2026 — EU');
    expect(pdfInfo(us)['Title']).toBe('Open Models Weekly — Week 10, 2026 — US');
    expect(pageTexts(eu, 1)[0]?.replace(/\s+/g, ' ')).toContain('open-weight models in EU');
    expect(pageTexts(us, 1)[0]?.replace(/\s+/g, ' ')).toContain('open-weight models in US');
    const manifest = JSON.parse(readFileSync(join(out, 'open-model-weekly', 'archive.json'), 'utf8')) as { entries: Array<{ pdf: string }> };
    expect(manifest.entries.map((e) => e.pdf)).toEqual(['2026-W10/EU/open-model-weekly-2026-W10-eu.pdf', '2026-W10/US/open-model-weekly-2026-W10-us.pdf']);
  }, 180_000);
});
