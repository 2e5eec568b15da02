import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { asciiName } from '../../../src/features/publish/git/git-provider.js';
import { indexMarkdown, toMarkdownPage } from '../../../src/features/publish/git/to-markdown.js';
import { figure, testDocument as doc, text } from './support/test-document.js';

const assetPath = (name: string) => `assets/${name}`;

/**
 * The page as GitHub shows it: GFM with raw HTML, sanitized with GitHub's schema (which prefixes
 * every id with `user-content-`), and headings given the ids GitHub gives them (slugs of their
 * text). GitHub's page script resolves `#x` to `user-content-x`.
 */
function githubTree(markdown: string): Root {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).runSync(unified().use(remarkParse).parse(markdown)) as Root;
  const slugger = new GithubSlugger();
  visit(tree, 'element', (node: Element) => {
    if (/^h[1-6]$/.test(node.tagName)) node.properties['id'] = slugger.slug(toString(node));
  });
  return unified().use(rehypeSanitize).runSync(tree) as Root;
}

function anchorsAndLinks(tree: Root): { ids: Set<string>; links: string[] } {
  const ids = new Set<string>();
  const links: string[] = [];
  const bare = (id: string) => id.replace(/^(user-content-)+/, '');
  visit(tree, 'element', (node: Element) => {
    const id = node.properties['id'] ?? node.properties['name'];
    if (typeof id === 'string') ids.add(bare(id));
    const href = node.properties['href'];
    if (typeof href === 'string' && href.startsWith('#')) links.push(bare(href.slice(1)));
  });
  return { ids, links };
}

describe('toMarkdownPage', () => {
  it('escapes text that would read as Markdown and links assets relatively', () => {
    const out = toMarkdownPage(doc([{ type: 'paragraph', children: [text('*not emphasis* and [not a link]')] }, figure('f', 1, 'C', 'D', 's-f.svg')], { pdf: 's.pdf' }), { assetPath });
    expect(out).toBe('[PDF version](assets/s.pdf)\n\n\\*not emphasis\\* and \\[not a link]\n\n<a id="f"></a>![D](assets/s-f.svg)\n\n_Figure 1. C_\n');
  });

  it('writes citations as GFM footnotes named by the authors\' labels', () => {
    const out = toMarkdownPage(doc([{ type: 'paragraph', children: [text('claim'), { type: 'cite', number: 1 }] }], { sources: [{ number: 1, label: 'hf retro', children: [text('Source')] }] }), { assetPath });
    expect(out).toBe('claim[^hf-retro]\n\n[^hf-retro]: Source\n');
  });

  it('makes every in-page link resolve on the git wiki: headings by the wiki\'s own slugs, figures by an anchor', () => {
    const link = (href: string, label: string) => ({ type: 'link' as const, href, children: [text(label)] });
    const page = toMarkdownPage(
      doc([
        { type: 'heading', depth: 2, id: 'sec-intro', children: [text('Introduction')] },
        { type: 'paragraph', children: [text('See '), link('#fig-trend', 'Figure 1'), text(', '), link('#details-1', 'the second details'), text(' and '), link('#sec-intro', 'the top'), { type: 'cite', number: 1 }] },
        figure('fig-trend', 1, 'Trend', 'A line', 's-fig-trend.svg'),
        { type: 'heading', depth: 2, id: 'details', children: [text('Details')] },
        { type: 'heading', depth: 2, id: 'details-1', children: [text('Details')] },
      ], { sources: [{ number: 1, label: 'src', children: [text('A source')] }] }),
      { assetPath },
    );
    expect(page).toContain('[Figure 1](#fig-trend)');
    expect(page).toContain('[the top](#introduction)');
    const { ids, links } = anchorsAndLinks(githubTree(page));
    expect(links).toEqual(expect.arrayContaining(['fig-trend', 'details-1', 'introduction']));
    for (const target of links) expect(ids, `#${target}`).toContain(target);
  });
});

describe('git wiki names and the index page', () => {
  it('names pages and files with ASCII letters, digits and dashes', () => {
    expect(asciiName('The DeepSeek Moment, One Year On')).toBe('The-DeepSeek-Moment-One-Year-On');
    expect(asciiName('Données Q4 / 2026: "été"?')).toBe('Donnees-Q4-2026-ete');
    expect(asciiName('周报 weekly-2026-W10-eu.pdf', '.')).toBe('weekly-2026-W10-eu.pdf');
  });

  it('lists each published output, newest first, linked by page name', () => {
    const entries = [
      { title: 'Weekly-2026-W10-EU.md', period: '2026-W10', variant: 'EU', label: '2026-W10 EU', headline: '1,000 *downloads*' },
      { title: 'Weekly-2026-W09-EU.md', period: '2026-W09', variant: 'EU', label: '2026-W09 EU' },
    ];
    expect(indexMarkdown({ title: 'Weekly.md', entries }, (t) => t.replace(/\.md$/, ''))).toBe(
      '- [2026-W10 EU](Weekly-2026-W10-EU) — 1,000 \\*downloads\\*\n- [2026-W09 EU](Weekly-2026-W09-EU)\n',
    );
  });
});
