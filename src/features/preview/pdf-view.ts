import type { LaunchedBrowser } from '../../edges/browser/launch-browser.js';
import type { PrintJob } from '../../edges/pdf/pdf-printer.js';

export type LaunchBrowser = () => Promise<LaunchedBrowser>;

/**
 * The preview's `/pdf`: printed on demand with one warm browser, started on the first request
 * (a preview that never asks for the PDF never starts Chromium). Prints run one at a time and
 * each page version is printed once; a request after a change prints the new version.
 */
export class PdfView {
  #browser: Promise<LaunchedBrowser> | undefined;
  #printer: Promise<{ print(job: PrintJob): Promise<{ pdf: Uint8Array }> }> | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #cached: { version: string; pdf: Promise<Uint8Array> } | undefined;
  #closed = false;

  constructor(private readonly launch: LaunchBrowser) {}

  pdf(version: string, job: PrintJob): Promise<Uint8Array> {
    if (this.#closed) return Promise.reject(new Error('the preview is shutting down'));
    if (this.#cached?.version === version) return this.#cached.pdf;
    const pdf = this.#queue.then(async () => (await (await this.#printerReady()).print(job)).pdf);
    this.#queue = pdf.catch(() => undefined);
    this.#cached = { version, pdf };
    pdf.catch(() => {
      if (this.#cached?.pdf === pdf) this.#cached = undefined; // a failed print is retried on the next request
    });
    return pdf;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue;
    const browser = await this.#browser?.catch(() => undefined);
    await browser?.close();
  }

  #printerReady() {
    this.#browser ??= this.launch();
    this.#printer ??= this.#browser.then(async ({ browser }) => {
      const { PdfPrinter } = await import('../../edges/pdf/pdf-printer.js'); // lazy: loads puppeteer-core only when asked
      return new PdfPrinter(browser);
    });
    // A failed launch is retried on the next request instead of failing forever.
    this.#printer.catch(() => {
      this.#browser = undefined;
      this.#printer = undefined;
    });
    return this.#printer;
  }
}
