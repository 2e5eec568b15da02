import { createHash } from 'node:crypto';
import type { Html, Root, Text } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { KeyValueCache } from '../../edges/cache/key-value-cache.js';
import { visit } from 'unist-util-visit';
import { blankOverDeepLines, overDeepHtml, pruneDeepNodes } from './nesting-limit.js';
import { footnoteStubs } from './footnote-stubs.js';
import { restoreTextDirectives } from './restore-directives.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

/**
 * Markdown (GFM + directives) → mdast. Pure; positions are offsets into `markdown`. Nesting past
 * MAX_NESTING is left out of the tree and its offset handed to `onTooDeep`.
 */
export function parseMarkdown(markdown: string, onTooDeep?: (offset: number) => void): Root {
  const guarded = blankOverDeepLines(markdown);
  const tree = processor.parse(guarded.markdown);
  const pruned = pruneDeepNodes(tree);
  const htmlNodes: Html[] = [];
  visit(tree, 'html', (node) => void htmlNodes.push(node));
  const htmlCut = overDeepHtml(htmlNodes.map((node) => ({ value: node.value, offset: node.position?.start.offset ?? 0 })));
  // HTML past the limit stays as text: the HTML parser and sanitizer recurse per level.
  if (htmlCut !== undefined) for (const node of htmlNodes) if ((node.position?.end.offset ?? 0) > htmlCut) (node as unknown as Text).type = 'text';
  const overDeep = Math.min(guarded.overDeep ?? Infinity, pruned?.position?.start.offset ?? Infinity, htmlCut ?? Infinity);
  if (overDeep !== Infinity) onTooDeep?.(overDeep);
  return processor.runSync(tree) as Root;
}

/** One narrative file: cross-file footnotes resolvable, stray text directives back to text. */
export function parseNarrative(markdown: string, onTooDeep?: (offset: number) => void): Root {
  const tree = parseMarkdown(markdown + footnoteStubs(markdown), onTooDeep);
  restoreTextDirectives(tree, markdown);
  return tree;
}

/** A narrative file's tree, deeply frozen, and where it first nested too deep (reported again on reuse). */
export interface ParsedNarrative {
  tree: Root;
  tooDeep: number | undefined;
}

/** Parsed narrative files by their text, kept by the caller across renders (a prose edit re-parses one file). */
export type ParsedNarrativeCache = KeyValueCache<ParsedNarrative>;

/**
 * `parseNarrative`, reusing the tree of an identical text from `cache`. A cached tree is shared
 * between renders, so it is frozen: the stages after parsing build new trees (`rewriteTree`,
 * mdast → hast) and never change one, and a change would throw instead of leaking into the next render.
 */
export function parseNarrativeCached(markdown: string, onTooDeep: (offset: number) => void, cache: ParsedNarrativeCache | undefined): Root {
  if (!cache) return parseNarrative(markdown, onTooDeep);
  const key = createHash('sha256').update(markdown).digest('hex');
  let parsed = cache.get(key);
  if (!parsed) {
    let tooDeep: number | undefined;
    const tree = parseNarrative(markdown, (offset) => (tooDeep = offset));
    parsed = { tree: deepFreeze(tree), tooDeep };
    cache.set(key, parsed);
  }
  if (parsed.tooDeep !== undefined) onTooDeep(parsed.tooDeep);
  return parsed.tree;
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
