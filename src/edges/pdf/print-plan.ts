/**
 * What a template asks of the printer, read from the page itself (functions run in the tab via
 * `page.evaluate`; the page's own scripts stay off):
 * - `.toc-page[data-target="id"]`: write the page of element `id` here; `[data-page-list="a b"]`:
 *   the distinct pages of several elements (see fillTocInPage);
 * - `[data-running="text"]`: from where this element (its first child, usually the heading) starts,
 *   the running header names `text` (see running-header.ts);
 * - `[data-contents="auto"]`: print this contents block only if the document without it would
 *   print on more than `CONTENTS_PAGES_THRESHOLD` pages.
 */
export const CONTENTS_PAGES_THRESHOLD = 4;

export interface PagePlan {
  /** Ids whose page the page prints somewhere (contents, a source's citing pages). */
  targets: string[];
  /** Those the contents list. */
  tocTargets: string[];
  /** Running-header marks in document order: the id whose page counts, and the header text. */
  marks: Array<{ id: string; text: string }>;
  /** The page has a contents block whose printing depends on the page count. */
  autoContents: boolean;
}

/** Runs in the page. */
export function readPagePlanInPage(): PagePlan {
  const tocTargets = [...document.querySelectorAll<HTMLElement>('.toc-page[data-target]')].map((s) => s.dataset['target'] ?? '').filter((id) => id !== '');
  const targets = [
    ...tocTargets,
    ...[...document.querySelectorAll<HTMLElement>('[data-page-list]')].flatMap((s) => (s.dataset['pageList'] ?? '').split(/\s+/)),
  ].filter((id, i, all) => id !== '' && all.indexOf(id) === i);
  const marks: PagePlan['marks'] = [];
  for (const el of document.querySelectorAll<HTMLElement>('[data-running]')) {
    const first = el.firstElementChild;
    const id = first !== null && first.id !== '' ? first.id : el.id;
    if (id !== '') marks.push({ id, text: el.dataset['running'] ?? '' });
  }
  return { targets, tocTargets, marks, autoContents: document.querySelector('[data-contents="auto"]') !== null };
}

/**
 * Runs in the page: hidden links to the given ids. Chromium writes a named PDF destination only for
 * an element some link points to, and the printer reads those destinations back to check its
 * prediction; a hidden link is never drawn or tagged.
 */
export function linkTargetsInPage(ids: string[]): void {
  const holder = document.createElement('div');
  holder.hidden = true;
  for (const id of ids) {
    const link = document.createElement('a');
    link.href = `#${id}`;
    holder.append(link);
  }
  document.body.append(holder);
}

/**
 * Runs in the page: those of the ids whose element is inline (citation marks). Chromium's PDF
 * destination for an inline element on a line that widows/orphans moved to the next page can name
 * the page before (seen with a mark on the first line of a page); the column measurement places it
 * where it prints, so for these the printer keeps the measured page.
 */
export function inlineIdsInPage(ids: string[]): string[] {
  return ids.filter((id) => {
    const el = document.getElementById(id);
    return el !== null && getComputedStyle(el).display.startsWith('inline') && el.closest('p, li') !== null;
  });
}

/** Runs in the page: hides (`show` false) or shows again the `[data-contents="auto"]` block. */
export function showAutoContentsInPage(show: boolean): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-contents="auto"]')) el.style.display = show ? '' : 'none';
}

/** Runs in the page: removes the `[data-contents="auto"]` block for good (this print has no contents). */
export function dropAutoContentsInPage(): void {
  for (const el of document.querySelectorAll('[data-contents="auto"]')) el.remove();
}

/** Runs in the page: sets (or replaces) the style element that defines the running-header counter style. */
export function setRunningStyleInPage(css: string): void {
  let style = document.getElementById('bs-running-style');
  if (!style) {
    style = document.createElement('style');
    style.id = 'bs-running-style';
    document.head.append(style);
  }
  style.textContent = css;
}
