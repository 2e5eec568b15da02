import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { ImageSources } from '../markdown/collect-images.js';
import type { CrossReferences } from '../markdown/cross-references.js';
import { linkCrossReferences } from './cross-reference-links.js';
import { embedImageSources } from './embed-image-sources.js';
import { dropUnknownElements, filterRawText } from './raw-html-filter.js';
import { MAX_NESTING, pruneDeepNodes } from '../markdown/nesting-limit.js';
import { allowedElements, sanitizeSchema } from './sanitize-schema.js';

const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).freeze();
const parseRaw = unified().use(rehypeRaw).freeze();
const sanitize = unified().use(rehypeSanitize, sanitizeSchema).freeze();

/** What the markdown stage resolved for the html: embedded image sources, cross-references. */
export interface HastInputs {
  images?: ImageSources;
  references?: CrossReferences;
}

/**
 * mdast → hast, with raw HTML parsed and then sanitized. Pure: the mdast is not changed. Image
 * sources are swapped for the data URIs the markdown stage embedded; what the sanitizer does not
 * allow is removed with its content, never left as stray text; cross-references become links.
 */
export function markdownToHast(tree: Root, context: HastInputs = {}): HastRoot {
  const hast = toHast.runSync(tree) as HastRoot;
  filterRawText(hast);
  const parsed = parseRaw.runSync(hast) as HastRoot;
  // The markdown stage reports raw HTML nested past the limit; this keeps the walkers below from overflowing.
  pruneDeepNodes(parsed, 2 * MAX_NESTING);
  embedImageSources(parsed, context.images ?? new Map());
  dropUnknownElements(parsed, allowedElements);
  const clean = sanitize.runSync(parsed) as HastRoot;
  if (context.references) linkCrossReferences(clean, context.references);
  return clean;
}
