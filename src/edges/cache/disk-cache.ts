import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyValueCache } from './key-value-cache.js';

export interface DiskCacheOptions<T> {
  /** The folder that holds the entries (created on the first write); deleting it is always safe. */
  dir: string;
  /** What the values also depend on beyond their key (program and library versions, fonts). */
  stamp: string;
  /** `prune()` removes the least recently used entries beyond this many bytes. */
  maxBytes: number;
  /** Checks a value read back (the file may be from another version, truncated or edited). */
  isValue: (value: unknown) => value is T;
}

export interface DiskCache<T> extends KeyValueCache<T> {
  /** Removes the least recently used entries until the folder holds at most `maxBytes`. */
  prune(): void;
}

const TEMP = '.tmp-';

/**
 * One JSON file per entry, named by a digest of stamp and key, written beside its final name and
 * renamed into place (a reader never sees half an entry, an interrupted write leaves only a
 * temporary file that `prune` removes). Anything wrong with an entry is a miss, and a cache that
 * cannot be written is skipped: the build never depends on it.
 */
export function diskCache<T>(options: DiskCacheOptions<T>): DiskCache<T> {
  const { dir, stamp, maxBytes, isValue } = options;
  const fileOf = (key: string) => join(dir, `${createHash('sha256').update(`${stamp}\0${key}`).digest('hex')}.json`);
  return {
    get(key) {
      const file = fileOf(key);
      try {
        const entry = JSON.parse(readFileSync(file, 'utf8')) as { stamp?: unknown; key?: unknown; value?: unknown };
        if (entry.stamp !== stamp || entry.key !== key || !isValue(entry.value)) return undefined;
        const now = new Date();
        utimesSync(file, now, now); // `prune` keeps what was used last
        return entry.value;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      const temp = join(dir, `${TEMP}${process.pid}-${randomBytes(6).toString('hex')}`);
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(temp, JSON.stringify({ stamp, key, value }));
        renameSync(temp, fileOf(key));
      } catch {
        removeQuietly(temp);
      }
    },
    prune() {
      pruneFolder(dir, maxBytes);
    },
  };
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // the folder itself is unusable: nothing was written
  }
}

/** An hour: long enough that no running build still writes a temporary file this old. */
const STALE_TEMP_MS = 3_600_000;

function pruneFolder(dir: string, maxBytes: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  const entries: Array<{ path: string; size: number; used: number }> = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      const stat = statSync(path);
      if (name.startsWith(TEMP)) {
        if (now - stat.mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
      } else if (name.endsWith('.json')) entries.push({ path, size: stat.size, used: stat.mtimeMs });
    } catch {
      // removed meanwhile by another build
    }
  }
  let total = entries.reduce((sum, e) => sum + e.size, 0);
  for (const entry of entries.sort((a, b) => a.used - b.used)) {
    if (total <= maxBytes) break;
    rmSync(entry.path, { force: true });
    total -= entry.size;
  }
}
