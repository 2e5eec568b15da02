import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, launchBrowser, BrowserNotFound, type LaunchedBrowser } from '../../../src/edges/browser/launch-browser.js';
import { PdfPrinter, PrintTimeout } from '../../../src/edges/pdf/pdf-printer.js';
import { pageTexts, pdfFile } from '../../support/pdf-tools.js';

const page = { size: 'A4' as const, margin: { top: '20mm', right: '18mm', bottom: '20mm', left: '18mm' } };
const meta = { title: 'Sandbox', creator: 'test', date: '2026-01-01' };

/**
 * The printer's own sandbox, tested with hostile HTML that did NOT go through the sanitizer:
 * JavaScript off and every request refused while Chromium prints.
 */
describe('printing sandbox', () => {
  let chromium: LaunchedBrowser;
  let server: Server;
  let base = '';
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.setHeader('content-type', 'text/css');
      res.end('body { background: red }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('loads nothing from http:, file: or a script, and runs no JavaScript', async () => {
    const html = `<!doctype html><html><head><title>x</title>
      <link rel="stylesheet" href="${base}/style.css">
      <style>@font-face{font-family:Leak;src:url(${base}/font.woff2)} body{font-family:Leak} p{background:url(${base}/bg.png)}</style>
      <script>document.title='pwned';fetch('${base}/fetch');document.write('<p>SCRIPT RAN</p>')</script>
      <script src="${base}/x.js"></script></head>
      <body><p>Visible text</p><img src="${base}/img.png"><img src="file:///etc/hostname">
      <iframe src="file:///etc/hostname"></iframe><iframe src="${base}/frame"></iframe>
      <object data="file:///etc/passwd"></object><svg><image href="${base}/svg.png"/></svg></body></html>`;
    const printer = new PdfPrinter(chromium.browser);
    const result = await printer.print({ html, page, meta });
    expect(hits).toEqual([]);
    expect(result.blocked).toEqual(expect.arrayContaining([`${base}/style.css`, `${base}/img.png`, `${base}/font.woff2`]));
    const text = pageTexts(pdfFile(result.pdf), result.layout.pageCount).join('\n');
    expect(text).toContain('Visible text');
    const hostname = readFileSync('/etc/hostname', 'utf8').trim();
    if (hostname.length > 3) expect(text).not.toContain(hostname); // file: content never reached the page
    expect(text).not.toContain('SCRIPT RAN');
  });

  it('stops a print that hangs with a clear error', async () => {
    const printer = new PdfPrinter(chromium.browser, 50);
    const huge = `<!doctype html><html><body>${'<p>slow page</p>'.repeat(20000)}</body></html>`;
    await expect(printer.print({ html: huge, page, meta })).rejects.toThrow(PrintTimeout);
    await expect(printer.print({ html: huge, page, meta })).rejects.toThrow('printing took longer than 0.05 s and was stopped');
  });

  it('removes the browser profile when the browser closes', async () => {
    const own = await launchBrowser();
    const args = own.browser.process()?.spawnargs ?? [];
    const profile = args.find((a) => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length) ?? '';
    expect(existsSync(profile)).toBe(true);
    await own.close();
    expect(existsSync(profile)).toBe(false);
    expect(own.browser.process()?.exitCode ?? own.browser.process()?.signalCode).not.toBeNull();
  });

  it('names the package to install when no browser is found', () => {
    expect(() => findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' })).toThrow(BrowserNotFound);
    expect(() => findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' })).toThrow(/apt-get install --no-install-recommends chromium/);
  });
});
