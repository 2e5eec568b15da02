#!/usr/bin/env node
/**
 * The batch floor for (h), run as its own process so it is timed like `brief build`: one warm
 * Chromium printing finished HTML files with as many tabs as CPUs (JavaScript off, the same
 * injected @page rule and page.pdf() options PdfPrinter uses), nothing of Briefsmith around it.
 *
 *   node bench/print-floor.js <tabs> <out-dir> <file.html>...
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [tabs, out, ...files] = process.argv.slice(2);
const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
const [{ launchBrowser }, { pageGeometry }] = await Promise.all([dist('edges/browser/launch-browser.js'), dist('edges/pdf/page-geometry.js')]);
const page = { size: 'A4', margin: { top: '20mm', right: '18mm', bottom: '20mm', left: '18mm' } };
const launched = await launchBrowser();
try {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const tab = await launched.browser.newPage();
      try {
        await tab.setJavaScriptEnabled(false);
        const html = readFileSync(files[index], 'utf8').replace(/<\/head>/i, `<style>${pageGeometry(page).css}</style></head>`);
        await tab.setContent(html, { waitUntil: 'load' });
        writeFileSync(join(out, `${index}.pdf`), await tab.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true }));
      } finally {
        await tab.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Number(tabs) }, worker));
} finally {
  await launched.close();
}
