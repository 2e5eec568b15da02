import { readFileSync } from 'node:fs';
import { launchBrowser } from '../dist/edges/browser/launch-browser.js';
const html = readFileSync(process.argv[2], 'utf8');
const { browser, close } = await launchBrowser();
try {
  const page = await browser.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  const requests = [];
  await page.setRequestInterception(true);
  page.on('request', (r) => { requests.push(r.url().slice(0, 80)); r.url().startsWith('data:') ? r.continue() : r.abort(); });
  await page.emulateNetworkConditions({ offline: true, download: 0, upload: 0, latency: 0 });
  await page.setViewport({ width: 1100, height: 900 });
  await page.setContent(html, { waitUntil: 'load' });
  await page.waitForSelector('[data-bs-live-drawn]', { timeout: 10000 });
  const drawn = await page.$$eval('[data-bs-live-drawn]', (els) => els.length);
  const blocks = await page.$$eval('script[data-bs-live]', (els) => els.length);
  console.log({ drawn, blocks });
  const mark = await page.$('[data-bs-live-drawn] .bs-live .mark-symbol path, [data-bs-live-drawn] .bs-live .mark-rect path');
  await mark.scrollIntoView();
  const box = await mark.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('#vg-tooltip-element.visible', { timeout: 5000 });
  console.log('tooltip:', await page.$eval('#vg-tooltip-element', (e) => e.textContent));
  await page.screenshot({ path: '/tmp/i12/live.png' });
  console.log({ logs, requests: requests.filter((u) => !u.startsWith('data:')) });
} finally { await close(); }
