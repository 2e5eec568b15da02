import type { Paragraph, Parent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { closest } from '../../messages/closest.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { ProseDocument } from './prose-document.js';

/**
 * Cross-references, written `@fig-trend` or `@tbl-sales` (the Quarto convention): the `fig-` or
 * `tbl-` prefix keeps e-mail addresses and @mentions out. Each becomes a link reading "Figure 3" /
 * "Table 1", numbered like the captions, in the page, the PDF and every wiki format.
 *
 * A table gets a number, a caption and an id from the paragraph right after it:
 * `Table: Downloads by origin {#tbl-origin}` (the id is optional).
 */
export const REFERENCE = /(?<![\w@.])@((?:fig|tbl)-[\w-]*\w)/g;
export const TABLE_CAPTION = /^Table:\s*([\s\S]*?)\s*(?:\{#([A-Za-z][\w-]*)\})?\s*$/;

export interface CrossReferences {
  /** Id → the text a reference to it reads ("Figure 3", "Table 1"). */
  targets: ReadonlyMap<string, string>;
  /** Captioned tables in reading order. */
  tables: ReadonlyArray<{ number: number; id: string | undefined }>;
  /** Words for captions ("Table"). */
  tableLabel: string;
}

export interface ReferenceLabels {
  figure: string;
  table: string;
}

/** Numbers captioned tables, collects what `@…` can name, and reports references to nothing at their place. */
export function collectCrossReferences(
  docs: readonly ProseDocument[],
  figures: ReadonlyArray<{ id?: string | undefined; number: number }>,
  labels: ReferenceLabels,
  log: MessageLog,
): CrossReferences {
  const targets = new Map<string, string>();
  for (const figure of figures) if (figure.id) targets.set(figure.id, `${labels.figure} ${figure.number}`);
  const tables: Array<{ number: number; id: string | undefined }> = [];
  for (const doc of docs) {
    visit(doc.tree, 'table', (_node, index, parent: Parent | undefined) => {
      const next = index === undefined ? undefined : parent?.children[index + 1];
      const caption = next?.type === 'paragraph' ? tableCaption(next) : undefined;
      if (!caption) return;
      const number = tables.length + 1;
      tables.push({ number, id: caption.id });
      if (caption.id) targets.set(caption.id, `${labels.table} ${number}`);
    });
  }
  for (const doc of docs) {
    visit(doc.tree, (node) => {
      if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'link' || node.type === 'linkReference') return SKIP;
      if (node.type !== 'text') return undefined;
      const text = node as Text;
      for (const m of text.value.matchAll(REFERENCE)) {
        const id = m[1] ?? '';
        if (targets.has(id)) continue;
        const start = text.position?.start.offset;
        const place = start === undefined ? undefined : doc.placeOf(start + m.index);
        log.report(catalogue.xrefUnknown(id, [...targets.keys()], closest(id, targets.keys())), doc.file, place);
      }
      return undefined;
    });
  }
  return { targets, tables, tableLabel: labels.table };
}

/** `Table: caption {#tbl-id}` → the caption's id; undefined if the paragraph is not a caption. */
export function tableCaption(paragraph: Paragraph): { id: string | undefined } | undefined {
  const m = TABLE_CAPTION.exec(toString(paragraph));
  return m ? { id: m[2] } : undefined;
}
