import type { FootnoteDefinition, RootContent } from 'mdast';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import { nodePlace, type ProseDocument } from './prose-document.js';
import { rewriteTree } from './rewrite-tree.js';
import { slotNode } from './slots.js';

export interface Citation {
  number: number;
  label: string;
  /** The note's content (mdast children of the definition). */
  content: FootnoteDefinition['children'];
  /** Ids of the citation marks in the text, in order. */
  refIds: string[];
}

export interface CitationMark {
  slot: string;
  number: number;
  refId: string;
}

export interface Citations {
  list: Citation[];
  marks: CitationMark[];
}

/**
 * Footnote references become citations numbered in order of first use across all files of the
 * briefing; definitions leave the text and feed the Sources section. Returns the documents with
 * each reference replaced by a slot that the HTML stage fills with the citation mark.
 */
export function collectCitations(
  docs: readonly ProseDocument[],
  slotPrefix: string,
  log: MessageLog,
): { docs: ProseDocument[]; citations: Citations } {
  const definitions = new Map<string, { node: FootnoteDefinition; doc: ProseDocument }>();
  const withoutDefinitions = docs.map((doc) => ({
    ...doc,
    tree: rewriteTree(doc.tree, (node) => {
      if (node.type !== 'footnoteDefinition') return undefined;
      const stub = (node.position?.start.offset ?? 0) >= doc.markdown.length;
      if (stub) return [];
      if (definitions.has(node.identifier)) {
        log.report(catalogue.citationDuplicate(node.label ?? node.identifier), doc.file, nodePlace(doc, node));
      } else definitions.set(node.identifier, { node, doc });
      return [];
    }),
  }));

  const byLabel = new Map<string, Citation>();
  const marks: CitationMark[] = [];
  const withSlots = withoutDefinitions.map((doc) => ({
    ...doc,
    tree: rewriteTree(doc.tree, (node) => {
      if (node.type !== 'footnoteReference') return undefined;
      const definition = definitions.get(node.identifier);
      if (!definition) {
        log.report(catalogue.citationUndefined(node.label ?? node.identifier), doc.file, nodePlace(doc, node));
        return [];
      }
      let citation = byLabel.get(node.identifier);
      if (!citation) {
        citation = { number: byLabel.size + 1, label: node.label ?? node.identifier, content: definition.node.children, refIds: [] };
        byLabel.set(node.identifier, citation);
      }
      const refId = `cite-${citation.number}-${citation.refIds.length + 1}`;
      citation.refIds.push(refId);
      const slot = `${slotPrefix}cite-${marks.length + 1}`;
      marks.push({ slot, number: citation.number, refId });
      return [slotNode(slot, 'sup') as unknown as RootContent];
    }),
  }));

  for (const [identifier, { node, doc }] of definitions) {
    if (!byLabel.has(identifier)) log.report(catalogue.citationUnused(node.label ?? identifier), doc.file, nodePlace(doc, node));
  }
  return { docs: withSlots, citations: { list: [...byLabel.values()], marks } };
}
