import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../../src/edges/browser/launch-browser.js';
import { PdfPrinter } from '../../src/edges/pdf/pdf-printer.js';
import { rawImageSources } from '../../src/pipeline/markdown/raw-image-sources.js';
import { pdfFile } from '../support/pdf-tools.js';
import { printBrief } from '../support/print-brief.js';
import { solidPng } from '../support/png.js';
import { renderMemory } from '../support/render-folder.js';

const IMAGES = {
  'img/logo.png': solidPng(40, 20, [29, 78, 137]),
  'img/chart.png': solidPng(60, 30, [217, 130, 43]),
  'img/wide.png': solidPng(80, 20, [63, 143, 95]),
  'img/wide@2x.png': solidPng(160, 40, [184, 67, 75]),
  'img/inline.png': solidPng(16, 16, [126, 90, 166]),
};

const BODY = [
  'An inline Markdown image ![inline](img/inline.png) and a reference-style one: ![Logo][logo]',
  '[logo]: img/logo.png',
  '## Survey charts',
  '<p align="center"><img src="img/chart.png" alt="Survey chart 1" width="300"></p>',
  '<picture>\n<source srcset="img/wide.png 1x, img/wide@2x.png 2x" media="print">\n<img src="img/wide.png" alt="Wide chart">\n</picture>',
].join('\n\n');

/** Every image the source names: Markdown urls, reference definitions, raw-HTML src and srcset. */
function sourceImages(markdown: string): string[] {
  const markdownImages = [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
  const definitions = [...markdown.matchAll(/^\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1] ?? '');
  return [...markdownImages, ...definitions, ...rawImageSources(markdown).map((s) => s.url)];
}

describe('images of every kind', () => {
  let chromium: LaunchedBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(() => chromium?.close());

  it('embeds every image of the source in the HTML and draws the raw-HTML ones in the PDF', async () => {
    const brief = await printBrief(new PdfPrinter(chromium.browser), { 'brief.md': `---\ntitle: Survey report\ncover: false\n---\n${BODY}\n`, ...IMAGES });
    const html = brief.rendered.html ?? '';
    const named = sourceImages(BODY);
    expect(new Set(named)).toEqual(new Set(Object.keys(IMAGES)));
    for (const url of named) {
      const bytes = IMAGES[url as keyof typeof IMAGES];
      expect(html, url).toContain(`data:image/png;base64,${Buffer.from(bytes).toString('base64')}`);
    }
    // Every <img> of the page has an embedded source (none emptied), and no path is left to request.
    const imgs = [...html.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
    expect(imgs).toHaveLength(4);
    for (const img of imgs) expect(img).toMatch(/\ssrc="data:image\/png;base64,/);
    expect(html).not.toMatch(/(src|srcset)="img\//);
    // The PDF draws them: poppler lists one image per drawn <img> (the picture draws one source).
    const list = execFileSync('pdfimages', ['-list', pdfFile(brief.printed.pdf)], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(list.length).toBeGreaterThanOrEqual(4);
  });

  it('makes a remote raw-HTML image a positioned error, and never a request', async () => {
    const result = await renderMemory({ 'brief.md': '---\ntitle: T\n---\nText.\n\n<img src="https://example.com/chart.png" alt="remote">\n' });
    expect(result.html).toBeUndefined();
    expect(result.messages.map((m) => [m.ruleId, m.file, m.place?.line, m.place?.column])).toEqual([['image-remote', 'b/brief.md', 6, 11]]);
  });
});
