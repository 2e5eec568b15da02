import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

export interface PdfLayout {
  pageCount: number;
  /** Page (1-based) of each named destination — Chromium writes one per element id that is linked to. */
  destinations: Record<string, number>;
  /** Outline (bookmark) titles with their pages, depth first. */
  outline: Array<{ title: string; page: number; depth: number }>;
}

/**
 * Chromium names a link destination after the element id, percent-encoded as in a URL fragment
 * (`基础` → `%E5%9F%BA%E7%A1%80`, `café` → `caf%C3%A9`); ids are what callers know, so decode.
 */
export function decodeDestinationName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name; // not valid percent-encoding: a literal name
  }
}

/** Reads where things landed in a printed PDF (pdfjs-dist). */
export async function readPdfLayout(pdf: Uint8Array): Promise<PdfLayout> {
  const { getDocument } = await loadPdfJs();
  const standardFontDataUrl = pathToFileURL(
    createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/, 'standard_fonts/'),
  ).href;
  const doc = await getDocument({ data: pdf.slice(), standardFontDataUrl, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const destinations: Record<string, number> = {};
    const named = (await doc.getDestinations()) as Record<string, unknown[] | null>;
    for (const [name, dest] of Object.entries(named)) {
      const ref = dest?.[0];
      if (ref && typeof ref === 'object') destinations[decodeDestinationName(name)] = (await doc.getPageIndex(ref as { num: number; gen: number })) + 1;
    }
    const outline: PdfLayout['outline'] = [];
    const walk = async (items: Awaited<ReturnType<typeof doc.getOutline>> | null, depth: number): Promise<void> => {
      for (const item of items ?? []) {
        const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
        const ref = dest?.[0];
        const page = ref && typeof ref === 'object' ? (await doc.getPageIndex(ref as { num: number; gen: number })) + 1 : 0;
        outline.push({ title: item.title, page, depth });
        await walk(item.items, depth + 1);
      }
    };
    await walk(await doc.getOutline(), 0);
    return { pageCount: doc.numPages, destinations, outline };
  } finally {
    await doc.destroy();
  }
}
