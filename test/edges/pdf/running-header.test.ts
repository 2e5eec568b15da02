import { describe, expect, it } from 'vitest';
import { cssEscape } from '../../../src/edges/pdf/pdf-printer.js';
import { decodeDestinationName } from '../../../src/edges/pdf/read-destinations.js';
import { runningHeaderCss, runningHeaderTexts } from '../../../src/edges/pdf/running-header.js';

describe('running header texts', () => {
  it('names the first section that starts on a page, else the one the page continues', () => {
    const marks = [
      { page: 2, text: 'Contents' },
      { page: 3, text: 'Key findings' },
      { page: 3, text: 'Why' },
      { page: 5, text: 'How' },
      { page: 5, text: 'What next' },
    ];
    expect(runningHeaderTexts(marks, 7)).toEqual(['', 'Contents', 'Key findings', 'Why', 'How', 'What next', 'What next']);
  });

  it('becomes a fixed counter style whose symbols are CSS strings, the last repeated past the end', () => {
    const css = runningHeaderCss(['', 'Say "hi"', '</style>中文']);
    expect(css).toContain('@counter-style bs-running { system: fixed; symbols: "" "Say \\22 hi\\22 " "\\3c /style\\3e 中文"; fallback: bs-running-rest; }');
    expect(css).toContain('@counter-style bs-running-rest { system: cyclic; symbols: "\\3c /style\\3e 中文"; }');
  });
});

describe('ids between the page and the PDF', () => {
  it('decodes Chromium\'s percent-encoded destination names', () => {
    expect(decodeDestinationName('%E5%9F%BA%E7%A1%80')).toBe('基础');
    expect(decodeDestinationName('caf%C3%A9')).toBe('café');
    expect(decodeDestinationName('%F0%9F%9A%80-rocket')).toBe('🚀-rocket');
    expect(decodeDestinationName('100%-sure')).toBe('100%-sure');
  });

  it('escapes ids for CSS selectors, a leading digit included', () => {
    expect(cssEscape('2026-outlook')).toBe('\\32 026-outlook');
    expect(cssEscape('a.b')).toBe('a\\.b');
    expect(cssEscape('基础')).toBe('基础');
  });
});
