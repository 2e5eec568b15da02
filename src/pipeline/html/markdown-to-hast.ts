import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { sanitizeSchema } from './sanitize-schema.js';

const processor = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .freeze();

/** mdast → hast, with raw HTML parsed and then sanitized. Pure. */
export function markdownToHast(tree: Root): HastRoot {
  return processor.runSync(tree) as HastRoot;
}
