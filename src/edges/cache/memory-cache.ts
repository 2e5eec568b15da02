import type { KeyValueCache } from './key-value-cache.js';

/** An optional second bound: the entries' total size as `sizeOf` estimates it. */
export interface MemoryBytesBound<T> {
  maxBytes: number;
  sizeOf: (value: T) => number;
}

/**
 * Values in this process, least recently used dropped first beyond `maxEntries` (and beyond
 * `bytes.maxBytes`, when given). A preview session keeps one across rebuilds; a batch shares one
 * between its jobs, so variants that draw the same chart from the same data render it once.
 */
export function memoryCache<T>(maxEntries = 500, bytes?: MemoryBytesBound<T>): KeyValueCache<T> & { readonly size: number } {
  const entries = new Map<string, T>();
  const sizes = new Map<string, number>();
  let total = 0;
  const drop = (key: string) => {
    total -= sizes.get(key) ?? 0;
    sizes.delete(key);
    entries.delete(key);
  };
  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      // Map iteration follows insertion order: re-inserting marks the entry most recently used.
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      drop(key);
      entries.set(key, value);
      if (bytes) {
        const size = bytes.sizeOf(value);
        sizes.set(key, size);
        total += size;
      }
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && (!bytes || total <= bytes.maxBytes || entries.size === 1)) break;
        drop(oldest);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
