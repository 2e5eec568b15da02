import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { SLOT_ATTRIBUTE } from '../../../pipeline/markdown/slots.js';
import type { Align, Block, Inline, ListItem } from './publish-document.js';

export type SlotFill = { figure: string } | { citation: number };

export interface FigureInfo {
  id: string;
  number: number;
  caption: string;
  description: string;
  asset: string;
  width: number | undefined;
}

export interface HastContext {
  slots: ReadonlyMap<string, SlotFill>;
  figures: ReadonlyMap<string, FigureInfo>;
  /** Publishes an embedded image (a data URI) as a file; returns its asset name. */
  image: (dataUri: string) => string | undefined;
}

type Node = RootContent | ElementContent;

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul',
]);
const INLINE_WRAPPERS: Record<string, 'strong' | 'emphasis' | 'delete' | 'superscript' | 'subscript' | 'keyboard'> = {
  strong: 'strong', b: 'strong', em: 'emphasis', i: 'emphasis', del: 'delete', s: 'delete', strike: 'delete',
  sup: 'superscript', sub: 'subscript', kbd: 'keyboard',
};

/**
 * The sanitized narrative tree (heading ids set, slots unfilled) → blocks. Phrasing content that
 * sits directly in a container (a tight list item, a `<details>`) becomes a paragraph.
 */
export function blocksFromHast(parent: Root | Element, ctx: HastContext): Block[] {
  const blocks: Block[] = [];
  let pending: Node[] = [];
  const flush = () => {
    const children = trimInlines(inlinesFromHast(pending, ctx));
    if (children.length > 0) blocks.push({ type: 'paragraph', children });
    pending = [];
  };
  for (const node of parent.children) {
    if (node.type === 'element' && (BLOCK_TAGS.has(node.tagName) || slotOf(node, ctx)?.kind === 'figure')) {
      flush();
      blocks.push(...blockFromElement(node, ctx));
    } else if (node.type === 'text' || node.type === 'element') pending.push(node);
  }
  flush();
  return blocks;
}

function blockFromElement(node: Element, ctx: HastContext): Block[] {
  const slot = slotOf(node, ctx);
  if (slot?.kind === 'figure') return [{ type: 'figure', ...slot.figure }];
  const heading = /^h([1-6])$/.exec(node.tagName)?.[1];
  if (heading) {
    const depth = Number(heading) as 1 | 2 | 3 | 4 | 5 | 6;
    return [{ type: 'heading', depth, id: String(node.properties['id'] ?? ''), children: trimInlines(inlinesFromHast(node.children, ctx)) }];
  }
  switch (node.tagName) {
    case 'p': {
      const children = trimInlines(inlinesFromHast(node.children, ctx));
      return children.length > 0 ? [{ type: 'paragraph', children }] : [];
    }
    case 'ul':
    case 'ol':
      return [listFromElement(node, ctx)];
    case 'table':
      return [tableFromElement(node, ctx)];
    case 'pre': {
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      const lang = classNames(code).find((c) => c.startsWith('language-'))?.slice('language-'.length);
      return [{ type: 'code', lang, value: toString(node).replace(/\n$/, '') }];
    }
    case 'blockquote':
      return [{ type: 'quote', children: blocksFromHast(node, ctx) }];
    case 'hr':
      return [{ type: 'rule' }];
    default:
      return blocksFromHast(node, ctx);
  }
}

function listFromElement(node: Element, ctx: HastContext): Block {
  const items: ListItem[] = [];
  for (const child of node.children) {
    if (child.type !== 'element' || child.tagName !== 'li') continue;
    const checkbox = findCheckbox(child);
    const item: ListItem = { children: blocksFromHast(child, ctx) };
    if (checkbox) item.checked = checkbox.properties['checked'] === true;
    items.push(item);
  }
  const start = Number(node.properties['start'] ?? 1);
  return { type: 'list', ordered: node.tagName === 'ol', start: Number.isInteger(start) ? start : 1, items };
}

function findCheckbox(li: Element): Element | undefined {
  for (const child of li.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'input' && child.properties['type'] === 'checkbox') return child;
    if (child.tagName === 'p') return findCheckbox(child);
  }
  return undefined;
}

function tableFromElement(node: Element, ctx: HastContext): Block {
  const rows: Element[] = [];
  const collect = (parent: Element) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') rows.push(child);
      else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) collect(child);
    }
  };
  collect(node);
  const cellsOf = (row: Element) => row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
  const first = rows[0];
  const headed = first !== undefined && cellsOf(first).every((c) => c.tagName === 'th');
  const headRow = headed && first ? cellsOf(first) : [];
  const bodyRows = (headed ? rows.slice(1) : rows).map(cellsOf);
  const widest = Math.max(headRow.length, ...bodyRows.map((r) => r.length));
  const align: Align[] = Array.from({ length: widest }, (_, i) => alignOf(headRow[i] ?? bodyRows.find((r) => r[i])?.[i]));
  const cell = (c: Element) => trimInlines(inlinesFromHast(c.children, ctx));
  const caption = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
  const id = node.properties['id'];
  return {
    type: 'table', align, head: headRow.map(cell), rows: bodyRows.map((r) => r.map(cell)),
    ...(caption ? { caption: trimInlines(inlinesFromHast(caption.children, ctx)) } : {}),
    ...(typeof id === 'string' ? { id } : {}),
  };
}

function alignOf(cell: Element | undefined): Align {
  const value = cell?.properties['align'] ?? /text-align:\s*(left|right|center)/.exec(String(cell?.properties['style'] ?? ''))?.[1];
  return value === 'left' || value === 'right' || value === 'center' ? value : null;
}

/** Phrasing content → inlines; whitespace collapses as a browser would show it. */
export function inlinesFromHast(nodes: readonly Node[], ctx: HastContext): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') out.push({ type: 'text', value: node.value.replace(/[ \t\r\n]+/g, ' ') });
    else if (node.type === 'element') out.push(...inlineFromElement(node, ctx));
  }
  return mergeText(out);
}

function inlineFromElement(node: Element, ctx: HastContext): Inline[] {
  const slot = slotOf(node, ctx);
  if (slot?.kind === 'citation') return [{ type: 'cite', number: slot.number }];
  const wrapper = INLINE_WRAPPERS[node.tagName];
  if (wrapper) return [{ type: wrapper, children: inlinesFromHast(node.children, ctx) }];
  switch (node.tagName) {
    case 'code':
      return [{ type: 'code', value: toString(node) }];
    case 'br':
      return [{ type: 'break' }];
    case 'input':
      return [];
    case 'img': {
      const src = String(node.properties['src'] ?? '');
      const asset = src.startsWith('data:') ? ctx.image(src) : undefined;
      return asset ? [{ type: 'image', asset, alt: String(node.properties['alt'] ?? '') }] : [];
    }
    case 'a': {
      const href = String(node.properties['href'] ?? '');
      const children = inlinesFromHast(node.children, ctx);
      return /^(https?:|mailto:|#.)/i.test(href) ? [{ type: 'link', href, children }] : children;
    }
    default:
      return inlinesFromHast(node.children, ctx);
  }
}

type ResolvedSlot = { kind: 'figure'; figure: FigureInfo } | { kind: 'citation'; number: number };

function slotOf(node: Element, ctx: HastContext): ResolvedSlot | undefined {
  const name = node.properties[SLOT_ATTRIBUTE];
  const fill = typeof name === 'string' ? ctx.slots.get(name) : undefined;
  if (!fill) return undefined;
  if ('citation' in fill) return { kind: 'citation', number: fill.citation };
  const figure = ctx.figures.get(fill.figure);
  return figure ? { kind: 'figure', figure } : undefined;
}

function classNames(node: Element | undefined): string[] {
  const value = node?.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

function mergeText(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of inlines) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + node.value };
    else out.push(node);
  }
  return out;
}

/** Drops leading and trailing spaces of a block's inlines (and around line breaks). */
export function trimInlines(inlines: Inline[]): Inline[] {
  const out = inlines.map((node, i) => {
    if (node.type !== 'text') return node;
    let value = node.value;
    if (i === 0 || inlines[i - 1]?.type === 'break') value = value.replace(/^ +/, '');
    if (i === inlines.length - 1 || inlines[i + 1]?.type === 'break') value = value.replace(/ +$/, '');
    return { type: 'text' as const, value };
  });
  return out.filter((node) => node.type !== 'text' || node.value !== '');
}
