import type { BriefingFiles } from '../../edges/files/briefing-files.js';
import type { FontStore } from '../../edges/fonts/font-store.js';
import type { OutputStore } from '../../edges/output/output-store.js';
import { MessageLog } from '../../messages/message-log.js';
import type { Message } from '../../messages/message.js';
import { loadBriefing } from '../../pipeline/load/load-briefing.js';
import { resolveTemplate } from '../../pipeline/templates/resolve-template.js';
import type { TemplateLibrary } from '../../pipeline/templates/template.js';
import type { ArchiveEntry } from './archive-manifest.js';
import { readManifest, refreshArchive, scanArchive } from './refresh-archive.js';
import { archivePage } from './render-archive.js';

/** A periodic briefing's archive as `brief archive` sees it. */
export interface ArchiveReport {
  /** The outputs that exist, newest first. */
  entries: ArchiveEntry[];
  /** Top-level files that are not part of the archive (moved into `superseded/` by the next build or prune). */
  strays: string[];
  /** Paths archive.json lists that no longer exist, and outputs it does not list (both fixed by the next build or prune). */
  stale: string[];
  unlisted: string[];
}

export function listArchive(store: OutputStore, slug: string): ArchiveReport {
  const scan = scanArchive(store, slug);
  const listed = new Set((readManifest(store, slug)?.entries ?? []).map((e) => e.path));
  const present = new Set(scan.entries.map((e) => e.path));
  return {
    entries: scan.entries,
    strays: scan.strays,
    stale: [...listed].filter((p) => !present.has(p)),
    unlisted: [...present].filter((p) => !listed.has(p)),
  };
}

/** The entries `PERIOD` (every variant) or `PERIOD/VARIANT` names; a spec that names none is an error. */
export function selectEntries(entries: readonly ArchiveEntry[], spec: string): ArchiveEntry[] | string {
  const [period, variant, ...rest] = spec.split('/');
  const chosen = rest.length > 0 ? [] : entries.filter((e) => e.period === period && (variant === undefined || e.variant === variant));
  if (chosen.length > 0) return chosen;
  const known = [...new Set(entries.map((e) => e.path))].join(', ') || 'none';
  return `no archived output matches "${spec}" (archived: ${known})`;
}

/** What rendering the archive page needs, read from the briefing itself: its slug, title, language and template CSS. */
export interface ArchiveSubject {
  slug: string;
  writtenTitle: string;
  lang: string;
  css: string;
}

/** Reads the briefing's front matter and template; undefined (with messages) when they do not load. */
export function archiveSubject(files: BriefingFiles, templates: TemplateLibrary, folderName: string): { subject: ArchiveSubject | undefined; messages: readonly Message[] } {
  const log = new MessageLog();
  const loaded = loadBriefing(files, log);
  if (!loaded || !loaded.metaValid) return { subject: undefined, messages: log.messages };
  const template = resolveTemplate(loaded.meta.template, templates, files, log);
  const { meta } = loaded;
  const subject = template ? { slug: meta.slug ?? folderName, writtenTitle: meta.title, lang: meta.lang, css: template.css } : undefined;
  return { subject, messages: log.messages };
}

/**
 * Removes archived outputs with their files, then rebuilds the archive (manifest, index page,
 * `latest`) — all under the archive's lock, so a build running at the same time is not lost.
 */
export async function pruneArchive(store: OutputStore, subject: ArchiveSubject, fonts: FontStore, specs: readonly string[]): Promise<{ removed: string[] } | { problem: string }> {
  const release = await store.lock([subject.slug]);
  try {
    const { entries } = scanArchive(store, subject.slug);
    const chosen: ArchiveEntry[] = [];
    for (const spec of specs) {
      const selected = selectEntries(entries, spec);
      if (typeof selected === 'string') return { problem: selected };
      chosen.push(...selected);
    }
    const removed = [...new Set(chosen.map((e) => e.path))];
    for (const path of removed) store.remove([subject.slug, ...path.split('/')]);
    // A period folder whose last variant went goes too.
    for (const period of new Set(removed.map((p) => p.split('/')[0] ?? p))) {
      if (store.exists([subject.slug, period]) && store.list([subject.slug, period]).length === 0) store.remove([subject.slug, period]);
    }
    refreshArchive(store, subject.slug, subject.writtenTitle, archivePage({ lang: subject.lang, css: subject.css, fonts }));
    return { removed };
  } finally {
    release();
  }
}
