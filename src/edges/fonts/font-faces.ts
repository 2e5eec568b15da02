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

/** Code points that appear in a text, as a sorted array. */
export function codePointsOf(text: string): number[] {
  const set = new Set<number>();
  for (const ch of text) set.add(ch.codePointAt(0) ?? 0);
  return [...set].sort((a, b) => a - b);
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
