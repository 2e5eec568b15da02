import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { nodePlace, type ProseDocument } from '../../pipeline/markdown/prose-document.js';
import { catalogue, type MessageTemplate } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';

interface Located<T> {
  doc: ProseDocument;
  node: T;
}

/**
 * Outline problems, across all narrative files in reading order (a `##` at the end of brief.md
 * may get its content from the start of sections/01-….md, as in the page):
 * - a `##` section with nothing but headings before the next `##`;
 * - a heading that skips a level (`##` → `####`). Text before the first `##` sits under the
 *   template's "Key findings" h2, so the outline starts at level 2.
 */
export function checkSectionStructure(docs: readonly ProseDocument[], log: MessageLog): void {
  const report = (t: MessageTemplate, { doc, node }: Located<Heading>) => log.report(t, doc.file, nodePlace(doc, node));

  let open: Located<Heading> | undefined;
  let openHasContent = true;
  const close = () => {
    if (open && !openHasContent) report(catalogue.sectionEmpty(toString(open.node).trim()), open);
  };
  for (const doc of docs) {
    for (const node of doc.tree.children) {
      if (node.type === 'heading' && node.depth === 2) {
        close();
        open = { doc, node };
        openHasContent = false;
      } else if (isContent(node)) openHasContent = true;
    }
  }
  close();

  let previous = 2;
  for (const doc of docs) {
    visit(doc.tree, 'heading', (node: Heading) => {
      if (node.depth > previous + 1) report(catalogue.headingSkip(previous, node.depth), { doc, node });
      previous = node.depth;
    });
  }
}

/** What shows in the page: not headings, link definitions or HTML comments. */
function isContent(node: RootContent): boolean {
  if (node.type === 'heading' || node.type === 'definition' || node.type === 'footnoteDefinition') return false;
  if (node.type === 'html') return node.value.replace(/<!--[\s\S]*?-->/g, '').trim() !== '';
  return true;
}
