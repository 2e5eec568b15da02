import type { AlignType, BlockContent, FootnoteDefinition, ListItem as MdListItem, Paragraph, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Block, Inline, ListItem, PublishDocument } from '../document/publish-document.js';

export interface MarkdownOptions {
  /** Relative link from the page to an asset (`assets/deepseek-moment.pdf`). */
  assetPath: (asset: string) => string;
}

const HTML_TAGS = { superscript: 'sup', subscript: 'sub', keyboard: 'kbd' } as const;

/**
 * The briefing as GitHub-flavoured Markdown for git-backed wikis (GitHub, GitLab, Gitea,
 * Gollum): the document model is turned into mdast and printed by `mdast-util-to-markdown`,
 * which owns all escaping. Citations become GFM footnotes named by the authors' labels; figures
 * are images of the uploaded SVG with their numbered caption; every link to a file is relative.
 */
export function toMarkdownPage(doc: PublishDocument, options: MarkdownOptions): string {
  const children: RootContent[] = [];
  if (doc.subtitle) children.push(paragraph([{ type: 'emphasis', children: [text(doc.subtitle)] }]));
  if (doc.byline) children.push(paragraph([text(doc.byline)]));
  if (doc.summary) children.push(paragraph([text(doc.summary.replace(/\s+/g, ' ').trim())]));
  if (doc.pdf) children.push(paragraph([{ type: 'link', url: options.assetPath(doc.pdf), children: [text(doc.labels.pdf)] }]));
  const ids = footnoteIds(doc);
  children.push(...doc.blocks.flatMap((block) => blockNodes(block, doc, options, ids)));
  for (const source of doc.sources) {
    const definition: FootnoteDefinition = {
      type: 'footnoteDefinition',
      identifier: ids.get(source.number) ?? String(source.number),
      children: [paragraph(phrasing(source.children, options, ids))],
    };
    children.push(definition);
  }
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', rule: '-', fences: true, listItemIndent: 'one' }).normalize('NFC');
}

function blockNodes(block: Block, doc: PublishDocument, options: MarkdownOptions, ids: Map<number, string>): RootContent[] {
  switch (block.type) {
    case 'heading':
      return [{ type: 'heading', depth: block.depth, children: phrasing(block.children, options, ids) }];
    case 'paragraph':
      return [paragraph(phrasing(block.children, options, ids))];
    case 'list':
      return [
        {
          type: 'list',
          ordered: block.ordered,
          start: block.start,
          spread: false,
          children: block.items.map((item) => listItem(item, doc, options, ids)),
        },
      ];
    case 'table': {
      const row = (cells: Inline[][]): TableRow => ({ type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: phrasing(c, options, ids) })) });
      const head = block.head.length > 0 ? block.head : block.align.map(() => []);
      const table: RootContent = { type: 'table', align: block.align as AlignType[], children: [row(head), ...block.rows.map(row)] };
      const caption = block.caption ? [paragraph([{ type: 'emphasis', children: phrasing(block.caption, options, ids) }])] : [];
      return [...anchorFor(block.id), ...caption, table];
    }
    case 'code':
      return [{ type: 'code', lang: block.lang ?? null, value: block.value }];
    case 'quote':
      return [{ type: 'blockquote', children: block.children.flatMap((b) => blockNodes(b, doc, options, ids)) as BlockContent[] }];
    case 'rule':
      return [{ type: 'thematicBreak' }];
    case 'figure':
      return [
        paragraph([
          { type: 'html', value: `<a id="${block.id.replace(/[^\w-]/g, '')}"></a>` },
          { type: 'image', url: options.assetPath(block.asset), alt: block.description.replace(/\s+/g, ' ').trim() },
        ]),
        paragraph([{ type: 'emphasis', children: [text(`${doc.labels.figure} ${block.number}. ${block.caption}`)] }]),
      ];
  }
}

function listItem(item: ListItem, doc: PublishDocument, options: MarkdownOptions, ids: Map<number, string>): MdListItem {
  const node: MdListItem = { type: 'listItem', spread: false, children: item.children.flatMap((b) => blockNodes(b, doc, options, ids)) as BlockContent[] };
  if (item.checked !== undefined) node.checked = item.checked;
  return node;
}

function phrasing(nodes: readonly Inline[], options: MarkdownOptions, ids: Map<number, string>): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    switch (node.type) {
      case 'text':
        return [text(node.value)];
      case 'strong':
      case 'emphasis':
      case 'delete':
        return [{ type: node.type, children: phrasing(node.children, options, ids) }];
      case 'superscript':
      case 'subscript':
      case 'keyboard': {
        const tag = HTML_TAGS[node.type];
        return [{ type: 'html', value: `<${tag}>` }, ...phrasing(node.children, options, ids), { type: 'html', value: `</${tag}>` }];
      }
      case 'code':
        return [{ type: 'inlineCode', value: node.value }];
      case 'break':
        return [{ type: 'break' }];
      case 'link':
        return [{ type: 'link', url: node.href, children: phrasing(node.children, options, ids) }];
      case 'cite':
        return [{ type: 'footnoteReference', identifier: ids.get(node.number) ?? String(node.number) }];
      case 'image':
        return [{ type: 'image', url: options.assetPath(node.asset), alt: node.alt }];
    }
  });
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

/** An HTML anchor for a figure or table id, so `[Figure 3](#fig-x)` lands (GitHub keeps ids as `user-content-…` and resolves them). */
function anchorFor(id: string | undefined): RootContent[] {
  return id ? [{ type: 'html', value: `<a id="${id.replace(/[^\w-]/g, '')}"></a>` }] : [];
}
