import { afterAll, describe, expect, it } from 'vitest';
import type { Block } from '../../../src/features/publish/document/publish-document.js';
import { briefingToDocument } from '../../../src/features/publish/document/briefing-to-document.js';
import { diskFiles } from '../../../src/edges/files/disk-files.js';
import { duckdbEngine } from '../../../src/edges/sql/duckdb-engine.js';
import { renderBriefing } from '../../../src/pipeline/render-briefing.js';
import { templates } from '../../support/render-folder.js';
import { miniDocument, miniEntries, renderDocument } from './support/mini-document.js';

// The weekly example's SQL dataset (queries/top_orgs.sql) is answered by DuckDB over its folder.
const weeklyQueries = duckdbEngine('content/open-model-weekly');
afterAll(() => weeklyQueries.close());

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('briefingToDocument', () => {
  it('takes headings with the page\'s ids, figures, citations and sources from the pipeline\'s tree', async () => {
    const doc = await miniDocument();
    expect(doc).toMatchObject({ output: { slug: 'wiki-check', period: undefined, variant: undefined }, label: '', title: 'Quarterly Wiki Check', byline: 'January 15, 2026 · Test Desk', pdf: 'wiki-check.pdf' });
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'figure', 'heading', 'table', 'list']);
    expect(doc.blocks[1]).toEqual({
      type: 'figure', id: 'fig-releases', number: 1, caption: 'Releases by team, Q4 2025',
      description: 'Bar chart of releases by team in Q4 2025: Platform 14, Data 9, Mobile 6.', asset: 'wiki-check-fig-releases.svg', width: 640,
    });
    expect(doc.blocks[2]).toMatchObject({ type: 'heading', depth: 2, id: 'details' });
    expect(doc.blocks[0]).toMatchObject({ children: expect.arrayContaining([{ type: 'cite', number: 1 }]) });
    expect(doc.sources).toEqual([
      { number: 1, label: 'counts', children: [{ type: 'text', value: 'Team release log, exported 2026-01-10.' }] },
      { number: 2, label: 'method', children: [{ type: 'text', value: 'Counting method: one release per tagged version.' }] },
    ]);
    expect(doc.assets.map((a) => `${a.kind} ${a.name} ${a.mime}`)).toEqual(['chart wiki-check-fig-releases.svg image/svg+xml', 'pdf wiki-check.pdf application/pdf']);
  });

  it('names every file of an output after the output (the PDF as the build names it), with its label, parameters and headline', async () => {
    const result = await renderBriefing({ files: diskFiles('content/open-model-weekly'), templates, params: { period: '2026-W10', region: 'US' }, queries: weeklyQueries });
    const doc = briefingToDocument({ result, id: { slug: 'open-model-weekly', period: '2026-W10', variant: 'US' }, pdf: new TextEncoder().encode('%PDF-1.7') });
    expect(doc.assets.map((a) => a.name)).toEqual([
      'open-model-weekly-2026-W10-us-fig-this-week.svg', 'open-model-weekly-2026-W10-us-fig-top-orgs.svg', 'open-model-weekly-2026-W10-us-fig-trend.svg',
      'open-model-weekly-2026-W10-us-fig-releases.svg',
      'open-model-weekly-2026-W10-us.pdf',
    ]);
    expect(doc).toMatchObject({ label: '2026-W10 US', params: { period: '2026-W10', region: 'US' } });
    expect(doc.headline).toMatch(/^[\d,]+ downloads in US, [+\u2212][\d.]+% on the week$/);
  });

  it('is deterministic: equal sources give equal bytes and hashes', async () => {
    const [a, b] = await Promise.all([miniDocument(), miniDocument()]);
    expect(a.assets.map((x) => x.sha256)).toEqual(b.assets.map((x) => x.sha256));
    expect(JSON.stringify(a.blocks)).toBe(JSON.stringify(b.blocks));
  });

  it('publishes embedded images as files, and raw HTML only as the page sanitized it', async () => {
    const entries = miniEntries((brief) => `${brief}\n\n![logo](img/logo.png) <script>alert(1)</script><kbd>Ctrl</kbd>\n\n- [x] done\n- [ ] open\n`);
    const doc = await renderDocument({ ...entries, 'img/logo.png': new Uint8Array(Buffer.from(PNG, 'base64')) }, null);
    const image = doc.assets.find((a) => a.kind === 'image');
    expect(image?.name).toBe('wiki-check-image-1.png');
    const last = doc.blocks.slice(-2) as Block[];
    expect(JSON.stringify(last[0])).toContain('"type":"image","asset":"wiki-check-image-1.png","alt":"logo"');
    expect(JSON.stringify(doc.blocks)).not.toContain('alert');
    expect(JSON.stringify(last[0])).toContain('"type":"keyboard"');
    expect(last[1]).toMatchObject({ type: 'list', items: [{ checked: true }, { checked: false }] });
    expect(doc.pdf).toBeUndefined();
  });
});
