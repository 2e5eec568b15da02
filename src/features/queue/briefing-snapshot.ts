import { readdirSync } from 'node:fs';
import { UnrecoverableError } from 'bullmq';
import { join } from 'node:path';
import { blobHash, type BlobCache, type BlobStore } from '../../edges/queue/blob-store.js';
import { diskFiles } from '../../edges/files/disk-files.js';
import { memoryFiles, type BriefingFiles } from '../../edges/files/briefing-files.js';

/** A briefing folder by content: each file's path and the hash of its bytes (sorted by path). */
export type SnapshotManifest = Readonly<Record<string, string>>;

export interface BriefingSnapshot {
  manifest: SnapshotManifest;
  blobs: Map<string, Uint8Array>;
}

/**
 * Reads a briefing folder the way a local build does (through `diskFiles`, so nothing outside it
 * is taken: links that lead out are skipped) into a content-addressed snapshot. Hidden files are
 * taken, hidden folders (`.git`) are not.
 */
export function snapshotFolder(dir: string): BriefingSnapshot {
  const files = diskFiles(dir, dir);
  const manifest: Record<string, string> = {};
  const blobs = new Map<string, Uint8Array>();
  const walk = (rel: string): void => {
    let entries;
    try {
      entries = readdirSync(join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) walk(path);
        continue;
      }
      const bytes = files.readBytes(path);
      if (bytes === undefined) continue;
      const hash = blobHash(bytes);
      manifest[path] = hash;
      blobs.set(hash, bytes);
    }
  };
  walk('');
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { manifest: sorted, blobs };
}

/** A snapshot's files as the pipeline reads them (the coordinator runs a job's SQL datasets over them). */
export function snapshotFiles(snapshot: BriefingSnapshot, shown: string): BriefingFiles {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, hash] of Object.entries(snapshot.manifest)) entries[path] = snapshot.blobs.get(hash) as Uint8Array;
  return memoryFiles(entries, shown);
}

/** Stores a snapshot's files in Redis (each distinct file once). */
export async function uploadSnapshot(store: BlobStore, snapshot: BriefingSnapshot): Promise<void> {
  await store.putAll(snapshot.blobs);
}

/**
 * The briefing folder a job names, rebuilt in memory on a worker from Redis (through the worker's
 * cache). `shown` is the folder as the coordinator's user typed it, so messages carry the same
 * file names as in a local build.
 */
export async function materializeSnapshot(cache: BlobCache, manifest: SnapshotManifest, shown: string): Promise<BriefingFiles> {
  const { found, missing } = await cache.getAll(Object.values(manifest));
  // Files expire a day after their last upload; no retry brings them back, a new run uploads them again.
  if (missing.length > 0) throw new UnrecoverableError(`${missing.length} file(s) of ${shown} are no longer in Redis (expired); run the same command again to upload them`);
  const entries: Record<string, Uint8Array> = {};
  for (const [path, hash] of Object.entries(manifest)) entries[path] = found.get(hash) as Buffer;
  return memoryFiles(entries, shown);
}
