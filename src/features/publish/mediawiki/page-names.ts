import { escapeWikitext } from './wikitext-escape.js';

/**
 * Page and file names as MediaWiki stores them (default `$wgCapitalLinks`): underscores are
 * spaces, runs of spaces collapse, the first letter is upper case, and characters that cannot be
 * in a title are replaced. Plans and records use these names so they match what the API returns.
 */
export function normalizeTitle(title: string): string {
  const cleaned = title
    // eslint-disable-next-line no-control-regex -- control characters cannot be in a title
    .replace(/[#<>[\]|{}\u0000-\u001f\u007f]/g, '-')
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const first = cleaned.codePointAt(0);
  if (first === undefined) return 'Briefing';
  const head = String.fromCodePoint(first);
  return head.toUpperCase() + cleaned.slice(head.length);
}

/** File names have no spaces in our assets; only the first letter changes (`deepseek-moment.pdf` → `Deepseek-moment.pdf`). */
export function fileTitle(asset: string): string {
  return normalizeTitle(asset);
}

export interface PageNames {
  /** The page this briefing (or this period of it) is published to. */
  page: string;
  /** For a periodic briefing: the page that lists every period. */
  index: string | undefined;
}

/**
 * `<Title>` for a one-off briefing; `<Title>/<period>` for each period of a periodic one, with
 * `<Title>` as the index page (a subpage under it, so the wiki links them both ways).
 */
export function pageNames(base: string, period: string | undefined): PageNames {
  const title = normalizeTitle(base);
  return period ? { page: normalizeTitle(`${title}/${period}`), index: title } : { page: title, index: undefined };
}

/**
 * The index page of a periodic briefing: every period published so far, newest first. The list
 * comes from the publish record plus this run, so publishing a new period adds one line.
 */
export function indexPageText(index: string, periodPages: readonly string[], intro: string | undefined): string {
  const periods = [...new Set(periodPages)]
    .filter((title) => title.startsWith(`${index}/`))
    .map((title) => title.slice(index.length + 1))
    .sort()
    .reverse();
  const lines = periods.map((period) => `* [[${escapeWikitext(index)}/${escapeWikitext(period)}|${escapeWikitext(period)}]]`);
  return [intro ? escapeWikitext(intro) : undefined, lines.join('\n')].filter(Boolean).join('\n\n');
}
