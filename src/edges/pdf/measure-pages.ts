/**
 * Runs in the page (via `page.evaluate`) to predict on which printed page each element lands,
 * without printing: the document is laid out once in print media as a multi-column box whose
 * columns have exactly the size of a page's content box, so each column is a page. Chromium
 * fragments columns and pages with the same engine (break-inside, orphans, widows); forced page
 * breaks are turned into column breaks for the measurement. The printer checks the prediction
 * against the PDF's own destinations and prints again in the rare case it was wrong.
 */
export function measurePagesInPage(width: number, height: number, selector: string, deferFigures = false): { pages: Record<string, number>; pageCount: number } {
  /**
   * A figure (or short table) never splits, so one that does not fit is pushed to the next page and
   * can leave much of a page blank. Like LaTeX's floats, such a figure (one that now opens a page after more than a
   * third of the previous page was left empty) moves, with any figures right after it, after the
   * paragraph or list that follows them, which then fills the gap; at most three times, and never
   * past a heading.
   * The move is made in the tab only (the print), never in the saved HTML.
   */
  function deferFiguresInColumns(columnWidth: number, columnHeight: number): void {
    const top = document.body.getBoundingClientRect().top;
    const left0 = document.body.getBoundingClientRect().left;
    const column = (x: number) => Math.floor((x - left0 + 1) / columnWidth);
    const flowing = (el: Element | null) => el !== null && /^(P|UL|OL|BLOCKQUOTE|DL)$/.test(el.tagName);
    const leftBlank = (figure: Element): boolean => {
      const rect = figure.getBoundingClientRect();
      const before = figure.previousElementSibling;
      if (!before || rect.top - top > 4) return false; // not at the top of a page
      const rects = [...before.getClientRects()].filter((r) => r.height > 0);
      const last = rects[rects.length - 1];
      if (!last || column(last.left) !== column(rect.left) - 1) return false;
      return columnHeight - (last.bottom - top) > columnHeight / 3;
    };
    const float = (el: Element | null) => el !== null && el.matches('figure, .table-wrap');
    for (const figure of document.querySelectorAll('figure, .table-wrap')) {
      for (let moves = 0; moves < 3 && leftBlank(figure); moves++) {
        // Figures right after it go along (in their order), so text can pass a run of figures too.
        const run = [figure];
        let next = figure.nextElementSibling;
        while (next !== null && float(next)) {
          run.push(next);
          next = next.nextElementSibling;
        }
        if (next === null || !flowing(next)) break;
        next.after(...run);
      }
    }
  }

  const style = document.createElement('style');
  style.textContent =
    `html{width:${width}px!important;margin:0!important;padding:0!important}` +
    `body{margin:0!important;padding:0!important;width:${width}px!important;height:${height}px!important;` +
    `columns:${width}px!important;column-gap:0!important;column-fill:auto!important}`;
  document.head.append(style);
  const forced: Array<[HTMLElement, 'breakBefore' | 'breakAfter', string]> = [];
  const pageBreak = (value: string) => ['page', 'left', 'right', 'recto', 'verso'].includes(value);
  for (const el of document.body.querySelectorAll<HTMLElement>(':not(svg, svg *)')) {
    const computed = getComputedStyle(el);
    // A named page (CSS `page: name`, used for running headers) starts and ends with a page break
    // in print wherever the name changes; columns know nothing of page names.
    const named = (computed as CSSStyleDeclaration & { page?: string }).page;
    if (named !== undefined && named !== '' && named !== 'auto') {
      forced.push([el, 'breakBefore', el.style.breakBefore], [el, 'breakAfter', el.style.breakAfter]);
      el.style.breakBefore = 'column';
      el.style.breakAfter = 'column';
      continue;
    }
    if (pageBreak(computed.breakBefore)) {
      forced.push([el, 'breakBefore', el.style.breakBefore]);
      el.style.breakBefore = 'column';
    }
    if (pageBreak(computed.breakAfter)) {
      forced.push([el, 'breakAfter', el.style.breakAfter]);
      el.style.breakAfter = 'column';
    }
  }
  const origin = document.body.getBoundingClientRect().left;
  const pageOf = (left: number) => Math.floor((left - origin + 1) / width) + 1;
  if (deferFigures) deferFiguresInColumns(width, height);
  const pages: Record<string, number> = {};
  if (selector !== '') for (const el of document.querySelectorAll<HTMLElement>(selector)) pages[el.id] = pageOf(el.getBoundingClientRect().left);
  // The last page is the last column that holds a box with any area (each fragment is one rect).
  let pageCount = 1;
  for (const el of document.body.querySelectorAll(':not(svg *)')) {
    for (const rect of el.getClientRects()) if (rect.width > 0 && rect.height > 0) pageCount = Math.max(pageCount, pageOf(rect.left));
  }
  style.remove();
  for (const [el, property, value] of forced) el.style[property] = value;
  return { pages, pageCount };
}

/**
 * Runs in the page: writes page numbers into the template's slots — `.toc-page[data-target="id"]`
 * gets the page of one element; `[data-page-list="id1 id2"]` the distinct pages of several, in
 * order, between `data-before` and `data-after`, joined by `data-separator` (a source's citing pages).
 */
export function fillTocInPage(pages: Record<string, number>, placeholder: string): void {
  for (const slot of document.querySelectorAll<HTMLElement>('.toc-page[data-target]')) {
    const target = slot.dataset['target'] ?? '';
    slot.textContent = pages[target] !== undefined ? String(pages[target]) : placeholder;
  }
  for (const slot of document.querySelectorAll<HTMLElement>('[data-page-list]')) {
    const ids = (slot.dataset['pageList'] ?? '').split(/\s+/).filter((id) => id !== '');
    const known = ids.map((id) => pages[id]);
    const list = known.every((p) => p !== undefined) ? [...new Set(known)].sort((a, b) => (a ?? 0) - (b ?? 0)).map(String) : ids.map(() => placeholder);
    const { before = '', after = '', separator = ', ' } = slot.dataset;
    slot.textContent = list.length > 0 ? `${before}${list.join(separator)}${after}` : '';
  }
}
