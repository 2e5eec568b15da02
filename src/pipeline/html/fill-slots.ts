import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { SLOT_ATTRIBUTE } from '../markdown/slots.js';

/** What goes into a slot: trusted HTML (a rendered figure) or an element (a citation mark). */
export type SlotFill = { html: string } | { element: Element };

/** Replaces every slot with its fill; slots with no fill (a failed chart) disappear. */
export function fillSlots(tree: Root, fills: ReadonlyMap<string, SlotFill>): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    const slot = node.properties[SLOT_ATTRIBUTE];
    if (typeof slot !== 'string' || !parent || index === undefined) return;
    const fill = fills.get(slot);
    const replacement: ElementContent[] = !fill
      ? []
      : 'html' in fill
        ? [{ type: 'raw', value: fill.html } as unknown as ElementContent]
        : [fill.element];
    parent.children.splice(index, 1, ...replacement);
    return index + replacement.length;
  });
}

/** `<sup class="cite"><a href="#src-3" id="cite-3-1">[3]</a></sup>` */
export function citationMark(number: number, refId: string, label: string): Element {
  return {
    type: 'element',
    tagName: 'sup',
    properties: { className: ['cite'] },
    children: [
      {
        type: 'element',
        tagName: 'a',
        properties: { href: `#src-${number}`, id: refId, ariaLabel: `${label} ${number}` },
        children: [{ type: 'text', value: `[${number}]` }],
      },
    ],
  };
}
