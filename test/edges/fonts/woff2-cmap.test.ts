import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontFaces, fontsourceStore } from '../../../src/edges/fonts/font-store.js';
import { woff2Coverage } from '../../../src/edges/fonts/woff2-cmap.js';

/** fontkit (a full font library, JavaScript Brotli) is the reference the native reader must agree with. */
describe('WOFF2 cmap coverage', () => {
  const pick = (family: string, test: (file: string) => boolean) => fontFaces().filter((f) => f.family === family && test(f.file)).slice(0, 2);
  const faces = [
    ...pick('Noto Sans', (f) => /-latin-400-normal/.test(f)),
    ...pick('Noto Sans', (f) => /-(greek|cyrillic)-700-italic/.test(f)),
    ...pick('Noto Sans SC', (f) => /-(4|119)-400-normal/.test(f)),
    ...pick('Noto Sans Mono', () => true),
  ];

  it.each(faces.map((f) => [f.file.replace(/^.*\//, ''), f] as const))('agrees with fontkit on every code point of %s’s range', (_name, face) => {
    const bytes = readFileSync(face.file);
    const reference = fontkit.create(bytes) as fontkit.Font;
    const covers = woff2Coverage(bytes);
    const points = face.ranges.flatMap(([lo, hi]) => Array.from({ length: Math.min(hi - lo + 1, 30_000) }, (_, i) => lo + i));
    const differ = [...points, 0x20, 0x41, 0x4e2d, 0x1f600].filter((cp) => covers(cp) !== reference.hasGlyphForCodePoint(cp));
    expect(differ).toEqual([]);
    expect(points.some((cp) => covers(cp))).toBe(true);
  });

  it('refuses what is not WOFF2, and still finds the gaps of the embedded fonts', () => {
    expect(() => woff2Coverage(new Uint8Array(64))).toThrow('not a WOFF2 font');
    // U+0378 is inside Noto Sans's Greek unicode-range but unassigned: the range says maybe, the cmap says no.
    expect(fontsourceStore().uncovered('Aé中\u0378\u{1F600}')).toEqual([0x378, 0x1f600]);
  });
});
