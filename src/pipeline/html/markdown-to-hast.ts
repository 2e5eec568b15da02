import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { ImageSources } from '../markdown/collect-images.js';
import { embedImageSources } from './embed-image-sources.js';
import { dropUnknownElements, filterRawText } from './raw-html-filter.js';
import { allowedElements, sanitizeSchema } from './sanitize-schema.js';

const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).freeze();
const parseRaw = unified().use(rehypeRaw).freeze();
const sanitize = unified().use(rehypeSanitize, sanitizeSchema).freeze();

/**
 * mdast → hast, with raw HTML parsed and then sanitized. Pure: the mdast is not changed. Image
 * sources are swapped for the data URIs the markdown stage embedded (`images`); what the
 * sanitizer does not allow is removed with its content, never left as stray text.
 */
export function markdownToHast(tree: Root, images: ImageSources = new Map()): HastRoot {
  const hast = toHast.runSync(tree) as HastRoot;
  filterRawText(hast);
  const parsed = parseRaw.runSync(hast) as HastRoot;
  embedImageSources(parsed, images);
  dropUnknownElements(parsed, allowedElements);
  return sanitize.runSync(parsed) as HastRoot;
}
