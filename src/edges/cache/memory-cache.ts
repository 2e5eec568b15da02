import type { KeyValueCache } from './key-value-cache.js';

/**
 * Values in this process, least recently used dropped first beyond `maxEntries`. A preview
 * session keeps one across rebuilds; a batch shares one between its jobs, so variants that draw
 * the same chart from the same data render it once.
 */
export function memoryCache<T>(maxEntries = 500): KeyValueCache<T> & { readonly size: number } {
  const entries = new Map<string, T>();
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
      entries.delete(key);
      entries.set(key, value);
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
