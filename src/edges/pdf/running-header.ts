/**
 * The running header's per-page text. Chromium prints neither `string-set` nor `:nth()` page
 * selectors, and named pages force a page break wherever the name changes. What it does print is
 * `counter(page, <counter-style>)` in a page-margin box, and a counter style of the `fixed` system
 * maps page 1, 2, 3… to any strings: so the header can say, per page, which section it is in,
 * while sections flow freely. The layout declares `@top-right { content: counter(page, bs-running) }`;
 * the printer measures where each `[data-running]` element lands and defines `bs-running`.
 */

export interface RunningMark {
  /** Page (1-based) on which the element starts. */
  page: number;
  /** Header text from that element on. */
  text: string;
}

/**
 * Text for each page, index 0 = page 1: the first mark that starts on the page, else the mark in
 * force at the top of the page (CSS GCPM's `string(name, first)`), else "" before any mark.
 */
export function runningHeaderTexts(marks: readonly RunningMark[], pageCount: number): string[] {
  const texts: string[] = [];
  for (let page = 1; page <= pageCount; page++) {
    const first = marks.find((m) => m.page === page);
    const before = marks.filter((m) => m.page < page).at(-1);
    texts.push((first ?? before)?.text ?? '');
  }
  return texts;
}

/** The `bs-running` counter style for those texts; pages past the end repeat the last text. */
export function runningHeaderCss(texts: readonly string[]): string {
  const symbols = texts.length > 0 ? texts.map(cssString).join(' ') : '""';
  const rest = cssString(texts.at(-1) ?? '');
  return (
    `@counter-style bs-running-rest { system: cyclic; symbols: ${rest}; }\n` +
    `@counter-style bs-running { system: fixed; symbols: ${symbols}; fallback: bs-running-rest; }`
  );
}

/** A value as a CSS string literal, safe inside a <style> element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
