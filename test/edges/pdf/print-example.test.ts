import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../../../src/edges/browser/launch-browser.js';
import { pdfMetadata } from '../../../src/features/build/build-briefing.js';
import { PdfPrinter, type PrintResult } from '../../../src/edges/pdf/pdf-printer.js';
import type { RenderResult } from '../../../src/pipeline/render-briefing.js';
import { blankBelow, pageTexts, pdfFile, pdfFonts, pdfInfo } from '../../support/pdf-tools.js';
import { splitParagraphs } from '../../support/print-brief.js';
import { renderFolder } from '../../support/render-folder.js';

/** The example printed with real Chromium and read back with poppler and pdfjs. */
describe('the example briefing as PDF', () => {
  let chromium: LaunchedBrowser;
  let rendered: RenderResult;
  let printed: PrintResult;
  let file: string;
  let texts: string[];

  beforeAll(async () => {
    chromium = await launchBrowser();
    rendered = await renderFolder('content/deepseek-moment');
    const printer = new PdfPrinter(chromium.browser);
    if (!rendered.html || !rendered.meta || !rendered.template) throw new Error('example did not render');
    printed = await printer.print({ html: rendered.html, page: rendered.template.page, meta: pdfMetadata(rendered.meta) });
    file = pdfFile(printed.pdf);
    texts = pageTexts(file, printed.layout.pageCount);
  });

  afterAll(() => chromium?.close());

  it('has a cover without running header or footer, then numbered pages', () => {
    expect(printed.layout.pageCount).toBeGreaterThanOrEqual(10);
    expect(texts[0]).toContain('The DeepSeek');
    expect(texts[0]).not.toMatch(/Page 1 of/);
    const last = printed.layout.pageCount;
    expect(texts[1]).toContain(`Page 2 of ${last}`);
    expect(texts[1]).toMatch(/^\s*The DeepSeek Moment, One Year On/);
    expect(texts[last - 1]).toContain(`Page ${last} of ${last}`);
    expect(texts[4]).toContain('INTERNAL');
  });

  it('extracts text in reading order, Chinese included', () => {
    const all = texts.join('\n');
    const order = ['Key findings', 'Why R-1 mattered', 'Three barriers that fell', 'The major players regroup', 'Market impact', 'Sources'];
    const positions = order.map((t) => all.indexOf(t, all.indexOf('KEY FINDINGS')));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(all).toContain('深度求索');
    expect(all).toContain('字节跳动');
  });

  it('prints in the contents the page where each section and figure actually is', () => {
    const toc = texts[1] ?? '';
    const h2 = rendered.headings.filter((h) => h.level <= 3);
    let checked = 0;
    for (const heading of h2) {
      const line = toc.split('\n').find((l) => l.trim().startsWith(heading.text));
      if (!line) continue;
      const printedNumber = Number(/(\d+)\s*$/.exec(line)?.[1]);
      const outline = printed.layout.outline.find((o) => o.title === heading.text);
      expect(outline, heading.text).toBeDefined();
      expect(printedNumber, heading.text).toBe(outline?.page);
      expect(texts[printedNumber - 1], heading.text).toContain(heading.text.slice(0, 20));
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    for (const figure of rendered.figures) {
      const number = printed.tocPages[figure.id] ?? 0;
      const caption = `Figure ${figure.number}.`;
      expect(toc).toMatch(new RegExp(`${caption}[\\s\\S]*?\\s${number}\\n`));
      expect(texts[number - 1], caption).toContain(caption);
    }
    expect(printed.settled).toBe(true);
    // The in-page measurement predicted every number, so the document was printed once.
    expect(printed.prints).toBe(1);
  });

  it('keeps each figure on one page: the chart and its caption print on the same page', () => {
    for (const figure of rendered.figures) {
      const page = printed.layout.destinations[figure.id] ?? 0;
      const text = texts[page - 1] ?? '';
      expect(text, figure.id).toContain(`Figure ${figure.number}.`);
      // An axis title of the chart is on that page too (the SVG text is real text).
      expect(text.length).toBeGreaterThan(100);
    }
  });

  it('prints, for each source, the pages that cite it instead of the screen\'s back-links', () => {
    const from = printed.layout.destinations['sources'] ?? 0;
    expect(from).toBeGreaterThan(0);
    const sources = texts.slice(from - 1).join('\n');
    expect(sources).not.toContain('↑');
    for (const n of [1, 9]) {
      const pages = Object.entries(printed.layout.destinations).filter(([id]) => id.startsWith(`cite-${n}-`)).map(([, page]) => page);
      const expected = [...new Set(pages)].sort((a, b) => a - b).join(', ');
      expect(sources, `source ${n}`).toMatch(new RegExp(`(^|\\n)\\s*${n}\\.[\\s\\S]*?p\\. ${expected}(\\s|$)`));
    }
  });

  it('never leaves a heading last on its page', () => {
    for (const entry of printed.layout.outline.filter((o) => o.depth >= 1 && !['CONTENTS', 'FIGURES'].includes(o.title))) {
      const lines = (texts[entry.page - 1] ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/Page \d+ of \d+/.test(l));
      const at = lines.findIndex((l) => l.toLowerCase().includes(entry.title.toLowerCase().slice(0, 24)));
      expect(at, entry.title).toBeGreaterThanOrEqual(0);
      expect(lines.length - 1 - at, `text after "${entry.title}" on page ${entry.page}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('leaves no page of the narrative more than a third blank (figures that do not fit move after the text that follows)', () => {
    const mm = 72 / 25.4;
    const blank = blankBelow(file, { top: 20 * mm, bottom: 20 * mm });
    const contentHeight = (297 - 40) * mm;
    const first = printed.layout.outline.find((o) => o.title.toLowerCase() === 'key findings')?.page ?? 0;
    // The page before Sources may end early: the back matter starts a page (sectionBreaks: major).
    const sources = printed.layout.outline.find((o) => o.title.toLowerCase() === 'sources')?.page ?? 0;
    expect(first).toBeGreaterThan(0);
    expect(sources).toBeGreaterThan(first);
    for (let page = first; page < sources - 1; page++) expect(blank[page - 1], `blank below the text of page ${page}`).toBeLessThan(contentHeight / 3);
  });

  it('splits no paragraph with fewer than two lines on either side of a page break (no widows or orphans)', async () => {
    const tab = await chromium.browser.newPage();
    let paragraphs: string[];
    try {
      await tab.setContent(rendered.html ?? '', { waitUntil: 'load' });
      paragraphs = await tab.evaluate(() => [...document.querySelectorAll('main p')].map((p) => p.textContent ?? ''));
    } finally {
      await tab.close();
    }
    // Paragraphs of the example that break across pages keep two lines or more on each side.
    for (const split of splitParagraphs(texts, paragraphs)) {
      expect(split.before, split.start).toBeGreaterThanOrEqual(2);
      expect(split.after, split.start).toBeGreaterThanOrEqual(2);
    }
  });

  it('has a bookmark for every heading', () => {
    const titles = printed.layout.outline.map((o) => o.title);
    for (const heading of rendered.headings.filter((h) => h.level >= 2 && h.level <= 3)) expect(titles).toContain(heading.text);
  });

  it('embeds subset TrueType fonts only: no Type 3, nothing missing', () => {
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.type, font.name).not.toMatch(/Type 3/);
      expect(font.embedded, font.name).toBe(true);
      expect(font.subset, font.name).toBe(true);
      expect(font.name, 'no fallback system font').toMatch(/\+NotoSans/);
    }
  });

  it('is tagged and carries metadata from the front matter, dated by the briefing', () => {
    const info = pdfInfo(file);
    expect(info['Title']).toBe('The DeepSeek Moment, One Year On');
    expect(info['Author']).toBe('Briefsmith Research Desk');
    expect(info['Subject']).toContain('深度求索');
    expect(info['Keywords']).toContain('open models');
    expect(info['Tagged']).toBe('yes');
    expect(info['CreationDate']).toMatch(/Jan 28 00:00:00 2026/);
    expect(info['ModDate']).toMatch(/Jan 28 00:00:00 2026/);
    expect(Buffer.from(printed.pdf).toString('latin1')).toContain('/Lang (en)');
  });

  it('prints byte-identical PDFs again, in a reused browser', async () => {
    const printer = new PdfPrinter(chromium.browser);
    if (!rendered.html || !rendered.meta || !rendered.template) throw new Error('example did not render');
    const job = { html: rendered.html, page: rendered.template.page, meta: pdfMetadata(rendered.meta) };
    const again = await printer.print(job);
    const third = await printer.print(job);
    expect(Buffer.compare(Buffer.from(again.pdf), Buffer.from(printed.pdf))).toBe(0);
    expect(Buffer.compare(Buffer.from(third.pdf), Buffer.from(printed.pdf))).toBe(0);
  });
});
