/**
 * A cache of values by content-derived key. The pipeline decides what a key means (a digest of
 * everything a value depends on) and never sees where values are kept: in memory for a preview
 * session or a batch, on disk under the output folder for rebuilds, or both.
 */
export interface KeyValueCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

/**
 * Memory first, then the slower stores in order; a hit in a slower store is copied into the
 * faster ones, a new value goes to all of them.
 */
export function layeredCache<T>(...layers: ReadonlyArray<KeyValueCache<T>>): KeyValueCache<T> {
  return {
    get(key) {
      for (const [i, layer] of layers.entries()) {
        const value = layer.get(key);
        if (value === undefined) continue;
        for (const faster of layers.slice(0, i)) faster.set(key, value);
        return value;
      }
      return undefined;
    },
    set(key, value) {
      for (const layer of layers) layer.set(key, value);
    },
  };
}
