import GithubSlugger from 'github-slugger';
import type { AlignType, BlockContent, FootnoteDefinition, Html, ListItem as MdListItem, Paragraph, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { inlineText, type Block, type Inline, type ListItem, type PublishDocument } from '../document/publish-document.js';
import type { IndexPage } from '../pages/index-page.js';

export interface MarkdownOptions {
  /** Relative link from the page to an asset (`assets/deepseek-moment.pdf`). */
  assetPath: (asset: string) => string;
}

interface Context extends MarkdownOptions {
  /** Footnote names by source number. */
  ids: Map<number, string>;
  /** Heading id (the HTML page's) → the anchor the git wiki gives that heading. */
  anchors: Map<string, string>;
}

const HTML_TAGS = { superscript: 'sup', subscript: 'sub', keyboard: 'kbd' } as const;

/**
 * The briefing as GitHub-flavoured Markdown for git-backed wikis (GitHub, GitLab, Gitea,
 * Gollum): the document model is turned into mdast and printed by `mdast-util-to-markdown`,
 * which owns all escaping. Citations become GFM footnotes named by the authors' labels; figures
 * are images of the uploaded SVG with their numbered caption; every link to a file is relative.
 * In-page links resolve on the wiki: a heading is linked by the anchor the wiki derives from its
 * text (GitHub's slugs), a figure by an `<a id>` placed before it.
 */
export function toMarkdownPage(doc: PublishDocument, options: MarkdownOptions): string {
  const children: RootContent[] = [];
  if (doc.subtitle) children.push(paragraph([{ type: 'emphasis', children: [text(doc.subtitle)] }]));
  if (doc.byline) children.push(paragraph([text(doc.byline)]));
  if (doc.summary) children.push(paragraph([text(doc.summary.replace(/\s+/g, ' ').trim())]));
  if (doc.pdf) children.push(paragraph([{ type: 'link', url: options.assetPath(doc.pdf), children: [text(doc.labels.pdf)] }]));
  const ids = footnoteIds(doc);
  const ctx: Context = { ...options, ids, anchors: headingAnchors(doc.blocks) };
  children.push(...doc.blocks.flatMap((block) => blockNodes(block, doc, ctx)));
  for (const source of doc.sources) {
    const definition: FootnoteDefinition = {
      type: 'footnoteDefinition',
      identifier: ids.get(source.number) ?? String(source.number),
      children: [paragraph(phrasing(source.children, ctx))],
    };
    children.push(definition);
  }
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', rule: '-', fences: true, listItemIndent: 'one' }).normalize('NFC');
}

function blockNodes(block: Block, doc: PublishDocument, ctx: Context): RootContent[] {
  switch (block.type) {
    case 'heading':
      return [{ type: 'heading', depth: block.depth, children: phrasing(block.children, ctx) }];
    case 'paragraph':
      return [paragraph(phrasing(block.children, ctx))];
    case 'list':
      return [
        {
          type: 'list',
          ordered: block.ordered,
          start: block.start,
          spread: false,
          children: block.items.map((item) => listItem(item, doc, ctx)),
        },
      ];
    case 'table': {
      const row = (cells: Inline[][]): TableRow => ({ type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: phrasing(c, ctx) })) });
      const head = block.head.length > 0 ? block.head : block.align.map(() => []);
      const table: RootContent = { type: 'table', align: block.align as AlignType[], children: [row(head), ...block.rows.map(row)] };
      const caption = block.caption ? [paragraph([{ type: 'emphasis', children: phrasing(block.caption, ctx) }])] : [];
      return [...anchorFor(block.id), ...caption, table];
    }
    case 'code':
      return [{ type: 'code', lang: block.lang ?? null, value: block.value }];
    case 'quote':
      return [{ type: 'blockquote', children: block.children.flatMap((b) => blockNodes(b, doc, ctx)) as BlockContent[] }];
    case 'rule':
      return [{ type: 'thematicBreak' }];
    case 'figure':
      return [
        paragraph([
          // GitHub keeps the id (as user-content-…, which its pages resolve `#fig-…` to); so do Gitea and Gollum.
          ...anchorFor(block.id),
          { type: 'image', url: ctx.assetPath(block.asset), alt: block.description.replace(/\s+/g, ' ').trim() },
        ]),
        paragraph([{ type: 'emphasis', children: [text(`${doc.labels.figure} ${block.number}. ${block.caption}`)] }]),
      ];
  }
}

function listItem(item: ListItem, doc: PublishDocument, ctx: Context): MdListItem {
  const node: MdListItem = { type: 'listItem', spread: false, children: item.children.flatMap((b) => blockNodes(b, doc, ctx)) as BlockContent[] };
  if (item.checked !== undefined) node.checked = item.checked;
  return node;
}

function phrasing(nodes: readonly Inline[], ctx: Context): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    switch (node.type) {
      case 'text':
        return [text(node.value)];
      case 'strong':
      case 'emphasis':
      case 'delete':
        return [{ type: node.type, children: phrasing(node.children, ctx) }];
      case 'superscript':
      case 'subscript':
      case 'keyboard': {
        const tag = HTML_TAGS[node.type];
        return [{ type: 'html', value: `<${tag}>` }, ...phrasing(node.children, ctx), { type: 'html', value: `</${tag}>` }];
      }
      case 'code':
        return [{ type: 'inlineCode', value: node.value }];
      case 'break':
        return [{ type: 'break' }];
      case 'link':
        return [{ type: 'link', url: inPageLink(node.href, ctx), children: phrasing(node.children, ctx) }];
      case 'cite':
        return [{ type: 'footnoteReference', identifier: ctx.ids.get(node.number) ?? String(node.number) }];
      case 'image':
        return [{ type: 'image', url: ctx.assetPath(node.asset), alt: node.alt }];
    }
  });
}

/** `#heading-id` → the wiki's anchor for that heading; figure and other anchors stay as they are. */
function inPageLink(href: string, ctx: Context): string {
  if (!href.startsWith('#')) return href;
  const id = decodeURIComponent(href.slice(1));
  return `#${ctx.anchors.get(id) ?? id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The anchors GitHub (and Gitea, GitLab) give headings: slugs of their text, numbered when repeated, in page order. */
function headingAnchors(blocks: readonly Block[]): Map<string, string> {
  const slugger = new GithubSlugger();
  const anchors = new Map<string, string>();
  const visit = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.type === 'heading') anchors.set(block.id, slugger.slug(inlineText(block.children)));
      if (block.type === 'quote') visit(block.children);
    }
  };
  visit(blocks);
  return anchors;
}

/**
 * The index page for a git wiki: a line per published output, newest first, linking its page by
 * name (`[2026-W10 EU](Open-Models-Weekly-2026-W10-EU)`, as GitHub and Gollum link wiki pages).
 */
export function indexMarkdown(index: IndexPage, pageLink: (title: string) => string): string {
  const items: MdListItem[] = index.entries.map((entry) => {
    const content: PhrasingContent[] = [{ type: 'link', url: pageLink(entry.title), children: [text(entry.label || entry.title)] }];
    if (entry.headline) content.push(text(` — ${entry.headline.replace(/\s+/g, ' ').trim()}`));
    return { type: 'listItem', spread: false, children: [paragraph(content)] };
  });
  const root: Root = { type: 'root', children: [{ type: 'list', ordered: false, spread: false, children: items }] };
  return toMarkdown(root, { extensions: [gfmToMarkdown()], bullet: '-', listItemIndent: 'one' }).normalize('NFC');
}

/** Footnote names from the authors' labels, made safe and unique. */
function footnoteIds(doc: PublishDocument): Map<number, string> {
  const ids = new Map<number, string>();
  const used = new Set<string>();
  for (const source of doc.sources) {
    let id = source.label.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || String(source.number);
    if (used.has(id)) id = `${id}-${source.number}`;
    used.add(id);
    ids.set(source.number, id);
  }
  return ids;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });

/**
 * An HTML anchor for a figure or table id, so `[Figure 3](#fig-x)` lands (GitHub keeps ids as
 * `user-content-…` and resolves them). Made safe the way `inPageLink` makes the links to it.
 */
function anchorFor(id: string | undefined): Html[] {
  return id ? [{ type: 'html', value: `<a id="${id.replace(/[^A-Za-z0-9_-]/g, '-')}"></a>` }] : [];
}
