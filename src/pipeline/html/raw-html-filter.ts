import type { Element, Parents, Root, RootContent } from 'hast';

/**
 * Elements whose content the HTML parser reads as raw text (script, style, xmp, iframe, noembed,
 * noframes, plaintext; textarea and title as RCDATA), plus noscript and template. Their text is
 * never prose: the sanitizer removes them whole (`strip`), content included.
 */
export const RAW_TEXT_ELEMENTS = ['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'template'];

const OPEN = new RegExp(`<(${RAW_TEXT_ELEMENTS.join('|')})\\b[^>]*>`, 'gi');
const CLOSED = new RegExp(`<(${RAW_TEXT_ELEMENTS.join('|')})\\b[^>]*>[\\s\\S]*?<\\/\\1\\s*>`, 'gi');

/**
 * GFM's tag filter, made strict: runs on the `raw` nodes (HTML as written) before they are parsed.
 * A raw-text element closed where it opens is removed with its content. One left open would make
 * the parser swallow everything after it as text (`<title>` eating the following blocks), so its
 * opening tag is removed — unless, inside a paragraph or other inline container, a later raw node
 * closes it (`a <textarea>x</textarea> b`), which the sanitizer then strips whole.
 */
export function filterRawText(tree: Root): void {
  const visit = (parent: Parents): void => {
    parent.children.forEach((child, index) => {
      if (child.type === 'raw') child.value = filterRaw(child.value, parent, index);
      else if ('children' in child) visit(child);
    });
  };
  visit(tree);
}

function filterRaw(value: string, parent: Parents, index: number): string {
  const kept = value.replace(CLOSED, '');
  return kept.replace(OPEN, (tag, name: string) => (parent.type !== 'root' && closedLater(parent.children, index, name) ? tag : ''));
}

function closedLater(siblings: readonly RootContent[], index: number, name: string): boolean {
  const close = new RegExp(`</${name}\\s*>`, 'i');
  return siblings.slice(index + 1).some((n) => n.type === 'raw' && close.test(n.value));
}

/** Removes, with their content, elements the sanitizer does not allow (it would keep their text). */
export function dropUnknownElements(tree: Root, allowed: ReadonlySet<string>): void {
  const visit = (parent: Parents): void => {
    parent.children = parent.children.filter((child) => child.type !== 'element' || allowed.has(child.tagName)) as typeof parent.children;
    for (const child of parent.children) if ('children' in child) visit(child as Element);
  };
  visit(tree);
}
