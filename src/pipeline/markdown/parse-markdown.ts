import type { Html, Root, Text } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
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
