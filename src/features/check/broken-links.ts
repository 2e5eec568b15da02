import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { nodePlace, type ProseDocument } from '../../pipeline/markdown/prose-document.js';
import { catalogue } from '../../messages/catalogue.js';
import { closest } from '../../messages/closest.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { Place } from '../../messages/message.js';

/** `href="#…"` in raw HTML the author wrote inside the Markdown. */
const RAW_HREF = /\shref\s*=\s*(["'])#([^"']*)\1/gi;

/**
 * Every in-page link (`[x](#id)`, a `[ref]: #id` definition, or raw `<a href="#id">`) must land
 * on an id the finished page has. A link to nowhere is silent in a browser, so it is an error.
 */
export function checkLinks(docs: readonly ProseDocument[], ids: ReadonlySet<string>, log: MessageLog): void {
  const check = (doc: ProseDocument, fragment: string, place: Place | undefined) => {
    const id = decodeFragment(fragment);
    if (id === '' || ids.has(id)) return;
    log.report(catalogue.linkBroken(`#${fragment}`, closest(id, ids)), doc.file, place);
  };
  for (const doc of docs) {
    visit(doc.tree, (node: Node & { url?: string; value?: string }) => {
      if ((node.type === 'link' || node.type === 'definition') && node.url?.startsWith('#')) {
        check(doc, node.url.slice(1), nodePlace(doc, node));
      } else if (node.type === 'html' && node.value !== undefined) {
        const start = node.position?.start.offset;
        for (const m of node.value.matchAll(RAW_HREF)) {
          const place = start === undefined ? undefined : doc.placeOf(start + m.index + m[0].indexOf('href'));
          check(doc, m[2] ?? '', place);
        }
      }
    });
  }
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
