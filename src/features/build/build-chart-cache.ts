import { join } from 'node:path';
import { diskCache } from '../../edges/cache/disk-cache.js';
import { layeredCache } from '../../edges/cache/key-value-cache.js';
import { memoryCache } from '../../edges/cache/memory-cache.js';
import { chartToolchainStamp } from '../../edges/cache/toolchain-stamp.js';
import { CHART_CACHE_SEGMENTS } from '../../edges/output/output-layout.js';
import { isCachedChart, type ChartCache } from '../../pipeline/charts/cached-chart.js';

/** Beyond this the least recently used charts are removed when a build ends (the example's nine take ~1 MB). */
export const CHART_CACHE_MAX_BYTES = 128 * 1024 * 1024;

export interface BuildChartCache {
  cache: ChartCache;
  /** Trims the disk cache to its bound; call once when the build is done. */
  close(): void;
}

/**
 * The charts of one `brief build`: in memory, so the jobs of a batch share charts that do not
 * change between variants, over `<out>/.cache/charts/`, so a rebuild redraws only what changed.
 */
export function buildChartCache(out: string): BuildChartCache {
  const disk = diskCache({ dir: join(out, ...CHART_CACHE_SEGMENTS), stamp: chartToolchainStamp(), maxBytes: CHART_CACHE_MAX_BYTES, isValue: isCachedChart });
  return { cache: layeredCache(memoryCache(), disk), close: () => disk.prune() };
}
