import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import type { TemplateConfig } from '../../pipeline/templates/template.js';
import { finishPdf, type PdfMetadata } from './finish-pdf.js';
import { fillTocInPage, measurePagesInPage } from './measure-pages.js';
import { pageGeometry } from './page-geometry.js';
import { readPdfLayout, type PdfLayout } from './read-destinations.js';

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

    const targets = await tab.$$eval('.toc-page[data-target]', (slots) => slots.map((s) => (s as HTMLElement).dataset['target'] ?? ''));
    const selector = targets.map((id) => `#${cssEscape(id)}`).join(',');
    let expected: Record<string, number> = {};
    if (targets.length > 0) {
      await tab.evaluate(fillTocInPage, {}, PLACEHOLDER);
      await tab.emulateMediaType('print');
      expected = await tab.evaluate(measurePagesInPage, geometry.contentWidth, geometry.contentHeight, selector);
      await tab.emulateMediaType(undefined);
    }
    for (let prints = 1; ; prints++) {
      if (targets.length > 0) await tab.evaluate(fillTocInPage, expected, PLACEHOLDER);
      const raw = await tab.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: this.timeoutMs });
      const layout = await readPdfLayout(raw);
      const actual = Object.fromEntries(targets.map((id) => [id, layout.destinations[id] ?? 0]));
      const settled = targets.every((id) => actual[id] === expected[id]);
      if (settled || prints >= MAX_PRINTS) {
        return { pdf: finishPdf(raw, job.meta), layout, tocPages: actual, prints, settled, blocked };
      }
      expected = actual;
    }
  }
}

/** CSS.escape for ids (not available in Node). */
export function cssEscape(id: string): string {
  return id.replace(/^(\d)/, '\\3$1 ').replace(/[^a-zA-Z0-9_\u00a0-\uffff-]/g, (c) => `\\${c}`);
}
