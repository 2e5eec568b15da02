import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { launchBrowser, type LaunchedBrowser } from '../../../src/edges/browser/launch-browser.js';
import { ParamError } from '../../../src/pipeline/params/resolve-params.js';
import { startPreview, type Preview } from '../../../src/features/preview/start-preview.js';
import { firstState, get } from './preview-support.js';

const tiny = 'test/fixtures/periodic/tiny-weekly';

function pdfHeaders(port: number): Promise<Record<string, string | string[] | undefined>> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/pdf' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.headers));
    });
    req.on('error', reject);
    req.end();
  });
}

/** `brief preview --period … --param …` on a periodic briefing with an archive to switch through; the page in real Chromium. */
describe('previewing periods and variants', () => {
  let out: string;
  let preview: Preview;
  let chromium: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'brief-preview-archive-'));
    const built = await main(['build', tiny, '--format', 'html', '--out', out, '--period', '2026-W10..2026-W11', '--matrix', 'region=EU,US', '--quiet'], {
      out: () => undefined, err: () => undefined,
    });
    expect(built).toBe(0);
    preview = await startPreview({ dir: tiny, port: 0, params: { region: 'US' }, period: '2026-W10', out });
    await preview.settled();
    chromium = await launchBrowser();
    page = await chromium.browser.newPage();
  });

  afterAll(async () => {
    await chromium?.close();
    await preview?.close();
  });

  it('starts on the period and variant asked for and offers the archived ones', async () => {
    const port = preview.address.port;
    expect((await get(port, '/')).body.toString()).toContain('In Week 10, 2026, US counted 250 downloads');
    const state = (await firstState(port)) as unknown as { selected: string; choices: Array<{ label: string; query: string }> };
    expect(state.selected).toBe('period=2026-W10&region=US');
    expect(state.choices).toEqual([
      { label: 'Week 11, 2026 · EU', query: 'period=2026-W11&region=EU' },
      { label: 'Week 11, 2026 · US', query: 'period=2026-W11&region=US' },
      { label: 'Week 10, 2026 · EU', query: 'period=2026-W10&region=EU' },
      { label: 'Week 10, 2026 · US', query: 'period=2026-W10&region=US' },
    ]);
  });

  it('switches with the page\'s switcher, and names the PDF after the period and variant shown', async () => {
    await page.goto(preview.url, { waitUntil: 'load' });
    // The switcher fills when the event stream's first state arrives, which may be after `load`.
    await page.waitForFunction(() => (document.getElementById('brief-preview-overlay')?.shadowRoot?.querySelector('select')?.options.length ?? 0) > 0);
    const options = await page.evaluate(() => {
      const select = document.getElementById('brief-preview-overlay')?.shadowRoot?.querySelector('select');
      return select ? { value: select.value, labels: [...select.options].map((o) => o.textContent) } : undefined;
    });
    expect(options).toEqual({ value: 'period=2026-W10&region=US', labels: ['Week 11, 2026 · EU', 'Week 11, 2026 · US', 'Week 10, 2026 · EU', 'Week 10, 2026 · US'] });
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.evaluate(() => {
        const select = document.getElementById('brief-preview-overlay')?.shadowRoot?.querySelector('select');
        if (!select) throw new Error('no switcher');
        select.value = 'period=2026-W11&region=EU';
        select.dispatchEvent(new Event('change'));
      }),
    ]);
    expect(await page.evaluate(() => document.querySelector('main')?.textContent ?? '')).toContain('In Week 11, 2026, EU counted 133 downloads');
    expect((await pdfHeaders(preview.address.port))['content-disposition']).toBe('inline; filename="tiny-weekly-2026-W11-eu.pdf"');
  });

  it('shows a value the briefing does not allow as a positioned error over the last good page', async () => {
    const port = preview.address.port;
    expect((await get(port, '/?period=2026-W11&region=LATAM')).body.toString()).toContain('EU counted 133 downloads');
    expect((await firstState(port)).errors).toEqual([`${tiny}/brief.md: error: parameter "region" must be one of EU, US, got "LATAM" [param-invalid]`]);
  });

  it('refuses --period for a briefing without a period parameter', async () => {
    await expect(startPreview({ dir: 'test/fixtures/check/clean', port: 0, period: '2026-W10' })).rejects.toThrow(ParamError);
  });
});
