import { describe, expect, it } from 'vitest';
import type { Block, PublishDocument } from '../../../src/features/publish/document/publish-document.js';
import { pageFileName } from '../../../src/features/publish/git/publish-git.js';
import { toMarkdownPage } from '../../../src/features/publish/git/to-markdown.js';

const doc = (blocks: Block[], extra: Partial<PublishDocument> = {}): PublishDocument => ({
  slug: 's', period: undefined, title: 'T', subtitle: undefined, summary: undefined, byline: undefined, lang: 'en',
  labels: { figure: 'Figure', sources: 'Sources', pdf: 'PDF version' }, blocks, sources: [], assets: [], pdf: undefined, ...extra,
});
const text = (value: string) => ({ type: 'text' as const, value });
const assetPath = (name: string) => `assets/${name}`;

describe('toMarkdownPage', () => {
  it('escapes text that would read as Markdown and links assets relatively', () => {
    const out = toMarkdownPage(doc([{ type: 'paragraph', children: [text('*not emphasis* and [not a link]')] }, { type: 'figure', id: 'f', number: 1, caption: 'C', description: 'D', asset: 's-f.svg' }], { pdf: 's.pdf' }), { assetPath });
    expect(out).toBe('[PDF version](assets/s.pdf)\n\n\\*not emphasis\\* and \\[not a link]\n\n<a id="f"></a>![D](assets/s-f.svg)\n\n_Figure 1. C_\n');
  });

  it('writes citations as GFM footnotes named by the authors\' labels', () => {
    const out = toMarkdownPage(doc([{ type: 'paragraph', children: [text('claim'), { type: 'cite', number: 1 }] }], { sources: [{ number: 1, label: 'hf retro', children: [text('Source')] }] }), { assetPath });
    expect(out).toBe('claim[^hf-retro]\n\n[^hf-retro]: Source\n');
  });
});

describe('pageFileName', () => {
  it('names page files the way GitHub and Gollum do', () => {
    expect(pageFileName('The DeepSeek Moment, One Year On', undefined)).toBe('The-DeepSeek-Moment,-One-Year-On.md');
    expect(pageFileName('A/B: "x"?', '2026-W03')).toBe('AB-x-2026-W03.md');
  });
});
