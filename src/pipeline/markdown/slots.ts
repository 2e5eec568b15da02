import type { Node } from 'unist';

/**
 * A slot is a placeholder element that survives sanitizing and is later filled with trusted
 * markup (a rendered figure, a citation link). Slot names carry a per-build random prefix, so
 * raw HTML in the content cannot forge one.
 */
export const SLOT_ATTRIBUTE = 'dataBriefSlot';

export interface SlotNode extends Node {
  type: 'briefSlot';
  data: { hName: string; hProperties: Record<string, string>; hChildren: [] };
}

export function slotNode(slot: string, tagName: 'div' | 'sup'): SlotNode {
  return { type: 'briefSlot', data: { hName: tagName, hProperties: { [SLOT_ATTRIBUTE]: slot }, hChildren: [] } };
}
