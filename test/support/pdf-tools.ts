import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes PDF bytes to a temp file for poppler's tools. */
export function pdfFile(pdf: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'brief-pdf-')), 'doc.pdf');
  writeFileSync(file, pdf);
  return file;
}

/** Text of each page (poppler's pdftotext, reading order), index 0 = page 1. */
export function pageTexts(file: string, pageCount: number): string[] {
  return Array.from({ length: pageCount }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], { encoding: 'utf8' }),
  );
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

/** poppler's pdffonts, parsed. */
export function pdfFonts(file: string): FontRow[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const name = line.slice(0, 37).trim();
    const type = line.slice(37, 55).trim();
    const flags = line.slice(72).trim().split(/\s+/);
    return { name, type, embedded: flags[0] === 'yes', subset: flags[1] === 'yes' };
  });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

/**
 * How much of each page's content box is left blank below its last text, in points (index 0 =
 * page 1), from poppler's word boxes. Running header and footer (in the page margins) are ignored;
 * chart text counts, since charts are drawn as text and paths.
 */
export function blankBelow(file: string, margins: { top: number; bottom: number }): number[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => {
    const height = Number(page[2]);
    const bottom = height - margins.bottom;
    let lowest = margins.top;
    for (const word of (page[3] ?? '').matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)) {
      const [yMin, yMax] = [Number(word[1]), Number(word[2])];
      if (yMin >= margins.top && yMax <= bottom) lowest = Math.max(lowest, yMax);
    }
    return bottom - lowest;
  });
}

/** What a PDF draws, from pdfjs-dist's operator lists: path constructions and painted images, over all pages. */
export async function drawingOps(pdf: Uint8Array): Promise<{ paths: number; images: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    let paths = 0;
    let images = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const ops = await (await doc.getPage(n)).getOperatorList();
      for (const fn of ops.fnArray) {
        if (fn === pdfjs.OPS.constructPath) paths++;
        if (fn === pdfjs.OPS.paintImageXObject || fn === pdfjs.OPS.paintInlineImageXObject) images++;
      }
    }
    return { paths, images };
  } finally {
    await doc.destroy();
  }
}
