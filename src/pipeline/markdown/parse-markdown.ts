import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { footnoteStubs } from './footnote-stubs.js';
import { restoreTextDirectives } from './restore-directives.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

/** Markdown (GFM + directives) → mdast. Pure; positions are offsets into `markdown`. */
export function parseMarkdown(markdown: string): Root {
  return processor.runSync(processor.parse(markdown)) as Root;
}

/** One narrative file: cross-file footnotes resolvable, stray text directives back to text. */
export function parseNarrative(markdown: string): Root {
  const tree = parseMarkdown(markdown + footnoteStubs(markdown));
  restoreTextDirectives(tree, markdown);
  return tree;
}
