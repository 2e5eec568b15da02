import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../../../src/edges/browser/launch-browser.js';
import { startPreview, type Preview } from '../../../src/features/preview/start-preview.js';
import { pdfFile } from '../../support/pdf-tools.js';
import { copyFixture, get } from './preview-support.js';

/** Text of the overlay (it lives in a shadow root), or '' when it is hidden or absent. */
const overlayText = (page: Page) =>
  page.evaluate(() => {
    const panel = document.getElementById('brief-preview-overlay')?.shadowRoot?.querySelector('.panel');
    return panel && !(panel as HTMLElement).hidden ? (panel.textContent ?? '') : '';
  });

const bodyText = (page: Page) => page.evaluate(() => document.querySelector('main')?.textContent ?? '');

/**
 * The live preview in real headless Chromium: edits to a temp copy of a briefing appear in the
 * open page without a reload; a broken edit shows the positioned messages over the last good
 * page; fixing it clears them. All traffic is to 127.0.0.1.
 */
describe('brief preview in Chromium', () => {
  let dir: string;
  let brief: string;
  let original: string;
  let preview: Preview;
  let chromium: LaunchedBrowser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    dir = copyFixture();
    brief = join(dir, 'brief.md');
    original = readFileSync(brief, 'utf8');
    preview = await startPreview({ dir, port: 0 });
    chromium = await launchBrowser();
    page = await chromium.browser.newPage();
    page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(`${m.text()} ${m.location().url ?? ''}`)));
    await page.goto(preview.url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await chromium?.close();
    await preview?.close();
  });

  it('shows an edit in the open page within a few seconds, without reloading it', async () => {
    expect(await bodyText(page)).toContain('Two months of sales: 8 units in all.');
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const started = performance.now();
    writeFileSync(brief, original.replace('Two months of sales', 'Edited: two months of sales'));
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('Edited: two months'), { timeout: 5_000, polling: 20 });
    const latency = performance.now() - started;
    console.log(`preview: edit visible in the open page after ${Math.round(latency)} ms`);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await overlayText(page)).toBe('');
  });

  it('overlays a broken edit with its positioned message over the last good page; the server still answers', async () => {
    writeFileSync(brief, original.replace('Two months of sales', 'Broken {{nope 1}} sales'));
    const message = `${dir}/brief.md:5:10: error: unknown helper "nope" [helper-unknown]`;
    await page.waitForFunction(
      (expected) => document.getElementById('brief-preview-overlay')?.shadowRoot?.textContent?.includes(expected),
      { timeout: 5_000, polling: 20 },
      message,
    );
    expect(await overlayText(page)).toContain('1 error (showing the last good version)');
    expect(await bodyText(page)).toContain('Edited: two months of sales');
    expect((await get(preview.address.port, '/')).status).toBe(200);
  });

  it('clears the overlay once the edit is fixed', async () => {
    writeFileSync(brief, original.replace('Two months of sales', 'Fixed: two months of sales'));
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('Fixed: two months'), { timeout: 5_000, polling: 20 });
    await page.waitForFunction(
      () => (document.getElementById('brief-preview-overlay')?.shadowRoot?.querySelector('.panel') as HTMLElement | null)?.hidden === true,
      { timeout: 2_000, polling: 20 },
    );
    expect(await overlayText(page)).toBe('');
  });

  it('prints the current version at /pdf with a browser started on first request', async () => {
    const first = await get(preview.address.port, '/pdf');
    expect(first.status).toBe(200);
    expect(first.type).toBe('application/pdf');
    expect(pdfText(first.body)).toContain('Fixed: two months of sales');
    writeFileSync(brief, original.replace('Two months of sales', 'Reprinted: two months of sales'));
    // Wait for the watcher to see the edit and the rebuild to finish (however busy the machine is).
    const started = Date.now();
    while (!(await get(preview.address.port, '/__preview/page')).body.toString().includes('Reprinted: two months') && Date.now() - started < 30_000) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(pdfText((await get(preview.address.port, '/pdf')).body)).toContain('Reprinted: two months of sales');
  });

  it('shows interactive charts once the front matter turns them on, and keeps them live across edits', async () => {
    consoleErrors.length = 0;
    const interactive = original.replace('title: Clean fixture', 'title: Clean fixture\ninteractive: true');
    writeFileSync(brief, interactive);
    // The chart runtime comes with a new page (a reload), then draws the chart beside its static SVG.
    await page.waitForSelector('[data-bs-live-drawn] .bs-live svg', { timeout: 10_000 });
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    writeFileSync(brief, interactive.replace('Two months of sales', 'Live: two months of sales'));
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('Live: two months'), { timeout: 5_000, polling: 20 });
    await page.waitForSelector('[data-bs-live-drawn] .bs-live svg', { timeout: 5_000 });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await overlayText(page)).toBe('');
    // Neither the preview's own script nor its requests to the server are refused by the page's policy.
    expect(consoleErrors).toEqual([]);
  });
});

function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', [pdfFile(pdf), '-'], { encoding: 'utf8' });
}
