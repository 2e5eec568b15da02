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
  const png = (n: number) => new Uint8Array([137, 80, 78, 71, n]);
  const files = memoryFiles({ 'img/dot.png': new Uint8Array([137, 80, 78, 71]), 'img/a.png': png(1), 'img/b.png': png(2), 'img/c b.png': png(3) });
  const labels = labelsFor('en');
  const { docs, citations, images, references } = markdownStage({ texts, files, slotPrefix: 'x-', labels }, log);
  const out = htmlStage({ docs, citations, figures: [], labels, images, references });
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

  it('embeds reference-style, raw-HTML, picture and srcset images from the folder: every image keeps its source', () => {
    const markdown = [
      '![logo][l] and ![again][L]',
      '[l]: img/dot.png',
      '<img src="img/a.png" alt="raw">',
      '<picture><source srcset="img/b.png 1x, img/c%20b.png 2x" media="(min-width: 40em)"><img src=\'img/a.png\' srcset="img/b.png 2x" alt="pic"></picture>',
      'Inline <img src="img/b.png" alt="inline"> and ![spaced](<img/c b.png>).',
    ].join('\n\n');
    const out = build(doc('a.md', `${markdown}\n`));
    expect(out.messages).toEqual([]);
    const images = [...out.intro.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
    expect(images).toHaveLength(6);
    for (const img of images) expect(img).toMatch(/ src="data:image\/png;base64,[^"]+"/);
    expect(out.intro).toContain('<source srcset="data:image/png;base64,iVBORwI= 1x, data:image/png;base64,iVBORwM= 2x" media="(min-width: 40em)">');
    expect(out.intro).toContain('srcset="data:image/png;base64,iVBORwI= 2x"');
    expect(out.intro).not.toMatch(/img\//);
  });

  it('reports raw-HTML images that are missing or remote at their attribute, and keeps none of them', () => {
    const out = build(doc('a.md', 'Text\n\n<p>See <img alt="x" src="img/none.png"> and\n<img src="https://example.com/r.png"></p>\n\n<picture><source srcset="//cdn.example.com/s.png"><img src="img/a.png"></picture>\n'));
    expect(out.messages.map((m) => [m.ruleId, m.place?.line, m.place?.column])).toEqual([
      ['image-missing', 3, 26],
      ['image-remote', 4, 11],
      ['image-remote', 6, 26],
    ]);
    expect(out.intro).not.toMatch(/example\.com|none\.png/);
    expect(out.intro).not.toContain('<source');
  });

  it('removes what the sanitizer does not allow with its content, and never lets a raw-text tag swallow what follows', () => {
    const out = build(
      doc('a.md', [
        'Before <style>p{color:red}</style> after.',
        '<style>\nbody { display: none }\n</style>',
        'A <textarea>typed secret</textarea> field and <foo-bar>custom text</foo-bar> end.',
        '<title>A stray title',
        '## Still a heading',
        'Kept paragraph with <font color="red">old markup</font>.',
        '<script>var leaked = 1;</script>',
      ].join('\n\n') + '\n'),
    );
    const all = out.intro + out.sections.map((s) => s.html).join('');
    for (const leaked of ['color:red', 'display: none', 'typed secret', 'custom text', 'old markup', 'leaked']) expect(all).not.toContain(leaked);
    expect(out.intro).toContain('A stray title'); // the tag is gone, the text after it stays text
    expect(out.intro).toContain('Before  after.');
    expect(out.sections.map((s) => s.title)).toEqual(['Still a heading']);
    expect(out.sections[0]?.html).toContain('Kept paragraph with .');
    expect(out.messages.filter((m) => m.ruleId === 'html-removed').map((m) => [m.reason.match(/<(\S+)>/)?.[1], m.place?.line])).toEqual([
      ['style', 1],
      ['style', 3],
      ['textarea', 7],
      ['foo-bar', 7],
      ['title', 9],
      ['font', 13],
      ['script', 15],
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
    expect(out.sections[0]?.html).toContain('<div class="table-wrap" tabindex="0"><table>');
    expect(out.sections[1]?.html).toContain('Again, at 10:30 note:this.');
  });

  it('renders GFM task lists, strikethrough and footnote-free tables', () => {
    const out = build(doc('a.md', '- [x] done\n- [ ] open\n\n~~old~~ new\n'));
    expect(out.intro).toContain('<input type="checkbox" checked disabled>');
    expect(out.intro).toContain('<del>old</del>');
  });
});
