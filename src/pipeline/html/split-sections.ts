import type { Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Heading } from './finish-tree.js';

export interface SectionHtml {
  id: string;
  title: string;
  html: string;
}

export interface TocSection {
  id: string;
  title: string;
  children: Array<{ id: string; title: string }>;
}

const render = (nodes: RootContent[]): string => toHtml({ type: 'root', children: nodes }, { allowDangerousHtml: true });

/** Splits the narrative at its `h2` headings: the text before the first is the introduction. */
export function splitSections(tree: Root): { intro: string; sections: SectionHtml[] } {
  const intro: RootContent[] = [];
  const sections: Array<{ id: string; title: string; nodes: RootContent[] }> = [];
  for (const node of tree.children) {
    if (node.type === 'element' && node.tagName === 'h2') {
      sections.push({ id: String(node.properties['id'] ?? ''), title: textOf(node), nodes: [node] });
    } else (sections[sections.length - 1]?.nodes ?? intro).push(node);
  }
  const trimmed = render(intro).trim();
  return { intro: trimmed, sections: sections.map((s) => ({ id: s.id, title: s.title, html: render(s.nodes).trim() })) };
}

function textOf(node: RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** Sections (h2) with their sub-sections (h3) for the table of contents. */
export function tocSections(headings: readonly Heading[]): TocSection[] {
  const toc: TocSection[] = [];
  for (const h of headings) {
    if (h.level === 2) toc.push({ id: h.id, title: h.text, children: [] });
    else if (h.level === 3) toc[toc.length - 1]?.children.push({ id: h.id, title: h.text });
  }
  return toc;
}
