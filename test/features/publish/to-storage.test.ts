import { describe, expect, it } from 'vitest';
import { toStorageFormat } from '../../../src/features/publish/confluence/to-storage.js';
import { miniDocument } from './support/mini-document.js';
import { xmlProblems } from './support/xml-well-formed.js';
import { figure, testDocument, text } from './support/test-document.js';

const doc = testDocument;

describe('toStorageFormat', () => {
  it('shows charts as attached images and links the PDF attachment', () => {
    const out = toStorageFormat(doc([figure('fig-a', 1, 'A & B', 'Bars "by" team', 's-fig-a.svg')], { pdf: 's.pdf' }));
    expect(out).toContain('<ac:link><ri:attachment ri:filename="s.pdf" /><ac:plain-text-link-body><![CDATA[PDF version]]></ac:plain-text-link-body></ac:link>');
    expect(out).toContain('<ac:image ac:alt="Bars &quot;by&quot; team" ac:title="Bars &quot;by&quot; team"><ri:attachment ri:filename="s-fig-a.svg" /></ac:image>');
    expect(out).toContain('<p><em>Figure 1. A &amp; B</em></p>');
  });

  it('keeps citations as a numbered list with anchors, each mark linking to its source', () => {
    const out = toStorageFormat(doc([{ type: 'paragraph', children: [text('claim'), { type: 'cite', number: 1 }] }], { sources: [{ number: 1, label: 'x', children: [text('A <source>')] }] }));
    expect(out).toContain('claim<sup><ac:link ac:anchor="src-1"><ac:plain-text-link-body><![CDATA[[1]]]></ac:plain-text-link-body></ac:link></sup>');
    expect(out).toContain('<ol><li><ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">src-1</ac:parameter></ac:structured-macro>A &lt;source&gt;</li></ol>');
  });

  it('writes code in the code macro, with "]]>" split across CDATA sections', () => {
    const out = toStorageFormat(doc([{ type: 'code', lang: 'js', value: 'a[b[0]]>c' }]));
    expect(out).toBe('<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">js</ac:parameter><ac:plain-text-body><![CDATA[a[b[0]]]]><![CDATA[>c]]></ac:plain-text-body></ac:structured-macro>');
  });

  it('produces well-formed XML for the fixture briefing', async () => {
    const out = toStorageFormat(await miniDocument());
    expect(xmlProblems(out)).toEqual([]);
    expect(out).toContain('<table><tbody><tr><th style="text-align: left;">team</th><th style="text-align: right;">releases</th></tr>');
    expect(out).toContain('<a href="https://example.org/a?b=1&amp;c=2">link</a>');
  });
});
