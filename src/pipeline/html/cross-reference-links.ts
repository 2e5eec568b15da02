import type { Element, ElementContent, Parents, Root, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import { REFERENCE, TABLE_CAPTION, type CrossReferences } from '../markdown/cross-references.js';

/**
 * Runs on the sanitized tree. Table captions (`Table: … {#tbl-id}` after a table) move into the
 * table as a numbered `<caption>` with the id on the table; `@fig-…`/`@tbl-…` in text become links
 * reading "Figure 3". Unknown references were reported by the markdown stage and stay text.
 */
export function linkCrossReferences(tree: Root, references: CrossReferences): void {
  let table = 0;
  const visit = (parent: Parents): void => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i];
      if (child?.type !== 'element') continue;
      if (child.tagName === 'table') {
        const captionAt = nextElementIndex(parent.children, i);
        const paragraph = captionAt === undefined ? undefined : parent.children[captionAt];
        if (paragraph?.type === 'element' && paragraph.tagName === 'p' && TABLE_CAPTION.test(toString(paragraph))) {
          const info = references.tables[table++];
          if (info) addCaption(child, paragraph, info.number, info.id, references.tableLabel);
          parent.children.splice(i + 1, (captionAt ?? i) - i);
        }
      }
      if (['a', 'code', 'pre', 'script', 'style'].includes(child.tagName)) continue;
      child.children = child.children.flatMap((node): ElementContent[] => (node.type === 'text' ? linkText(node, references) : [node]));
      visit(child);
    }
  };
  tree.children = tree.children.flatMap((node): Root['children'] => (node.type === 'text' ? linkText(node, references) : [node]));
  visit(tree);
}

function nextElementIndex(nodes: Parents['children'], from: number): number | undefined {
  for (let j = from + 1; j < nodes.length; j++) {
    const node = nodes[j];
    if (node?.type === 'element') return j;
    if (node?.type === 'text' && node.value.trim() !== '') return undefined;
  }
  return undefined;
}

function addCaption(table: Element, paragraph: Element, number: number, id: string | undefined, label: string): void {
  const children = [...paragraph.children];
  const first = children[0];
  if (first?.type === 'text') children[0] = { ...first, value: first.value.replace(/^Table:\s*/, '') };
  const lastIndex = children.length - 1;
  const last = children[lastIndex];
  if (last?.type === 'text') children[lastIndex] = { ...last, value: last.value.replace(/\s*\{#[A-Za-z][\w-]*\}\s*$/, '') };
  const labelSpan: Element = { type: 'element', tagName: 'span', properties: { className: ['table-label'] }, children: [{ type: 'text', value: `${label} ${number}.` }] };
  const caption: Element = { type: 'element', tagName: 'caption', properties: {}, children: [labelSpan, { type: 'text', value: ' ' }, ...(children as ElementContent[])] };
  table.children.unshift(caption);
  if (id) table.properties['id'] = id;
}

function linkText(node: Text, references: CrossReferences): ElementContent[] {
  const out: ElementContent[] = [];
  let at = 0;
  for (const m of node.value.matchAll(REFERENCE)) {
    const id = m[1] ?? '';
    const text = references.targets.get(id);
    if (text === undefined) continue;
    if (m.index > at) out.push({ type: 'text', value: node.value.slice(at, m.index) });
    out.push({ type: 'element', tagName: 'a', properties: { href: `#${id}`, className: ['xref'] }, children: [{ type: 'text', value: text }] });
    at = m.index + m[0].length;
  }
  if (at === 0) return [node];
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}
