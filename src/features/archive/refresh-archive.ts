import type { OutputStore } from '../../edges/output/output-store.js';
import { archiveManifestSchema, archiveTitle, latestPath, sortEntries, type ArchiveEntry, type ArchiveManifest } from './archive-manifest.js';
import { entryOf, parseRecord, RECORD_FILE } from './output-record.js';

export const MANIFEST = 'archive.json';
/** Where files that are not part of the archive (a one-off build's PDF before the briefing became periodic) are moved. */
export const SUPERSEDED = 'superseded';

export interface ArchiveScan {
  entries: ArchiveEntry[];
  /** Top-level names in the archive folder that are neither archive files nor outputs. */
  strays: string[];
}

export interface RefreshedArchive {
  manifest: ArchiveManifest;
  /** Strays moved into `superseded/`, by their new names. */
  moved: string[];
}

/**
 * Rebuilds a periodic briefing's archive (`<out>/<slug>/`) from the outputs that exist: the
 * manifest from each output folder's record, the index page, and the `latest` pointer; strays are
 * moved into `superseded/`. The caller holds the archive's lock: this reads, then writes, and two
 * runs must not interleave.
 */
export function refreshArchive(store: OutputStore, slug: string, writtenTitle: string, page: (m: ArchiveManifest) => string): RefreshedArchive {
  const root = [slug];
  const scan = scanArchive(store, slug);
  const moved = scan.strays.map((name) => {
    const target = freeName(store, [slug, SUPERSEDED], name);
    store.move([slug, name], [slug, SUPERSEDED, target]);
    return `${SUPERSEDED}/${target}`;
  });
  const manifest: ArchiveManifest = { slug, title: archiveTitle(writtenTitle, scan.entries), entries: scan.entries };
  store.writeFile([...root, MANIFEST], `${JSON.stringify(manifest, null, 2)}\n`);
  store.writeFile([...root, 'index.html'], page(manifest));
  store.pointLink([...root, 'latest'], latestPath(manifest));
  return { manifest, moved };
}

/** What the archive folder holds: outputs with records, entries of an older archive.json whose files still exist, strays. */
export function scanArchive(store: OutputStore, slug: string): ArchiveScan {
  const entries: ArchiveEntry[] = [];
  const accounted = new Set<string>();
  const previous = readManifest(store, slug);
  for (const top of store.list([slug])) {
    if (top.kind !== 'folder' || top.name.startsWith('.') || top.name === SUPERSEDED) continue;
    const own = parseRecord(store.readText([slug, top.name, RECORD_FILE]));
    if (own) {
      entries.push(entryOf(own, top.name));
      accounted.add(top.name);
      continue;
    }
    for (const inner of store.list([slug, top.name])) {
      if (inner.kind !== 'folder' || inner.name.startsWith('.')) continue;
      const record = parseRecord(store.readText([slug, top.name, inner.name, RECORD_FILE]));
      if (!record) continue;
      entries.push(entryOf(record, `${top.name}/${inner.name}`));
      accounted.add(top.name);
    }
  }
  // Entries written before outputs carried records: kept while their files exist.
  const paths = new Set(entries.map((e) => e.path));
  for (const entry of previous?.entries ?? []) {
    if (entry.inputs !== undefined || paths.has(entry.path)) continue;
    const files = [entry.html, entry.pdf].filter((f): f is string => f !== undefined);
    if (files.length === 0 || !files.every((f) => store.exists([slug, ...f.split('/')]))) continue;
    entries.push(entry);
    accounted.add(entry.path.split('/')[0] ?? entry.path);
  }
  const managed = new Set([MANIFEST, 'latest', SUPERSEDED, ...(previous ? ['index.html'] : [])]);
  const strays = store
    .list([slug])
    .filter((e) => !e.name.startsWith('.') && !managed.has(e.name) && !accounted.has(e.name))
    .filter((e) => e.kind !== 'folder' || store.list([slug, e.name]).some((inner) => !inner.name.startsWith('.')))
    .map((e) => e.name);
  return { entries: sortEntries(entries), strays };
}

/** The archive.json on disk, or undefined when there is none (or it cannot be read: it is rebuilt anyway). */
export function readManifest(store: OutputStore, slug: string): ArchiveManifest | undefined {
  const text = store.readText([slug, MANIFEST]);
  if (text === undefined) return undefined;
  try {
    const parsed = archiveManifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function freeName(store: OutputStore, folder: readonly string[], name: string): string {
  if (!store.exists([...folder, name])) return name;
  for (let n = 2; ; n++) {
    const dot = name.lastIndexOf('.');
    const candidate = dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
    if (!store.exists([...folder, candidate])) return candidate;
  }
}
