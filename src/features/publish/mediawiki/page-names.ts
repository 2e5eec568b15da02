import type { IndexPage } from '../pages/index-page.js';
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

/**
 * The index page of a briefing with periods or variants: a line per published output, newest
 * first, linking its subpage, with its headline. Periods and variants are subpages of the index
 * (`<Title>/<period>/<variant>`), so the wiki links them back to it as well.
 */
export function indexWikitext(index: IndexPage): string {
  return index.entries
    .map((entry) => {
      const link = `[[${escapeWikitext(entry.title)}|${escapeWikitext(entry.label || entry.title)}]]`;
      return `* ${link}${entry.headline ? ` — ${escapeWikitext(entry.headline.replace(/\s+/g, ' ').trim())}` : ''}`;
    })
    .join('\n');
}
