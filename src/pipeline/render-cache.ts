import type { Root } from 'mdast';
import { memoryCache } from '../edges/cache/memory-cache.js';
import { datasetBytes, type DatasetCache } from './data/dataset-cache.js';
import type { ParsedNarrativeCache } from './markdown/parse-markdown.js';
import type { PreparedProseCache } from './prose/evaluate-prose.js';
import type { TemplateSpecCache } from './templates/compiled-templates.js';

/**
 * What a render can reuse from earlier renders besides charts: pure functions of a text, kept by
 * the caller (a preview session or a build process holds one) and handed to `renderBriefing`.
 * Every key is a digest of all an entry depends on, so the page is byte-identical with and without.
 */
export interface RenderCache {
  /** Compiled layouts and partials, by text and compile options. */
  templates: TemplateSpecCache;
  /** Narrative files and front matter texts, parsed, checked and compiled, by text and helper names. */
  prose: PreparedProseCache;
  /** Narrative files after templating, as frozen mdast, by text. */
  markdown: ParsedNarrativeCache;
  /** Data files parsed, typed and checked (rows frozen), with their messages, by bytes and schema. */
  datasets: DatasetCache;
}

/** Parsed trees take roughly this many bytes of heap per character of Markdown (the example's sections: ~11). */
const TREE_BYTES_PER_CHAR = 16;

/**
 * A render cache in this process's memory, least recently used dropped first. The bounds hold
 * dozens of briefings' texts; the trees, the largest entries, are also bounded by estimated bytes.
 */
export function memoryRenderCache(limits: { entries?: number; markdownBytes?: number; datasetBytes?: number } = {}): RenderCache {
  const entries = limits.entries ?? 500;
  return {
    templates: memoryCache(entries),
    prose: memoryCache(entries),
    markdown: memoryCache(entries, { maxBytes: limits.markdownBytes ?? 64 * 1024 * 1024, sizeOf: (parsed) => treeBytes(parsed.tree) }),
    datasets: memoryCache(entries, { maxBytes: limits.datasetBytes ?? 128 * 1024 * 1024, sizeOf: datasetBytes }),
  };
}

function treeBytes(tree: Root): number {
  return (tree.position?.end.offset ?? 0) * TREE_BYTES_PER_CHAR;
}
