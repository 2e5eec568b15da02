import { describe, expect, it } from 'vitest';
import { memoryFiles } from '../../../src/edges/files/briefing-files.js';
import { htmlStage } from '../../../src/pipeline/html/html-stage.js';
import { markdownStage } from '../../../src/pipeline/markdown/markdown-stage.js';
import type { ProseText } from '../../../src/pipeline/prose/prose-stage.js';
import { catalogue } from '../../../src/messages/catalogue.js';
import { LineIndex } from '../../../src/messages/line-index.js';
import { MessageLog } from '../../../src/messages/message-log.js';
import { labelsFor } from '../../../src/pipeline/templates/labels.js';

function doc(file: string, markdown: string): ProseText {
  const index = new LineIndex(markdown);
  return { file, markdown, placeOf: (o) => index.place(o) };
}

/** The markdown stage, then the html stage, as the pipeline runs them. */
function build(...texts: ProseText[]) {
  const log = new MessageLog();
  const files = memoryFiles({ 'img/dot.png': new Uint8Array([137, 80, 78, 71]) });
  const { docs, citations } = markdownStage({ texts, files, slotPrefix: 'x-' }, log);
  const out = htmlStage({ docs, citations, figures: [], labels: labelsFor('en') });
  return { ...out, messages: log.messages };
}

describe('htmlStage', () => {
  it('numbers citations by first use across files and links them to sources', () => {
    const out = build(
      doc('a.md', 'Intro cites B[^b] then A[^a] and B again[^b].\n\n[^a]: Source A.\n'),
      doc('s.md', '## Part\n\nMore[^a].\n\n[^b]: Source *B*.\n'),
    );
    expect(out.messages).toEqual([]);
    expect(out.intro).toContain('<sup class="cite"><a href="#src-1" id="cite-1-1" aria-label="Source 1">[1]</a></sup>');
    expect(out.intro).toContain('id="cite-2-1"');
    expect(out.intro).toContain('id="cite-1-2"');
    expect(out.sources.map((s) => [s.number, s.html, s.backrefs.map((b) => b.id)])).toEqual([
      [1, 'Source <em>B</em>.', ['cite-1-1', 'cite-1-2']],
      [2, 'Source A.', ['cite-2-1', 'cite-2-2']],
    ]);
  });

  it('reports undefined and unused footnotes at their place', () => {
    const out = build(doc('a.md', 'Text[^nope].\n\n[^spare]: never cited\n'));
    expect(out.messages).toEqual([
      { file: 'a.md', place: { line: 1, column: 5 }, ...catalogue.citationUndefined('nope') },
      { file: 'a.md', place: { line: 3, column: 1 }, ...catalogue.citationUnused('spare') },
    ]);
  });

  it('sanitizes raw HTML: no scripts, handlers, iframes or external loads', () => {
    const out = build(
      doc('a.md', '<script>alert(1)</script>\n\n<img src="http://127.0.0.1:9/x.png" onerror="alert(2)">\n\n<iframe src="https://e.com"></iframe>\n\n<p style="background:url(http://e.com/a)">ok <a href="javascript:alert(3)">j</a></p>\n'),
    );
    const html = out.intro;
    expect(html).not.toMatch(/script|onerror|iframe|style=|javascript:|127\.0\.0\.1|e\.com/);
    expect(html).toContain('ok');
  });

  it('embeds local images as data URIs and rejects remote ones', () => {
    const out = build(doc('a.md', '![dot](img/dot.png)\n\n![far](https://example.com/a.png)\n\n![gone](img/none.png)\n'));
    expect(out.intro).toContain('src="data:image/png;base64,iVBORw=="');
    expect(out.intro).not.toContain('example.com');
    expect(out.messages.map((m) => [m.ruleId, m.place?.line])).toEqual([
      ['image-remote', 3],
      ['image-missing', 5],
    ]);
  });

  it('gives headings stable unique ids, splits sections at h2 and wraps tables', () => {
    const out = build(doc('a.md', 'Lead.\n\n## Market impact\n\n### Detail\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n## Market impact\n\nAgain, at 10:30 note:this.\n'));
    expect(out.headings.map((h) => h.id)).toEqual(['market-impact', 'detail', 'market-impact-1']);
    // The template's own landmarks keep their ids.
    expect(build(doc('a.md', '## Sources\n\nText.\n')).headings.map((h) => h.id)).toEqual(['sources-1']);
    expect(out.intro).toBe('<p>Lead.</p>');
    expect(out.sections.map((s) => [s.id, s.title])).toEqual([
      ['market-impact', 'Market impact'],
      ['market-impact-1', 'Market impact'],
    ]);
    expect(out.sections[0]?.html).toContain('<div class="table-wrap"><table>');
    expect(out.sections[1]?.html).toContain('Again, at 10:30 note:this.');
  });

  it('renders GFM task lists, strikethrough and footnote-free tables', () => {
    const out = build(doc('a.md', '- [x] done\n- [ ] open\n\n~~old~~ new\n'));
    expect(out.intro).toContain('<input type="checkbox" checked disabled>');
    expect(out.intro).toContain('<del>old</del>');
  });
});
