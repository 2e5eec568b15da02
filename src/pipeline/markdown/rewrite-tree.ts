import type { Parent, Root, RootContent } from 'mdast';

/** Nodes that take a node's place (none removes it); undefined keeps the node and looks inside it. */
export type Replacement = readonly RootContent[] | undefined;

/**
 * A copy of `tree` in which `replace` may swap any node for others. Nodes are offered in document
 * order, as unist-util-visit walks them; a replaced node's children are not offered. The input is
 * never changed: untouched subtrees are shared with it, and every changed parent is a new object.
 */
export function rewriteTree(tree: Root, replace: (node: RootContent) => Replacement): Root {
  return rewriteChildren(tree, replace);
}

function rewriteChildren<T extends Root | Parent>(parent: T, replace: (node: RootContent) => Replacement): T {
  let changed = false;
  const children: RootContent[] = [];
  for (const child of parent.children as readonly RootContent[]) {
    const replacement = replace(child);
    if (replacement) {
      children.push(...replacement);
      changed = true;
      continue;
    }
    const next = 'children' in child ? rewriteChildren(child, replace) : child;
    if (next !== child) changed = true;
    children.push(next);
  }
  return changed ? { ...parent, children } : parent;
}
