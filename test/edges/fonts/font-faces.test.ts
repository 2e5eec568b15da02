import { describe, expect, it } from 'vitest';
import { codePointsOf } from '../../../src/edges/fonts/font-faces.js';
import { fontsourceStore } from '../../../src/edges/fonts/font-store.js';

/** The plain definition the bitmap walk must agree with: every code point a string iterator yields, sorted, once. */
const reference = (text: string): number[] => [...new Set([...text].map((ch) => ch.codePointAt(0) ?? 0))].sort((a, b) => a - b);

describe('the characters of a page', () => {
  it('are every code point once, in order: astral characters whole, lone surrogates as themselves', () => {
    const texts = ['', 'banana', 'Grüße, 深度求索 — “quoted” 😀 and 𝔘 twice 😀', 'lone \ud800 high, lone \udc00 low, end \ud83d', '\u0000\uffff\u{10ffff}'];
    for (const text of texts) expect(codePointsOf(text)).toEqual(reference(text));
  });

  it('give the same faces and gaps when a store answers again from what it remembers', () => {
    const store = fontsourceStore();
    const text = 'Grüße 深度求索 \u{1d518}';
    const faces = store.faceCss(text);
    const gaps = store.uncovered(text);
    expect(faces).toContain('@font-face');
    expect(gaps).toEqual([0x1d518]);
    // Another text with the same characters; the answer is the remembered one and equal to a fresh store's.
    const same = [...text].reverse().join('');
    expect(store.faceCss(same)).toBe(faces);
    expect(store.uncovered(same)).toEqual(gaps);
    expect(fontsourceStore().faceCss(same)).toBe(faces);
    expect(store.faceCss(text, 'font-family: "Noto Serif"')).not.toBe(faces);
  });
});
