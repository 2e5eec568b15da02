import type { FootnoteDefinition, FootnoteReference, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import { nodePlace, type ProseDocument } from './prose-document.js';
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
 * briefing; definitions leave the text and feed the Sources section.
 */
export function collectCitations(docs: readonly ProseDocument[], slotPrefix: string, log: MessageLog): Citations {
  const definitions = new Map<string, { node: FootnoteDefinition; doc: ProseDocument }>();
  for (const doc of docs) {
    visit(doc.tree, 'footnoteDefinition', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const stub = (node.position?.start.offset ?? 0) >= doc.markdown.length;
      if (stub) {
        parent.children.splice(index, 1);
        return index;
      }
      if (definitions.has(node.identifier)) {
        log.report(catalogue.citationDuplicate(node.label ?? node.identifier), doc.file, nodePlace(doc, node));
      } else definitions.set(node.identifier, { node, doc });
      parent.children.splice(index, 1);
      return index;
    });
  }

  const byLabel = new Map<string, Citation>();
  const marks: CitationMark[] = [];
  for (const doc of docs) {
    visit(doc.tree, 'footnoteReference', (node: FootnoteReference, index, parent) => {
      if (!parent || index === undefined) return;
      const definition = definitions.get(node.identifier);
      if (!definition) {
        log.report(catalogue.citationUndefined(node.label ?? node.identifier), doc.file, nodePlace(doc, node));
        parent.children.splice(index, 1);
        return index;
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
      parent.children.splice(index, 1, slotNode(slot, 'sup') as unknown as RootContent);
      return index + 1;
    });
  }

  for (const [identifier, { node, doc }] of definitions) {
    if (!byLabel.has(identifier)) log.report(catalogue.citationUnused(node.label ?? identifier), doc.file, nodePlace(doc, node));
  }
  return { list: [...byLabel.values()], marks };
}
