import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { memoryFiles } from '../../../src/edges/files/briefing-files.js';
import { LineIndex } from '../../../src/messages/line-index.js';
import { MessageLog } from '../../../src/messages/message-log.js';
import { collectCitations } from '../../../src/pipeline/markdown/citations.js';
import { collectImages } from '../../../src/pipeline/markdown/collect-images.js';
import { collectCrossReferences } from '../../../src/pipeline/markdown/cross-references.js';
import { collectFigureRequests } from '../../../src/pipeline/markdown/figure-requests.js';
import { parseNarrative } from '../../../src/pipeline/markdown/parse-markdown.js';
import type { ProseDocument } from '../../../src/pipeline/markdown/prose-document.js';
import { reportRemovedHtml } from '../../../src/pipeline/markdown/raw-html-check.js';
import { rewriteTree } from '../../../src/pipeline/markdown/rewrite-tree.js';

function frozenDoc(markdown: string): ProseDocument {
  const index = new LineIndex(markdown);
  const freeze = (node: object): void => {
    Object.values(node).forEach((v) => (v !== null && typeof v === 'object' ? freeze(v as object) : undefined));
    Object.freeze(node);
  };
  const tree = parseNarrative(markdown);
  freeze(tree);
  return { file: 'a.md', markdown, tree, placeOf: (o) => index.place(o) };
}

const SOURCE = 'Intro.[^a] See @fig-a.\n\n![dot](img/dot.png) <img src="img/dot.png" alt="raw">\n\n::chart{src="charts/a.vl.json" #fig-a}\n\n- item with *emphasis*\n\n[^a]: Note.\n';

describe('markdown rewrites return new trees', () => {
  it('rewriteTree replaces in document order, shares what it did not touch, and leaves the input alone', () => {
    const doc = frozenDoc('# One\n\nSome *text*.\n\n## Two\n');
    const seen: string[] = [];
    const out = rewriteTree(doc.tree, (node) => {
      seen.push(node.type);
      return node.type === 'emphasis' ? [{ type: 'text', value: 'plain' }] : undefined;
    });
    expect(seen).toEqual(['heading', 'text', 'paragraph', 'text', 'emphasis', 'text', 'heading', 'text']);
    expect(out).not.toBe(doc.tree);
    expect(out.children[0]).toBe(doc.tree.children[0]); // untouched heading shared
    expect(JSON.stringify(doc.tree)).toContain('"emphasis"');
    expect(JSON.stringify(out)).not.toContain('"emphasis"');
    expect(rewriteTree(doc.tree, () => undefined)).toBe(doc.tree);
  });

  it('figure requests, citations, images and cross-references work on frozen trees', () => {
    const log = new MessageLog();
    const doc = frozenDoc(SOURCE);
    const before = JSON.stringify(doc.tree);
    const figures = collectFigureRequests(doc, 1, 'x-', log);
    reportRemovedHtml(figures.doc, log);
    const cited = collectCitations([figures.doc], 'x-', log);
    // Images and cross-references are only read from the trees; the html stage resolves them.
    const images = collectImages(cited.docs, memoryFiles({ 'img/dot.png': new Uint8Array([137, 80, 78, 71]) }), log);
    const references = collectCrossReferences(cited.docs, figures.requests, { figure: 'Figure', table: 'Table' }, log);
    expect(log.messages).toEqual([]);
    expect(JSON.stringify(doc.tree)).toBe(before);
    expect(figures.requests.map((r) => r.slot)).toEqual(['x-figure-1']);
    expect(images.get('img/dot.png')).toBe('data:image/png;base64,iVBORw==');
    expect(references.targets.get('fig-a')).toBe('Figure 1');
    const after = JSON.stringify(cited.docs[0]?.tree as Root);
    expect(after).toContain('img/dot.png');
    expect(after).not.toMatch(/footnote|leafDirective/);
    expect(cited.citations.marks).toEqual([{ slot: 'x-cite-1', number: 1, refId: 'cite-1-1' }]);
  });
});
