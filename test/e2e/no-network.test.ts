import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../../src/edges/browser/launch-browser.js';
import { renderFolder, renderMemory } from '../support/render-folder.js';

/**
 * Opens built pages in real Chromium (JavaScript on, as a reader's browser would be) with every
 * request logged, and a local server that counts any request reaching it.
 */
describe('the HTML briefing makes no network request when opened', () => {
  let chromium: LaunchedBrowser;
  let server: Server;
  let port = 0;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('leak');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function open(html: string) {
    const file = join(mkdtempSync(join(tmpdir(), 'brief-page-')), 'index.html');
    writeFileSync(file, html);
    const page = await chromium.browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => {
      requests.push(request.url());
    });
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'networkidle0' });
    return { page, url, requests: requests.filter((r) => !r.startsWith('data:')) };
  }

  it('the example: only the page itself loads, every chart is drawn and the fonts are ready', async () => {
    const result = await renderFolder('content/deepseek-moment');
    const { page, url, requests } = await open(result.html ?? '');
    expect(requests).toEqual([url]);
    const charts = await page.$$eval('figure.chart svg', (svgs) => svgs.map((s) => s.getBoundingClientRect().height));
    expect(charts.length).toBe(result.figures.length);
    for (const height of charts) expect(height).toBeGreaterThan(100);
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [document.fonts.check('16px "Noto Sans"', 'Briefing'), document.fonts.check('16px "Noto Sans SC"', '深度求索')];
    });
    expect(fonts).toEqual([true, true]);
    await page.close();
  });

  it('hostile content cannot make the page load anything', async () => {
    const base = `http://127.0.0.1:${port}`;
    const body = [
      `<img src="${base}/img.png">`,
      `<img src="file:///etc/hostname">`,
      `<script src="${base}/x.js"></script><link rel="stylesheet" href="${base}/x.css">`,
      `<iframe src="${base}/frame"></iframe><object data="${base}/o"></object>`,
      `<p style="background:url(${base}/bg.png)">styled</p>`,
      `<video src="${base}/v.mp4" poster="${base}/p.png"></video><audio src="${base}/a.mp3"></audio>`,
      `<svg><image href="${base}/svg.png"/></svg>`,
      `<picture><source srcset="${base}/s.png"><img src="data:image/png;base64,iVBORw0KGgo="></picture>`,
      `![remote](${base}/md.png)`,
    ].join('\n\n');
    const result = await renderMemory({ 'brief.md': `---\ntitle: Hostile\n---\n${body}\n` });
    // Every image that is not the briefing's own is an error at its place; other markup is removed with a warning.
    const errors = result.messages.filter((m) => m.severity === 'error');
    expect(errors.map((m) => [m.ruleId, m.place?.line])).toEqual([
      ['image-remote', 4],
      ['image-remote', 6],
      ['image-remote', 18],
      ['image-remote', 20],
    ]);
    expect(result.messages.filter((m) => m.severity === 'warning').map((m) => m.ruleId)).toContain('html-removed');
    const withoutImages = body.split('\n\n').filter((block) => !/<img|<picture|!\[/.test(block)).join('\n\n');
    const clean = await renderMemory({ 'brief.md': `---\ntitle: Hostile\n---\n${withoutImages}\n` });
    expect(clean.html).toBeDefined();
    const { page, url, requests } = await open(clean.html ?? '');
    expect(requests).toEqual([url]);
    expect(hits).toEqual([]);
    await page.close();
  });
});
