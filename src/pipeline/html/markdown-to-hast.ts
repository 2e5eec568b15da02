import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { MAX_NESTING, pruneDeepNodes } from '../markdown/nesting-limit.js';
import { sanitizeSchema } from './sanitize-schema.js';

const processor = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  // The markdown stage reports raw HTML nested past the limit; this keeps the walkers below from overflowing.
  .use(() => (tree) => void pruneDeepNodes(tree, 2 * MAX_NESTING))
  .use(rehypeSanitize, sanitizeSchema)
  .freeze();

/** mdast → hast, with raw HTML parsed and then sanitized. Pure. */
export function markdownToHast(tree: Root): HastRoot {
  return processor.runSync(tree) as HastRoot;
}
