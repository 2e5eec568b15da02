import type { Root, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';

/**
 * remark-directive reads `note:important` or `10:30am`-like prose as a text directive. Briefings
 * define no text directives, so each one goes back to the text it was written as.
 */
export function restoreTextDirectives(tree: Root, markdown: string): void {
  visit(tree, 'textDirective', (node: TextDirective, index, parent) => {
    if (!parent || index === undefined) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const value = start !== undefined && end !== undefined ? markdown.slice(start, end) : `:${node.name}`;
    const text: Text = { type: 'text', value };
    if (node.position) text.position = node.position;
    parent.children.splice(index, 1, text);
  });
}
