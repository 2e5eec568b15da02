import { describe, expect, it } from 'vitest';
import type { Block, PublishDocument } from '../../../src/features/publish/document/publish-document.js';
import { fileTitle, indexWikitext, normalizeTitle } from '../../../src/features/publish/mediawiki/page-names.js';
import { toWikitext } from '../../../src/features/publish/mediawiki/to-wikitext.js';
import { escapeLineStart, escapeWikitext } from '../../../src/features/publish/mediawiki/wikitext-escape.js';
import { miniDocument } from './support/mini-document.js';
import { figure, testDocument, text } from './support/test-document.js';

const doc = testDocument;
const wikitext = (blocks: Block[], extra: Partial<PublishDocument> = {}) => toWikitext(doc(blocks, extra), { fileName: fileTitle });

describe('escapeWikitext', () => {
  it('turns markup characters into entities so they read as text', () => {
    expect(escapeWikitext("[[x]] {{t}} a|b <b>&amp; ~~~~ __TOC__ !!")).toBe(
      '&#91;&#91;x&#93;&#93; &#123;&#123;t&#125;&#125; a&#124;b &lt;b&gt;&amp;amp; &#126;&#126;&#126;~ &#95;_TOC&#95;_ &#33;!',
    );
  });

  it('breaks quote runs and edge quotes (which would become bold/italic) but keeps apostrophes in words', () => {
    expect(escapeWikitext("it's ''not'' 'quoted'")).toBe("it's &#39;&#39;not&#39;&#39; 'quoted&#39;");
    expect(escapeWikitext("'edge'")).toBe('&#39;edge&#39;');
  });

  it('keeps a paragraph from starting a list, indent, heading or rule', () => {
    expect(escapeLineStart('* not a list')).toBe('&#42; not a list');
    expect(escapeLineStart('= not a heading =')).toBe('&#61; not a heading =');
    expect(escapeLineStart('---- not a rule')).toBe('&#45;--- not a rule');
  });
});

describe('toWikitext', () => {
  it('writes headings, emphasis, code, links and line breaks', () => {
    const out = wikitext([
      { type: 'heading', depth: 2, id: 'why-it-matters', children: [text('Why it matters')] },
      {
        type: 'paragraph',
        children: [
          { type: 'strong', children: [text('Bold')] }, text(' and '), { type: 'emphasis', children: [text('italic')] }, text(', '),
          { type: 'code', value: 'a|b' }, text(', '), { type: 'link', href: 'https://example.org/a b', children: [text('a site')] },
          text(', '), { type: 'link', href: '#why-it-matters', children: [text('above')] }, { type: 'break' }, text('next line'),
        ],
      },
    ]);
    expect(out).toBe(
      "== Why it matters ==\n\n'''Bold''' and ''italic'', <code>a&#124;b</code>, [https://example.org/a%20b a site], [[#Why it matters|above]]<br />next line",
    );
  });

  it('writes nested and task lists and tables with alignment', () => {
    const out = wikitext([
      {
        type: 'list', ordered: false, start: 1,
        items: [
          { children: [{ type: 'paragraph', children: [text('one')] }, { type: 'list', ordered: true, start: 1, items: [{ children: [{ type: 'paragraph', children: [text('one.a')] }] }] }] },
          { checked: true, children: [{ type: 'paragraph', children: [text('done')] }] },
        ],
      },
      { type: 'table', align: ['left', 'right'], head: [[text('team')], [text('n')]], rows: [[[text('A')], [text('14')]]] },
    ]);
    expect(out).toBe(
      '* one\n*# one.a\n* ☑ done\n\n{| class="wikitable"\n! style="text-align:left" | team\n! style="text-align:right" | n\n|-\n| style="text-align:left" | A\n| style="text-align:right" | 14\n|}',
    );
  });

  it('shows a figure at the chart\'s own width (the text width it was drawn for), centred, with caption, alt text and an anchor', () => {
    const out = wikitext([figure('fig-a', 2, 'Releases [illustrative]', 'Bars | by team', 's-fig-a.svg')]);
    expect(out).toBe('<span id="fig-a"></span>[[File:S-fig-a.svg|thumb|center|640px|Figure 2. Releases &#91;illustrative&#93;|alt=Bars &#124; by team]]');
    expect(wikitext([figure('w', 1, 'C', 'D', 's-w.svg', 1200)])).toContain('|thumb|center|800px|');
    expect(wikitext([figure('u', 1, 'C', 'D', 's-u.svg', undefined)])).toContain('|thumb|center|640px|');
  });

  it('puts each source in its first <ref name>, reuses the name after, and ends with <references />', () => {
    const out = wikitext([{ type: 'paragraph', children: [text('a'), { type: 'cite', number: 1 }, text(' b'), { type: 'cite', number: 1 }, { type: 'cite', number: 2 }] }], {
      sources: [
        { number: 1, label: 'hf-retro', children: [text('Hugging Face, '), { type: 'emphasis', children: [text('blog')] }] },
        { number: 2, label: '2', children: [text('Numeric label')] },
      ],
    });
    expect(out).toBe('a<ref name="hf-retro">Hugging Face, \'\'blog\'\'</ref> b<ref name="hf-retro" /><ref name="src-2">Numeric label</ref>\n\n== Sources ==\n<references />');
  });

  it('opens with subtitle, byline, summary and the PDF link, and never ends a line in spaces', () => {
    const out = wikitext([{ type: 'code', lang: undefined, value: 'x < y  \n' }], { subtitle: 'Sub', byline: 'May 1, 2026 · Desk', summary: 'In  short.\n', pdf: 's.pdf' });
    expect(out).toBe("''Sub''\n\nMay 1, 2026 · Desk\n\nIn short.\n\n[[Media:S.pdf|PDF version]]\n\n<pre>x &lt; y\n</pre>");
  });

  it('renders the fixture briefing deterministically', async () => {
    const a = toWikitext(await miniDocument(), { fileName: fileTitle });
    const b = toWikitext(await miniDocument(), { fileName: fileTitle });
    expect(a).toBe(b);
    expect(a).toContain('[[File:Wiki-check-fig-releases.svg|thumb|center|640px|Figure 1. Releases by team, Q4 2025|alt=Bar chart of releases by team in Q4 2025: Platform 14, Data 9, Mobile 6.]]');
    expect(a).toContain('[[Media:Wiki-check.pdf|PDF version]]');
    expect(a).toContain('with \'\'\'Platform\'\'\' ahead.<ref name="counts">Team release log, exported 2026-01-10.</ref>');
    expect(a).toContain('cited again.<ref name="counts" />');
    expect(a).toContain('* First point with <code>code</code> and a [https://example.org/a?b=1&c=2 link]');
  });
});

describe('page names', () => {
  it('normalizes titles as MediaWiki stores them', () => {
    expect(normalizeTitle('  the_deepseek  moment ')).toBe('The deepseek moment');
    expect(normalizeTitle('a [b] | c')).toBe('A -b- - c');
    expect(fileTitle('deepseek-moment.pdf')).toBe('Deepseek-moment.pdf');
  });

  it('writes the index page as a list of links to each output\'s subpage, with its headline', () => {
    const entries = [
      { title: 'Weekly/2026-W03/EU', period: '2026-W03', variant: 'EU', label: '2026-W03 EU', headline: '12 [new] models' },
      { title: 'Weekly/2026-W02/EU', period: '2026-W02', variant: 'EU', label: '2026-W02 EU' },
    ];
    expect(indexWikitext({ title: 'Weekly', entries })).toBe('* [[Weekly/2026-W03/EU|2026-W03 EU]] — 12 &#91;new&#93; models\n* [[Weekly/2026-W02/EU|2026-W02 EU]]');
  });
});
