import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import type { TemplateConfig } from '../../pipeline/templates/template.js';
import { finishPdf, type PdfMetadata } from './finish-pdf.js';
import { fillTocInPage, measurePagesInPage } from './measure-pages.js';
import { pageGeometry, type PageGeometry } from './page-geometry.js';
import {
  CONTENTS_PAGES_THRESHOLD,
  dropAutoContentsInPage,
  inlineIdsInPage,
  linkTargetsInPage,
  type PagePlan,
  readPagePlanInPage,
  setRunningStyleInPage,
  showAutoContentsInPage,
} from './print-plan.js';
import { readPdfLayout, type PdfLayout } from './read-destinations.js';
import { runningHeaderCss, runningHeaderTexts } from './running-header.js';

export interface PrintJob {
  html: string;
  page: TemplateConfig['page'];
  meta: PdfMetadata;
}

export interface PrintResult {
  pdf: Uint8Array;
  layout: PdfLayout;
  /** Page of each table-of-contents target, as printed. */
  tocPages: Record<string, number>;
  /** The section the running header names on each page (index 0 = page 1; the first page shows none). */
  runningHeaders: string[];
  /** How many times the document was printed (1 when the predicted page numbers were right). */
  prints: number;
  /** False when the contents still disagreed with the print after the last attempt. */
  settled: boolean;
  /** Requests the page attempted and the sandbox refused (content trying to load something). */
  blocked: string[];
}

export class PrintTimeout extends Error {
  constructor(seconds: number) {
    super(`printing took longer than ${seconds} s and was stopped`);
    this.name = 'PrintTimeout';
  }
}

const MAX_PRINTS = 3;
/** Wide enough for any page number, so filling in the real numbers does not reflow the contents. */
const PLACEHOLDER = '000';

/**
 * Prints briefings to PDF with a warm browser. Each job gets a fresh tab with JavaScript off and
 * every request refused (the page is self-contained: fonts and images are data URIs), so content
 * cannot load or send anything while it prints.
 */
export class PdfPrinter {
  constructor(
    private readonly browser: Browser,
    private readonly timeoutMs = 120_000,
  ) {}

  async print(job: PrintJob): Promise<PrintResult> {
    let timer: NodeJS.Timeout | undefined;
    let tab: Page | undefined;
    let finished = false;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PrintTimeout(this.timeoutMs / 1000)), this.timeoutMs);
    });
    const work = (async () => {
      const opened = await this.browser.newPage();
      if (finished) {
        await opened.close(); // the print already timed out while the tab was opening
        throw new PrintTimeout(this.timeoutMs / 1000);
      }
      tab = opened;
      return this.printInTab(opened, job);
    })();
    work.catch(() => undefined); // when the timeout wins, the abandoned work's own failure is expected
    try {
      return await Promise.race([work, timeout]);
    } finally {
      finished = true;
      clearTimeout(timer);
      // Closing the tab also ends a print still running in it.
      await (tab as Page | undefined)?.close().catch(() => undefined);
    }
  }

  private async printInTab(tab: Page, job: PrintJob): Promise<PrintResult> {
    const blocked: string[] = [];
    await tab.setJavaScriptEnabled(false);
    await tab.setRequestInterception(true);
    tab.on('request', (request: HTTPRequest) => {
      if (request.url().startsWith('data:')) return void request.continue();
      blocked.push(request.url());
      void request.abort('blockedbyclient');
    });
    const geometry = pageGeometry(job.page);
    const html = job.html.replace(/<\/head>/i, `<style>${geometry.css}</style></head>`);
    await tab.setContent(html, { waitUntil: 'load', timeout: this.timeoutMs });
    await tab.evaluate(() => document.fonts.ready.then(() => undefined));

    const plan = await this.planPages(tab, geometry);
    const { targets, marks } = plan;
    const ids = [...new Set([...targets, ...marks.map((m) => m.id)])];
    const inline = new Set(await tab.evaluate(inlineIdsInPage, ids));
    let expected = plan.pages;
    for (let prints = 1; ; prints++) {
      if (targets.length > 0) await tab.evaluate(fillTocInPage, expected, PLACEHOLDER);
      const runningHeaders = runningHeaderTexts(marks.map((m) => ({ page: expected[m.id] ?? 0, text: m.text })), plan.pageCount);
      await tab.evaluate(setRunningStyleInPage, runningHeaderCss(runningHeaders));
      const raw = await tab.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: this.timeoutMs });
      const layout = await readPdfLayout(raw);
      const actual = Object.fromEntries(ids.map((id) => [id, inline.has(id) ? (expected[id] ?? 0) : (layout.destinations[id] ?? 0)]));
      const settled = ids.every((id) => actual[id] === expected[id]) && layout.pageCount === plan.pageCount;
      if (settled || prints >= MAX_PRINTS) {
        const tocPages = Object.fromEntries(plan.tocTargets.map((id) => [id, actual[id] ?? 0]));
        return { pdf: finishPdf(raw, job.meta), layout, tocPages, runningHeaders, prints, settled, blocked };
      }
      expected = actual;
      plan.pageCount = layout.pageCount;
    }
  }

  /**
   * Decides what prints and predicts where it lands, before printing: drops an automatic contents
   * block the document does not need, links every element whose page matters (so the PDF names it),
   * and measures all of them in one print-media layout.
   */
  private async planPages(tab: Page, geometry: PageGeometry): Promise<PagePlan & { pages: Record<string, number>; pageCount: number }> {
    await tab.emulateMediaType('print');
    try {
      const measure = (ids: readonly string[], deferFigures = false) =>
        tab.evaluate(measurePagesInPage, geometry.contentWidth, geometry.contentHeight, ids.map((id) => `#${cssEscape(id)}`).join(','), deferFigures);
      if ((await tab.evaluate(readPagePlanInPage)).autoContents) {
        await tab.evaluate(showAutoContentsInPage, false);
        const without = await measure([]);
        await tab.evaluate(showAutoContentsInPage, true);
        if (without.pageCount <= CONTENTS_PAGES_THRESHOLD) await tab.evaluate(dropAutoContentsInPage);
      }
      const plan = await tab.evaluate(readPagePlanInPage);
      if (plan.marks.length > 0) await tab.evaluate(linkTargetsInPage, plan.marks.map((m) => m.id));
      if (plan.targets.length > 0) await tab.evaluate(fillTocInPage, {}, PLACEHOLDER);
      const { pages, pageCount } = await measure([...new Set([...plan.targets, ...plan.marks.map((m) => m.id)])], true);
      return { ...plan, pages, pageCount };
    } finally {
      await tab.emulateMediaType(undefined);
    }
  }
}

/** CSS.escape for ids (not available in Node). */
export function cssEscape(id: string): string {
  // Escape other characters first, then a leading digit as a code point (`2026-x` → `\32 026-x`).
  return id.replace(/[^a-zA-Z0-9_\u00a0-\uffff-]/g, (c) => `\\${c}`).replace(/^(-?)(\d)/, (_, dash: string, d: string) => `${dash}\\3${d} `);
}
