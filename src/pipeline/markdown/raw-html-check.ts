import type { Html } from 'mdast';
import { visit } from 'unist-util-visit';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import { allowedElements } from '../html/sanitize-schema.js';
import type { ProseDocument } from './prose-document.js';

/**
 * Warns, at its place, about raw HTML the sanitizer will remove with its content (`<style>`,
 * `<script>`, `<font>`, custom elements…), so nothing disappears from the page unannounced.
 */
export function reportRemovedHtml(doc: ProseDocument, log: MessageLog): void {
  visit(doc.tree, 'html', (node: Html) => {
    const start = node.position?.start.offset;
    for (const tag of node.value.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)) {
      const name = (tag[1] ?? '').toLowerCase();
      if (allowedElements.has(name)) continue;
      log.report(catalogue.htmlRemoved(name), doc.file, start === undefined ? undefined : doc.placeOf(start + (tag.index ?? 0)));
    }
  });
}
