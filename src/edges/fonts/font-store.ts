import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { codePointsOf, facesFor, fontFaceRule, parseFontFaceCss, type FontFace } from './font-faces.js';
import { woff2Coverage } from './woff2-cmap.js';
import { memoryCache } from '../cache/memory-cache.js';

/** Supplies @font-face CSS for a document's text. The pipeline stays pure; this reads files. */
export interface FontStore {
  /**
   * @font-face rules (fonts inlined as data URIs) covering the characters of `text`. Families
   * embedded on request (Noto Serif) come only when `css`, the page's stylesheet, names them.
   */
  faceCss(text: string, css?: string): string;
  /** Code points of `text` that no embedded font covers (tofu candidates). */
  uncovered(text: string): number[];
}

/**
 * Font packages pinned through npm; the weights the templates use. A family `onRequest` is embedded
 * only in pages whose CSS names it (the memo's Noto Serif), so other pages do not carry it.
 */
const PACKAGES: ReadonlyArray<{ name: string; css: string[]; onRequest?: string }> = [
  { name: '@fontsource/noto-sans', css: ['400.css', '700.css', '400-italic.css', '700-italic.css'] },
  { name: '@fontsource/noto-sans-sc', css: ['400.css', '700.css'] },
  { name: '@fontsource/noto-sans-mono', css: ['400.css'] },
  { name: '@fontsource/noto-serif', css: ['400.css', '700.css', '400-italic.css'], onRequest: 'Noto Serif' },
];

/** The pinned font packages and their versions (`@fontsource/noto-sans@5.3.0`, …): what a page's fonts are made from. */
export function fontPackageVersions(): string[] {
  const require = createRequire(import.meta.url);
  return PACKAGES.map(({ name }) => {
    const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: string };
    return `${name}@${manifest.version ?? '?'}`;
  });
}

let cached: Array<FontFace & { onRequest?: string }> | undefined;

function allFaces(): Array<FontFace & { onRequest?: string }> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  cached = PACKAGES.flatMap(({ name, css, onRequest }) => {
    const dir = dirname(require.resolve(`${name}/package.json`));
    const faces = css.flatMap((file) => parseFontFaceCss(readFileSync(join(dir, file), 'utf8'), (rel) => join(dir, rel)));
    return onRequest === undefined ? faces : faces.map((face) => ({ ...face, onRequest }));
  });
  return cached;
}

const dataUris = new Map<string, string>();

function dataUri(file: string): string {
  let uri = dataUris.get(file);
  if (uri === undefined) {
    uri = `data:font/woff2;base64,${readFileSync(file).toString('base64')}`;
    dataUris.set(file, uri);
  }
  return uri;
}

/** How many pages' answers a store remembers (a batch's variants, a preview's last renders). */
const REMEMBERED = 32;

/**
 * Fonts from the pinned @fontsource packages, subset by unicode-range to what a page uses. Both
 * answers depend only on the page's set of characters (and the families its CSS asks for), so
 * the store remembers them for the last pages: a rebuild, or an edit that adds no new character,
 * reuses them.
 */
export function fontsourceStore(): FontStore {
  const faces = memoryCache<string>(REMEMBERED);
  const gaps = memoryCache<readonly number[]>(REMEMBERED);
  return {
    faceCss(text, css = '') {
      const wanted = allFaces().filter((face) => face.onRequest === undefined || css.includes(face.onRequest));
      const points = codePointsOf(text);
      const key = `${wanted.length}:${wanted.map((face) => face.onRequest ?? '').join()}:${points.join()}`;
      let rules = faces.get(key);
      if (rules === undefined) {
        rules = facesFor(wanted, points)
          .map((face) => fontFaceRule(face, dataUri(face.file)))
          .join('\n');
        faces.set(key, rules);
      }
      return rules;
    },
    uncovered(text) {
      const points = codePointsOf(text);
      const key = points.join();
      let missing = gaps.get(key);
      if (missing === undefined) {
        const all = allFaces();
        missing = points.filter((cp) => isPrintable(cp) && !all.some((f) => inRange(f, cp) && hasGlyph(f.file, cp)));
        gaps.set(key, missing);
      }
      return [...missing];
    },
  };
}

const isPrintable = (cp: number): boolean => cp > 0x20 && !(cp >= 0x7f && cp < 0xa0) && cp !== 0xfeff && !(cp >= 0x200b && cp <= 0x200f);
const inRange = (face: FontFace, cp: number): boolean => face.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/** Coverage of opened fonts, by file: a unicode-range only says where a glyph may be, the cmap says it is. */
const coverage = new Map<string, (cp: number) => boolean>();

function hasGlyph(file: string, cp: number): boolean {
  let covers = coverage.get(file);
  if (!covers) {
    covers = woff2Coverage(readFileSync(file));
    coverage.set(file, covers);
  }
  return covers(cp);
}

/** Face descriptions with file paths, for the PDF stage and the chart text metrics. */
export function fontFaces(): readonly FontFace[] {
  return allFaces();
}
