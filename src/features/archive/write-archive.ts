import { existsSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { archiveManifestSchema, latestPath, upsertEntries, type ArchiveEntry, type ArchiveManifest } from './archive-manifest.js';

export const MANIFEST = 'archive.json';

/** Reads `<root>/archive.json`, or starts an empty one. */
export function readManifest(root: string, slug: string, title: string): ArchiveManifest {
  const file = join(root, MANIFEST);
  if (!existsSync(file)) return { slug, title, entries: [] };
  return archiveManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Writes a file through a temporary sibling and a rename, so readers never see half of it. */
function writeAtomically(file: string, content: string): void {
  const staging = `${file}.tmp-${process.pid}`;
  writeFileSync(staging, content);
  renameSync(staging, file);
}

/**
 * Records new issues in the briefing's archive: the manifest, the index page, and the `latest`
 * pointer (a symlink to the newest period's folder).
 */
export function updateArchive(root: string, slug: string, title: string, entries: readonly ArchiveEntry[], page: (m: ArchiveManifest) => string): ArchiveManifest {
  const manifest = upsertEntries({ ...readManifest(root, slug, title), title }, entries);
  writeAtomically(join(root, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  writeAtomically(join(root, 'index.html'), page(manifest));
  const latest = latestPath(manifest);
  const link = join(root, 'latest');
  if (latest) {
    const staging = `${link}.tmp-${process.pid}`;
    rmSync(staging, { force: true });
    symlinkSync(latest, staging);
    renameSync(staging, link); // rename over the old link: the pointer is never missing
  } else if (existsSync(link) && lstatSync(link).isSymbolicLink()) rmSync(link);
  return manifest;
}
