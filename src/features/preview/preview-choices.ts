import type { OutputStore } from '../../edges/output/output-store.js';
import { readManifest } from '../archive/refresh-archive.js';

/** One period and variant the preview page offers to switch to. */
export interface PreviewChoice {
  /** `Week 10, 2026 · EU`. */
  label: string;
  /** The page's query for it: `period=2026-W10&region=EU`. */
  query: string;
}

/**
 * The outputs archived for the briefing (`<out>/<slug>/archive.json`), newest first, as choices
 * for the preview's switcher. Empty for a briefing that has no archive.
 */
export function archiveChoices(store: OutputStore, slug: string): PreviewChoice[] {
  return (readManifest(store, slug)?.entries ?? []).map((entry) => ({
    label: [entry.periodLabel ?? entry.period, entry.variant].filter(Boolean).join(' · '),
    query: queryOf(Object.fromEntries(Object.entries(entry.params).map(([k, v]) => [k, String(v)]))),
  }));
}

/** Parameters as a query string, names sorted, so equal selections compare equal. */
export function queryOf(params: Readonly<Record<string, string>>): string {
  const search = new URLSearchParams(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return search.toString();
}
