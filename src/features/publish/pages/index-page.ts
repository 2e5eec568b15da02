import type { EntryRecord, PublishRecord } from '../record/publish-record.js';

/** One published output as the index page lists it. */
export interface IndexEntry extends EntryRecord {
  /** The output's page, as the wiki names it. */
  title: string;
}

/** The index page of a briefing: every output published so far, newest period first, variants of one period in name order. */
export interface IndexPage {
  title: string;
  entries: IndexEntry[];
}

/**
 * Every output of the briefing published to this target: those in the record (earlier runs,
 * other variants) and those of this run, which replace their own earlier entries. Publishing
 * one variant therefore lists all the others without touching their pages.
 */
export function indexEntries(record: PublishRecord, current: readonly IndexEntry[], index: string): IndexEntry[] {
  const byTitle = new Map<string, IndexEntry>();
  for (const [title, page] of Object.entries(record.pages)) if (page.entry && title !== index) byTitle.set(title, { title, ...page.entry });
  for (const entry of current) byTitle.set(entry.title, entry);
  return [...byTitle.values()].sort(newestFirst);
}

function newestFirst(a: IndexEntry, b: IndexEntry): number {
  // Period ids of one kind sort as text (2026-W09 < 2026-W10, 2026-01 < 2026-Q1 never mix).
  const period = compare(b.period ?? '', a.period ?? '');
  return period !== 0 ? period : compare(a.variant ?? '', b.variant ?? '') || compare(a.title, b.title);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
