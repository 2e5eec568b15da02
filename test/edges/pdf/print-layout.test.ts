import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../../../src/edges/browser/launch-browser.js';
import { PdfPrinter } from '../../../src/edges/pdf/pdf-printer.js';
import { runningHeaderTexts } from '../../../src/edges/pdf/running-header.js';
import { blankBelow, pdfFile } from '../../support/pdf-tools.js';
import { chartBlock, printBrief, prose, shortBrief, splitParagraphs, XREF_BRIEF, type PrintedBrief } from '../../support/print-brief.js';

/** Page layout choices printed with real Chromium and read back (pdfjs destinations and outline, poppler text). */
describe('print layout', () => {
  let chromium: LaunchedBrowser;
  let printer: PdfPrinter;

  beforeAll(async () => {
    chromium = await launchBrowser();
    printer = new PdfPrinter(chromium.browser);
  });

  afterAll(() => chromium?.close());

  /** Page of each outline entry (bookmark) by title. */
  const outlinePage = (brief: PrintedBrief, title: string) => brief.printed.layout.outline.find((o) => o.title === title)?.page;

  it('prints in the contents the real page of Chinese, accented, emoji and digits-first headings', async () => {
    const headings = ['基础模型的开放', 'Café société et modèles', '🚀 Launch plans', '2026 outlook', 'Ünïcödé résumé'];
    const body = headings.map((h, i) => `## ${h}\n\n${prose(260, i)}\n\n### 小节 ${i + 1}\n\n${prose(120, i + 1)}`).join('\n\n');
    const brief = await printBrief(printer, { 'brief.md': `---\ntitle: 双语简报 Bilingual brief\nlang: en\ncontents: true\n---\n${prose(80)}\n\n${body}\n` });
    const { printed, rendered } = brief;
    const toc = brief.texts[1] ?? '';
    expect(toc).toContain('Contents');
    const ids = rendered.headings.filter((h) => h.level <= 3);
    expect(ids.length).toBe(10);
    for (const heading of ids) {
      const page = printed.tocPages[heading.id];
      expect(page, heading.text).toBeGreaterThan(0);
      expect(page, heading.text).toBe(outlinePage(brief, heading.text));
    }
    // The numbers as printed on the contents page: none is 0, each the page its heading prints on.
    const printedNumbers = [...toc.matchAll(/\s(\d+)\s*$/gm)].map((m) => Number(m[1]));
    expect(printedNumbers.length).toBeGreaterThanOrEqual(ids.length);
    expect(printedNumbers).not.toContain(0);
    const chinese = toc.split('\n').find((l) => l.includes('基础模型的开放')) ?? '';
    expect(Number(/(\d+)\s*$/.exec(chinese)?.[1])).toBe(outlinePage(brief, '基础模型的开放'));
    expect(brief.texts[(outlinePage(brief, '基础模型的开放') ?? 0) - 1]).toContain('基础模型的开放');
    expect(printed.settled).toBe(true);
    expect(printed.prints).toBe(1);
  });

  it('names the current section in the running header of every page without breaking pages at sections', async () => {
    const body = ['Alpha', 'Beta', 'Gamma', 'Delta'].map((h, i) => `## ${h} section\n\n${prose(330, i)}`).join('\n\n');
    const brief = await printBrief(printer, { 'brief.md': `---\ntitle: Running heads\ncover: false\ncontents: false\nsectionBreaks: none\n---\n${prose(60)}\n\n${body}\n` });
    const { printed, texts } = brief;
    const starts = ['Alpha', 'Beta', 'Gamma', 'Delta'].map((h) => ({ text: `${h} section`, page: outlinePage(brief, `${h} section`) ?? 0 }));
    // Sections flow: at least one section starts on the page where the previous one ends.
    expect(new Set(starts.map((s) => s.page)).size).toBeLessThan(starts.length);
    const marks = [{ text: 'Key findings', page: 1 }, ...starts];
    const expected = runningHeaderTexts(marks, printed.layout.pageCount);
    expect(printed.runningHeaders).toEqual(expected);
    for (let page = 2; page <= printed.layout.pageCount; page++) {
      const top = (texts[page - 1] ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
      expect(top, `page ${page}`).toContain('Running heads');
      expect(top, `page ${page}`).toContain(expected[page - 1]);
    }
    expect(texts[0]).not.toMatch(/Page 1 of/);
  });

  it('prints a ~300-word one-chart brief on at most 2 pages as a memo and 4 with the default template', async () => {
    const memo = await printBrief(printer, { 'brief.md': shortBrief('template: memo') });
    expect(memo.printed.layout.pageCount).toBeLessThanOrEqual(2);
    expect(memo.texts[0]).toContain('Quarterly open-model note');
    expect(memo.texts[0]).toContain('Releases rose in the fourth quarter'); // summary on page 1
    expect(memo.texts.join('\n')).not.toContain('Contents');

    const report = await printBrief(printer, { 'brief.md': shortBrief() });
    expect(report.printed.layout.pageCount).toBeLessThanOrEqual(4);
    expect(report.texts.join('\n')).not.toMatch(/^\s*CONTENTS/m); // contents: auto, 3 sections, few pages
    const named = report.printed.runningHeaders.slice(1);
    expect(named.filter((h) => ['Releases', 'Downloads', 'Outlook'].includes(h)).length).toBeGreaterThan(0);
    for (let page = 2; page <= report.printed.layout.pageCount; page++) {
      expect(report.texts[page - 1]).toContain(report.printed.runningHeaders[page - 1]);
    }
  });

  it('lets a long memo introduction (key findings) start on page 1 under the title block, not leave page 1 blank', async () => {
    const body = `${prose(480)}\n\n## Next\n\n${prose(120, 3)}`;
    const memo = await printBrief(printer, { 'brief.md': `---\ntitle: Long introduction\ntemplate: memo\nsummary: One line on what this memo is about.\n---\n${body}\n` });
    const mm = 72 / 25.4;
    const blank = blankBelow(pdfFile(memo.printed.pdf), { top: 19 * mm, bottom: 18 * mm });
    expect(memo.texts[0]).toContain(prose(480).slice(0, 40));
    expect(blank[0]).toBeLessThan(((297 - 37) * mm) / 3);
  });

  it('starts every section on a new page with sectionBreaks: all, and adds contents to a long brief with contents: auto', async () => {
    const sections = (n: number, words: number) => Array.from({ length: n }, (_, i) => `## Part ${i + 1}\n\n${prose(words, i)}`).join('\n\n');
    const all = await printBrief(printer, { 'brief.md': `---\ntitle: Breaks\nsectionBreaks: all\ncontents: false\n---\n${prose(40)}\n\n${sections(3, 80)}\n` });
    const pages = [1, 2, 3].map((i) => outlinePage(all, `Part ${i}`) ?? 0);
    expect(pages[1]).toBe((pages[0] ?? 0) + 1);
    expect(pages[2]).toBe((pages[1] ?? 0) + 1);
    const none = await printBrief(printer, { 'brief.md': `---\ntitle: Breaks\nsectionBreaks: none\ncontents: false\n---\n${prose(40)}\n\n${sections(3, 80)}\n` });
    expect(none.printed.layout.pageCount).toBeLessThan(all.printed.layout.pageCount);

    const long = await printBrief(printer, { 'brief.md': `---\ntitle: Long\n---\n${prose(40)}\n\n${sections(2, 1400)}\n` });
    expect(long.printed.layout.pageCount).toBeGreaterThan(4);
    expect(long.texts[1]).toMatch(/CONTENTS/);
    expect(long.printed.tocPages['part-2']).toBe(outlinePage(long, 'Part 2'));
  });

  it('prints cross-references as "Figure N" links that land on the figure', async () => {
    const brief = await printBrief(printer, { 'brief.md': XREF_BRIEF });
    const all = brief.texts.join('\n');
    expect(all).toContain('As Figure 2 shows, and Table 1 confirms');
    expect(all).toContain('Table 1. Share of downloads by origin');
    // Chromium names a destination only for an element a link points to: the cross-references.
    const { destinations } = brief.printed.layout;
    expect(destinations['fig-share']).toBeGreaterThan(0);
    expect(destinations['tbl-origin']).toBeGreaterThan(0);
    expect(brief.texts[(destinations['fig-share'] ?? 0) - 1]).toContain('Figure 2.');
  });

  it('moves a figure that does not fit after the following paragraphs rather than leave a third of a page blank', async () => {
    const body = [
      `## Section\n\n${prose(170)}`,
      chartBlock('fig-tall', 'A tall chart', 520),
      prose(60, 1),
      prose(60, 2),
      prose(60, 3),
      '## Next\n\nClosing words.',
    ].join('\n\n');
    const brief = await printBrief(printer, { 'brief.md': `---\ntitle: Floats\ncover: false\ncontents: false\n---\n${body}\n` });
    const mm = 72 / 25.4;
    const blank = blankBelow(pdfFile(brief.printed.pdf), { top: 20 * mm, bottom: 20 * mm });
    const contentHeight = (297 - 40) * mm;
    const page = brief.texts.findIndex((t) => t.includes('Figure 1. A tall chart')) + 1;
    expect(page).toBeGreaterThan(1);
    // The page before the figure is filled: less than a third of it is left blank…
    expect(blank[page - 2]).toBeLessThan(contentHeight / 3);
    // …because the paragraph written after the figure now prints before it.
    expect(brief.texts[page - 2]).toContain(prose(60, 1).slice(0, 30));
  });

  it('keeps two lines or more of a paragraph on each side of a page break', async () => {
    // Paragraphs of 6 to 13 lines, so the page breaks fall at many different lines of a paragraph.
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} opens here. ${prose(90 + ((i * 37) % 100), i).replace(/\n\n/g, ' ')} Paragraph ${i + 1} ends.`);
    const brief = await printBrief(printer, { 'brief.md': `---\ntitle: Widows\ncover: false\ncontents: false\n---\n## Long paragraphs\n\n${paragraphs.join('\n\n')}\n` });
    const splits = splitParagraphs(brief.texts, paragraphs);
    expect(splits.length).toBeGreaterThan(0);
    for (const split of splits) {
      expect(split.before, split.start).toBeGreaterThanOrEqual(2);
      expect(split.after, split.start).toBeGreaterThanOrEqual(2);
    }
  });
});
