import type GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export interface Heading {
  level: number;
  id: string;
  text: string;
}

const RESOURCE_ATTRIBUTES = ['src', 'srcSet', 'poster', 'data', 'background', 'longDesc'];

/**
 * Final touches on the sanitized tree: stable heading ids (GitHub-style slugs, unique within the
 * briefing), tables wrapped so they scroll on a phone, and any resource that is not a data URI
 * removed (the page must never load anything when opened).
 */
export function finishTree(tree: Root, slugger: GithubSlugger): Heading[] {
  const headings: Heading[] = [];
  visit(tree, 'element', (node: Element, index, parent) => {
    for (const attribute of RESOURCE_ATTRIBUTES) {
      const value = node.properties[attribute];
      if (value !== undefined && !(typeof value === 'string' && value.startsWith('data:'))) delete node.properties[attribute];
    }
    // A code block may scroll sideways on a phone: it must be reachable with the keyboard (WCAG 2.1.1).
    if (node.tagName === 'pre') node.properties['tabIndex'] = 0;
    const level = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (level) {
      const text = toString(node).trim();
      const id = slugger.slug(text || 'section');
      node.properties['id'] = id;
      headings.push({ level: Number(level), id, text });
    }
    if (node.tagName === 'table' && parent && index !== undefined && !(parent.type === 'element' && parent.properties['className']?.toString() === 'table-wrap')) {
      // focusable, so a table that scrolls sideways on a phone can be scrolled with the keyboard
      const wrap: Element = { type: 'element', tagName: 'div', properties: { className: ['table-wrap'], tabIndex: 0 }, children: [node] };
      parent.children.splice(index, 1, wrap);
      return 'skip';
    }
    return undefined;
  });
  return headings;
}
