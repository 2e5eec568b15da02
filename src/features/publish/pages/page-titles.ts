import type { PublishDocument } from '../document/publish-document.js';

/**
 * Which page each output of a briefing goes to, before a wiki's own naming rules. One page per
 * (period, variant): by default `<Title>/<period>/<variant>`, or the target's `page` pattern,
 * whose placeholders are `{title}`, `{slug}`, `{period}`, `{variant}`, `{label}` and each
 * parameter by name (`{region}`). A `page` without placeholders is the base title, as before.
 * A briefing with periods or variants also gets an index page listing every output.
 */
export const DEFAULT_PAGE_PATTERN = '{title}/{period}/{variant}';

/** Placeholders that differ from one output to the next (the index page is named before them). */
const PER_OUTPUT = new Set(['period', 'variant', 'label']);

export class PagePatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PagePatternError';
  }
}

/** The page pattern a target's `page` setting means. */
export function pagePattern(page: string | undefined): string {
  if (page === undefined) return DEFAULT_PAGE_PATTERN;
  return /\{[^{}]+\}/.test(page) ? page : `${page.replace(/[{}]/g, '')}/{period}/{variant}`;
}

/** The output's page title: the pattern with its placeholders filled, empty segments dropped. */
export function entryTitle(pattern: string, doc: PublishDocument): string {
  return tidy(fill(pattern, doc));
}

/**
 * The index page of a briefing with periods or variants: the pattern up to its first
 * per-output placeholder (`{title}` by default), or the title when the pattern starts with one.
 * Undefined for a briefing that has one output only.
 */
export function indexTitle(pattern: string, doc: PublishDocument): string | undefined {
  if (doc.output.period === undefined && doc.output.variant === undefined) return undefined;
  const first = [...pattern.matchAll(/\{([^{}]+)\}/g)].find((m) => PER_OUTPUT.has(m[1] ?? '') || (m[1] ?? '') in doc.params);
  const prefix = first ? pattern.slice(0, first.index) : pattern;
  const title = tidy(fill(prefix, doc)).replace(/[\s/\-–—:(_,]+$/u, '');
  return title === '' ? tidy(doc.title) : title;
}

/** Checks that every output of this publish has a page of its own, apart from the index. */
export function checkDistinct(pages: ReadonlyArray<{ title: string; label: string }>, index: string | undefined, pattern: string): void {
  const seen = new Map<string, string>();
  for (const page of pages) {
    if (page.title === index) throw new PagePatternError(`page pattern "${pattern}" gives ${page.label || 'the output'} the index page's title "${index}"; add {period} or {variant}`);
    const other = seen.get(page.title);
    if (other !== undefined) throw new PagePatternError(`page pattern "${pattern}" gives ${other} and ${page.label} the same page "${page.title}"; add {period} and {variant}`);
    seen.set(page.title, page.label);
  }
}

function fill(pattern: string, doc: PublishDocument): string {
  return pattern.replace(/\{([^{}]+)\}/g, (_all, name: string) => {
    const value = placeholder(name, doc);
    if (value === undefined) {
      const known = [...new Set(['title', 'slug', 'period', 'variant', 'label', ...Object.keys(doc.params)])];
      throw new PagePatternError(`page pattern "${pattern}": unknown placeholder {${name}} (known: ${known.map((k) => `{${k}}`).join(', ')})`);
    }
    return value;
  });
}

function placeholder(name: string, doc: PublishDocument): string | undefined {
  switch (name) {
    case 'title':
      return doc.title;
    case 'slug':
      return doc.output.slug;
    case 'period':
      return doc.output.period ?? '';
    case 'variant':
      return doc.output.variant ?? '';
    case 'label':
      return doc.label;
  }
  const param = doc.params[name];
  return param === undefined ? undefined : String(param);
}

/** `A//B/` → `A/B`: an empty placeholder leaves no empty segment behind. */
function tidy(title: string): string {
  return title.replace(/\/(\s*\/)+/g, '/').replace(/\s+/g, ' ').replace(/^[\s/]+|[\s/]+$/g, '');
}
