import { describe, expect, it } from 'vitest';
import { toStorageFormat } from '../../../src/features/publish/confluence/to-storage.js';
import { toMarkdownPage } from '../../../src/features/publish/git/to-markdown.js';
import { toWikitext } from '../../../src/features/publish/mediawiki/to-wikitext.js';
import { catalogue } from '../../../src/messages/catalogue.js';
import { XREF_BRIEF } from '../../support/print-brief.js';
import { renderMemory } from '../../support/render-folder.js';
import { renderDocument } from '../../features/publish/support/mini-document.js';

describe('cross-references', () => {
  it('become links reading "Figure N" / "Table N", numbered like the captions', async () => {
    const result = await renderMemory({ 'brief.md': XREF_BRIEF });
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
    const html = result.html ?? '';
    expect(html).toContain('As <a href="#fig-share" class="xref">Figure 2</a> shows, and <a href="#tbl-origin" class="xref">Table 1</a> confirms');
    expect(html).toContain('(see also <a href="#fig-trend" class="xref">Figure 1</a>)');
    expect(html).toMatch(/<table id="tbl-origin"><caption><span class="table-label">Table 1\.<\/span> Share of downloads by <em>origin<\/em><\/caption>/);
    expect(html).not.toContain('Table: Share');
    expect(html).toContain('analyst@fig-desk.org');
    expect(html).toContain('<code>@fig-trend</code>');
    expect(html).toContain('<a href="#data">a link @fig-trend</a>');
    expect(html).toMatch(/<figure class="chart" id="fig-share">[\s\S]*?Figure 2\./);
  });

  it('reports a reference to no figure or table at its place, with the nearest id', async () => {
    const result = await renderMemory({ 'brief.md': `${XREF_BRIEF}\n\nSee @fig-tremd and @tbl-none.\n` });
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([
      { file: 'b/brief.md', place: { line: 28, column: 5 }, ...catalogue.xrefUnknown('fig-tremd', ['fig-trend', 'fig-share', 'tbl-origin'], 'fig-trend') },
      { file: 'b/brief.md', place: { line: 28, column: 20 }, ...catalogue.xrefUnknown('tbl-none', ['fig-trend', 'fig-share', 'tbl-origin']) },
    ]);
  });

  it('reach every wiki format as links to anchors that exist there', async () => {
    const doc = await renderDocument({ 'brief.md': XREF_BRIEF }, null);
    const wikitext = toWikitext(doc, { fileName: (name) => name });
    expect(wikitext).toContain('As [[#fig-share|Figure 2]] shows, and [[#tbl-origin|Table 1]] confirms');
    expect(wikitext).toContain('<span id="fig-share"></span>[[File:');
    expect(wikitext).toMatch(/\{\| class="wikitable" id="tbl-origin"\n\|\+ Table 1\. Share of downloads by ''origin''/);
    const markdown = toMarkdownPage(doc, { assetPath: (name) => `assets/${name}` });
    expect(markdown).toContain('As [Figure 2](#fig-share) shows, and [Table 1](#tbl-origin) confirms');
    expect(markdown).toContain('<a id="fig-share"></a>![');
    expect(markdown).toContain('<a id="tbl-origin"></a>\n\n_Table 1. Share of downloads by *origin*_\n\n| Origin');
    const storage = toStorageFormat(doc);
    expect(storage).toContain('<ac:link ac:anchor="fig-share"><ac:plain-text-link-body><![CDATA[Figure 2]]></ac:plain-text-link-body></ac:link>');
    expect(storage).toContain('<ac:parameter ac:name="">tbl-origin</ac:parameter></ac:structured-macro><p><em>Table 1. Share of downloads by <em>origin</em></em></p><table>');
  });
});
