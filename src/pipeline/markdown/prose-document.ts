import type { Node } from 'unist';
import type { Root } from 'mdast';
import type { Place } from '../../messages/message.js';

/** One Markdown file of a briefing after templating and parsing. */
export interface ProseDocument {
  /** Display path for messages. */
  file: string;
  /** The Markdown the tree was parsed from (after templating). */
  markdown: string;
  tree: Root;
  /** Place in the author's file of an offset in `markdown`. */
  placeOf: (offset: number) => Place;
}

/** Where a node starts in the author's file. */
export function nodePlace(doc: ProseDocument, node: Node): Place | undefined {
  const offset = node.position?.start.offset;
  return offset === undefined ? undefined : doc.placeOf(offset);
}
