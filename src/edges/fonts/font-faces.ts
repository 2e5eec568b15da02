/** One @font-face of a font package: a subset file and the code points it covers. */
export interface FontFace {
  family: string;
  style: 'normal' | 'italic';
  weight: number;
  /** Absolute path of the woff2 file. */
  file: string;
  ranges: Array<[number, number]>;
}

/** Parses fontsource-style CSS (`@font-face { … src: url(./files/x.woff2) … unicode-range: … }`). */
export function parseFontFaceCss(css: string, resolveFile: (relative: string) => string): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const family = /font-family:\s*'([^']+)'/.exec(block)?.[1];
    const style = /font-style:\s*(normal|italic)/.exec(block)?.[1] as FontFace['style'] | undefined;
    const weight = Number(/font-weight:\s*(\d+)/.exec(block)?.[1]);
    const file = /url\(([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!family || !style || !file || !Number.isFinite(weight)) continue;
    faces.push({ family, style, weight, file: resolveFile(file), ranges: range ? parseUnicodeRange(range) : [[0, 0x10ffff]] });
  }
  return faces;
}

export function parseUnicodeRange(value: string): Array<[number, number]> {
  return value.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(lo ?? '0', 16);
    return [start, hi === undefined ? start : parseInt(hi, 16)];
  });
}

/**
 * Code points that appear in a text, as a sorted array. A bit per code point (17 planes: 136 KB)
 * instead of a Set: a page's visible text is ~100,000 characters and this runs on every render.
 */
export function codePointsOf(text: string): number[] {
  const seen = new Uint32Array(0x110000 >>> 5);
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    seen[cp >>> 5] = (seen[cp >>> 5] ?? 0) | (1 << (cp & 31));
  }
  const points: number[] = [];
  for (let word = 0; word < seen.length; word++) {
    const bits = seen[word] ?? 0;
    if (bits === 0) continue;
    for (let bit = 0; bit < 32; bit++) if (bits & (1 << bit)) points.push((word << 5) | bit);
  }
  return points;
}

/** The faces whose ranges cover at least one of the code points. */
export function facesFor(faces: readonly FontFace[], codePoints: readonly number[]): FontFace[] {
  return faces.filter((f) => codePoints.some((cp) => f.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)));
}

/** Whether any face covers the code point (a character no face covers renders as tofu). */
export function covers(faces: readonly FontFace[], codePoint: number): boolean {
  return faces.some((f) => f.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi));
}

export function fontFaceRule(face: FontFace, src: string): string {
  const ranges = face.ranges.map(([lo, hi]) => (lo === hi ? `U+${hex(lo)}` : `U+${hex(lo)}-${hex(hi)}`)).join(',');
  return `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight};font-display:block;src:url(${src}) format('woff2');unicode-range:${ranges}}`;
}

const hex = (n: number): string => n.toString(16).toUpperCase();
