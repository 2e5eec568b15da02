import { inlineText, type Block, type Inline, type ListItem, type PublishDocument } from '../document/publish-document.js';
import type { IndexPage } from '../pages/index-page.js';

const INLINE_TAGS = { strong: 'strong', emphasis: 'em', delete: 's', superscript: 'sup', subscript: 'sub', keyboard: 'code' } as const;

/**
 * The briefing in Confluence storage format (XHTML plus `ac:`/`ri:` elements). Charts are
 * attachments shown with `<ac:image>`, the PDF an attachment linked with `<ac:link>`; citations
 * stay a numbered list whose items carry anchors, and each mark links to its source's anchor.
 * Everything is escaped for XML, so the body is well-formed whatever the briefing says.
 */
export function toStorageFormat(doc: PublishDocument): string {
  const parts: string[] = [];
  if (doc.subtitle) parts.push(`<p><em>${xml(doc.subtitle)}</em></p>`);
  if (doc.byline) parts.push(`<p>${xml(doc.byline)}</p>`);
  if (doc.summary) parts.push(`<p>${xml(doc.summary.replace(/\s+/g, ' ').trim())}</p>`);
  if (doc.pdf) parts.push(`<p>${attachmentLink(doc.pdf, doc.labels.pdf)}</p>`);
  parts.push(...doc.blocks.map((b) => block(b, doc)));
  if (doc.sources.length > 0) {
    const items = doc.sources.map((s) => `<li>${anchor(sourceAnchor(s.number))}${inlines(s.children, doc)}</li>`);
    parts.push(`${anchor('sources')}<h2>${xml(doc.labels.sources)}</h2>`, `<ol>${items.join('')}</ol>`);
  }
  return parts.join('\n').normalize('NFC');
}

function block(node: Block, doc: PublishDocument): string {
  switch (node.type) {
    case 'heading':
      return `${anchor(node.id)}<h${node.depth}>${inlines(node.children, doc)}</h${node.depth}>`;
    case 'paragraph':
      return `<p>${inlines(node.children, doc)}</p>`;
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start = node.ordered && node.start !== 1 ? ` start="${node.start}"` : '';
      return `<${tag}${start}>${node.items.map((item) => listItem(item, doc)).join('')}</${tag}>`;
    }
    case 'table': {
      const cell = (tag: 'th' | 'td', content: Inline[], i: number) => {
        const align = node.align[i];
        return `<${tag}${align ? ` style="text-align: ${align};"` : ''}>${inlines(content, doc)}</${tag}>`;
      };
      const head = node.head.length > 0 ? `<tr>${node.head.map((c, i) => cell('th', c, i)).join('')}</tr>` : '';
      const rows = node.rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('');
      const caption = node.caption ? `<p><em>${inlines(node.caption, doc)}</em></p>` : '';
      return `${node.id ? anchor(node.id) : ''}${caption}<table><tbody>${head}${rows}</tbody></table>`;
    }
    case 'code': {
      const language = node.lang ? `<ac:parameter ac:name="language">${xml(node.lang)}</ac:parameter>` : '';
      return `<ac:structured-macro ac:name="code">${language}<ac:plain-text-body>${cdata(node.value)}</ac:plain-text-body></ac:structured-macro>`;
    }
    case 'quote':
      return `<blockquote>${node.children.map((b) => block(b, doc)).join('')}</blockquote>`;
    case 'rule':
      return '<hr />';
    case 'figure': {
      const alt = xml(node.description.replace(/\s+/g, ' ').trim());
      const image = `<ac:image ac:alt="${alt}" ac:title="${alt}"><ri:attachment ri:filename="${xml(node.asset)}" /></ac:image>`;
      return `${anchor(node.id)}<p>${image}</p>\n<p><em>${xml(`${doc.labels.figure} ${node.number}.`)} ${xml(node.caption)}</em></p>`;
    }
  }
}

function listItem(item: ListItem, doc: PublishDocument): string {
  const box = item.checked === undefined ? '' : item.checked ? '☑ ' : '☐ ';
  // A tight item's single paragraph goes in without <p>, as Confluence's own editor writes it.
  const only = item.children.length === 1 ? item.children[0] : undefined;
  const body = only?.type === 'paragraph' ? inlines(only.children, doc) : item.children.map((b) => block(b, doc)).join('');
  return `<li>${xml(box)}${body}</li>`;
}

function inlines(nodes: readonly Inline[], doc: PublishDocument): string {
  return nodes.map((node) => inline(node, doc)).join('');
}

function inline(node: Inline, doc: PublishDocument): string {
  switch (node.type) {
    case 'text':
      return xml(node.value);
    case 'strong':
    case 'emphasis':
    case 'delete':
    case 'superscript':
    case 'subscript':
    case 'keyboard': {
      const tag = INLINE_TAGS[node.type];
      return `<${tag}>${inlines(node.children, doc)}</${tag}>`;
    }
    case 'code':
      return `<code>${xml(node.value)}</code>`;
    case 'break':
      return '<br />';
    case 'link': {
      const label = inlines(node.children, doc) || xml(node.href);
      if (!node.href.startsWith('#')) return `<a href="${xml(node.href)}">${label}</a>`;
      return `<ac:link ac:anchor="${xml(decodeURIComponent(node.href.slice(1)))}"><ac:plain-text-link-body>${cdata(inlineText(node.children))}</ac:plain-text-link-body></ac:link>`;
    }
    case 'cite':
      return `<sup><ac:link ac:anchor="${sourceAnchor(node.number)}"><ac:plain-text-link-body>${cdata(`[${node.number}]`)}</ac:plain-text-link-body></ac:link></sup>`;
    case 'image':
      return `<ac:image ac:alt="${xml(node.alt)}"><ri:attachment ri:filename="${xml(node.asset)}" /></ac:image>`;
  }
}

export function attachmentLink(filename: string, label: string): string {
  return `<ac:link><ri:attachment ri:filename="${xml(filename)}" /><ac:plain-text-link-body>${cdata(label)}</ac:plain-text-link-body></ac:link>`;
}

/**
 * The index page of a briefing with periods or variants: a list of every published output,
 * newest first, each a link to its page (`<ri:page>`, which Confluence keeps right when a page
 * is renamed), with its headline. The outputs' pages are created under it.
 */
export function indexStorageFormat(index: IndexPage): string {
  const items = index.entries.map((entry) => {
    const link = `<ac:link><ri:page ri:content-title="${xml(entry.title)}" /><ac:plain-text-link-body>${cdata(entry.label || entry.title)}</ac:plain-text-link-body></ac:link>`;
    return `<li>${link}${entry.headline ? ` — ${xml(entry.headline.replace(/\s+/g, ' ').trim())}` : ''}</li>`;
  });
  return `<ul>${items.join('')}</ul>`.normalize('NFC');
}

const sourceAnchor = (number: number) => `src-${number}`;

function anchor(name: string): string {
  return `<ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">${xml(name)}</ac:parameter></ac:structured-macro>`;
}

function xml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** CDATA cannot hold `]]>`: split it across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
