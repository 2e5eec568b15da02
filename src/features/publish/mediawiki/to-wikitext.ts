import { inlineText, type Block, type Inline, type ListItem, type PublishDocument } from '../document/publish-document.js';
import { escapeAttribute, escapeLineStart, escapePre, escapeUrl, escapeWikitext } from './wikitext-escape.js';

export interface WikitextOptions {
  /** The wiki's name for an asset (`deepseek-moment.pdf` → `Deepseek-moment.pdf`). */
  fileName: (asset: string) => string;
}

interface Context extends WikitextOptions {
  doc: PublishDocument;
  /** Heading id → heading text, for `[[#Heading|…]]` links. */
  headings: Map<string, string>;
  refNames: Map<number, string>;
  refsWritten: Set<number>;
}

const INLINE_TAGS = { delete: 's', superscript: 'sup', subscript: 'sub', keyboard: 'kbd' } as const;

/** The print page's text width in CSS pixels, for a chart whose width is not known. */
const CHART_WIDTH = 640;
/** Wider charts would run past the content column of MediaWiki's skins. */
const MAX_CHART_WIDTH = 800;

/**
 * The briefing as wikitext: cover lines, the PDF link, the narrative, and a sources section.
 * Citations become `<ref name="label">` (the note at its first use, `<ref name="label" />`
 * after) collected by `<references />`; figures become `[[File:…|thumb|center|640px|caption|alt=…]]`.
 * Deterministic, and stable under MediaWiki's save transform (NFC, no trailing whitespace), so
 * the text read back equals the text sent and a re-publish compares equal.
 */
export function toWikitext(doc: PublishDocument, options: WikitextOptions): string {
  const ctx: Context = { ...options, doc, headings: new Map(), refNames: refNames(doc), refsWritten: new Set() };
  collectHeadings(doc.blocks, ctx.headings);
  const parts: string[] = [];
  if (doc.subtitle) parts.push(`''${escapeWikitext(doc.subtitle)}''`);
  if (doc.byline) parts.push(escapeLineStart(escapeWikitext(doc.byline)));
  if (doc.summary) parts.push(escapeLineStart(escapeWikitext(doc.summary.replace(/\s+/g, ' ').trim())));
  if (doc.pdf) parts.push(`[[Media:${ctx.fileName(doc.pdf)}|${escapeWikitext(doc.labels.pdf)}]]`);
  parts.push(...doc.blocks.map((block) => blockText(block, ctx)).filter((text) => text !== ''));
  if (doc.sources.length > 0) parts.push(`== ${escapeHeading(doc.labels.sources)} ==\n<references />`);
  return parts.join('\n\n').normalize('NFC').replace(/[ \t]+$/gm, '').trim();
}

function blockText(block: Block, ctx: Context): string {
  switch (block.type) {
    case 'heading': {
      const marks = '='.repeat(block.depth);
      return `${marks} ${escapeHeading(inlineText(block.children))} ${marks}`;
    }
    case 'paragraph':
      return escapeLineStart(inlines(block.children, ctx));
    case 'list':
      return listLines(block.items, block.ordered ? '#' : '*', ctx).join('\n');
    case 'table':
      return tableText(block, ctx);
    case 'code':
      return `<pre>${escapePre(block.value)}</pre>`;
    case 'quote':
      return `<blockquote>\n${block.children.map((b) => blockText(b, ctx)).join('\n\n')}\n</blockquote>`;
    case 'rule':
      return '----';
    case 'figure': {
      const caption = `${escapeWikitext(`${ctx.doc.labels.figure} ${block.number}.`)} ${escapeWikitext(block.caption)}`;
      const alt = escapeWikitext(block.description.replace(/\s+/g, ' ').trim());
      // Shown at the chart's own width (drawn for the print page's text width), centred like the
      // HTML page shows it, not as a 300 px thumbnail; a click still opens the SVG's file page.
      const width = Math.min(block.width ?? CHART_WIDTH, MAX_CHART_WIDTH);
      return `<span id="${escapeAttribute(block.id)}"></span>[[File:${ctx.fileName(block.asset)}|thumb|center|${width}px|${caption}|alt=${alt}]]`;
    }
  }
}

/** `* item`, `** nested`, `#* mixed`; a list item's further paragraphs follow a line break. */
function listLines(items: readonly ListItem[], prefix: string, ctx: Context): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const box = item.checked === undefined ? '' : item.checked ? '☑ ' : '☐ ';
    const text: string[] = [];
    const nested: string[] = [];
    for (const child of item.children) {
      if (child.type === 'list') nested.push(...listLines(child.items, prefix + (child.ordered ? '#' : '*'), ctx));
      else text.push(child.type === 'paragraph' ? inlines(child.children, ctx) : escapeWikitext(blockPlainText(child)));
    }
    lines.push(`${prefix} ${box}${text.join('<br />')}`.trimEnd(), ...nested);
  }
  return lines;
}

function tableText(block: Extract<Block, { type: 'table' }>, ctx: Context): string {
  const cell = (mark: '!' | '|', content: Inline[], i: number) => {
    const align = block.align[i];
    const attrs = align ? ` style="text-align:${align}" |` : '';
    return `${mark}${attrs} ${inlines(content, ctx)}`.trimEnd();
  };
  const lines = [`{| class="wikitable"${block.id ? ` id="${escapeAttribute(block.id)}"` : ''}`];
  if (block.caption) lines.push(`|+ ${inlines(block.caption, ctx)}`);
  if (block.head.length > 0) lines.push(...block.head.map((c, i) => cell('!', c, i)));
  for (const row of block.rows) lines.push('|-', ...row.map((c, i) => cell('|', c, i)));
  lines.push('|}');
  return lines.join('\n');
}

function inlines(nodes: readonly Inline[], ctx: Context): string {
  return nodes.map((node) => inline(node, ctx)).join('');
}

function inline(node: Inline, ctx: Context): string {
  switch (node.type) {
    case 'text':
      return escapeWikitext(node.value);
    case 'strong':
      return wrapped("'''", inlines(node.children, ctx));
    case 'emphasis':
      return wrapped("''", inlines(node.children, ctx));
    case 'delete':
    case 'superscript':
    case 'subscript':
    case 'keyboard': {
      const tag = INLINE_TAGS[node.type];
      return `<${tag}>${inlines(node.children, ctx)}</${tag}>`;
    }
    case 'code':
      return `<code>${escapeWikitext(node.value)}</code>`;
    case 'break':
      return '<br />';
    case 'link':
      return linkText(node, ctx);
    case 'cite':
      return citeText(node.number, ctx);
    case 'image':
      return `[[File:${ctx.fileName(node.asset)}|alt=${escapeWikitext(node.alt)}]]`;
  }
}

function wrapped(marks: string, content: string): string {
  return content === '' ? '' : `${marks}${content}${marks}`;
}

function linkText(node: Extract<Inline, { type: 'link' }>, ctx: Context): string {
  const label = inlines(node.children, ctx);
  if (node.href.startsWith('#')) {
    const id = decodeURIComponent(node.href.slice(1));
    const anchor = ctx.headings.get(id) ?? id;
    return `[[#${escapeWikitext(anchor)}|${label || escapeWikitext(anchor)}]]`;
  }
  return `[${escapeUrl(node.href)}${label ? ` ${label}` : ''}]`;
}

/** The note goes in the first `<ref>`; later marks of the same source reuse its name. */
function citeText(number: number, ctx: Context): string {
  const name = escapeAttribute(ctx.refNames.get(number) ?? `src-${number}`);
  const source = ctx.doc.sources.find((s) => s.number === number);
  if (ctx.refsWritten.has(number) || !source) return `<ref name="${name}" />`;
  ctx.refsWritten.add(number);
  return `<ref name="${name}">${inlines(source.children, ctx)}</ref>`;
}

/** Reference names from the authors' footnote labels; MediaWiki refuses purely numeric ones. */
function refNames(doc: PublishDocument): Map<number, string> {
  const names = new Map<number, string>();
  const used = new Set<string>();
  for (const source of doc.sources) {
    let name = source.label.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
    if (name === '' || /^\d+$/.test(name)) name = `src-${source.number}`;
    if (used.has(name)) name = `${name}-${source.number}`;
    used.add(name);
    names.set(source.number, name);
  }
  return names;
}

function collectHeadings(blocks: readonly Block[], into: Map<string, string>): void {
  for (const block of blocks) {
    if (block.type === 'heading') into.set(block.id, inlineText(block.children));
    if (block.type === 'quote') collectHeadings(block.children, into);
  }
}

/** `=` at either end would change the heading level; links and tags are not wanted in a title. */
function escapeHeading(text: string): string {
  return escapeWikitext(text).replace(/=/g, '&#61;');
}

function blockPlainText(block: Block): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return inlineText(block.children);
    case 'code':
      return block.value;
    case 'figure':
      return block.caption;
    default:
      return '';
  }
}
