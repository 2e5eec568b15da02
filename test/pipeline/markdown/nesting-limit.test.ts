import { describe, expect, it } from 'vitest';
import { blankOverDeepLines, overDeepHtml, pruneDeepNodes } from '../../../src/pipeline/markdown/nesting-limit.js';
import { parseMarkdown } from '../../../src/pipeline/markdown/parse-markdown.js';

describe('nesting limits', () => {
  it('blanks a line nested past the limit, keeping every offset', () => {
    const text = 'a\n> > > x\nb\n';
    const { markdown, overDeep } = blankOverDeepLines(text, 2);
    expect(markdown).toBe('a\n       \nb\n');
    expect(overDeep).toBe(text.indexOf('> x'));
  });

  it('leaves fenced code alone, however it is indented', () => {
    const text = `\`\`\`\n${'> '.repeat(300)}\n\`\`\`\n`;
    expect(blankOverDeepLines(text)).toEqual({ markdown: text, overDeep: undefined });
  });

  it('counts open minus closed HTML tags across nodes, void and self-closing tags aside', () => {
    expect(overDeepHtml([{ value: '<div><br><img/></div><div>', offset: 10 }, { value: '<p>', offset: 40 }], 1)).toBe(40);
    expect(overDeepHtml([{ value: '<div></div><div></div>', offset: 0 }], 1)).toBeUndefined();
  });

  it('cuts a tree below the limit and names the first node it cut', () => {
    const tree = parseMarkdown('*a **b *c* d** e*\n');
    const cut = pruneDeepNodes(tree, 3);
    expect(cut?.type).toBe('strong');
    expect(JSON.stringify(tree)).not.toContain('"c"');
  });

  it('reports nesting past the limit once, at its offset, through the parser', () => {
    const offsets: number[] = [];
    parseMarkdown(`x\n\n${'>'.repeat(500)} y\n`, (offset) => offsets.push(offset));
    expect(offsets).toEqual([3 + 100]);
  });
});
