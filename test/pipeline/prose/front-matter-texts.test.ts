import { describe, expect, it } from 'vitest';
import { memoryFiles } from '../../../src/edges/files/briefing-files.js';
import { renderBriefing } from '../../../src/pipeline/render-briefing.js';
import { templates } from '../../support/render-folder.js';

const brief = (front: string) => `---
params:
  period: { type: period, kind: week, default: latest }
  region: { type: enum, values: [EU, US], default: EU }
data:
  weekly: { date: week }
${front}
---
Body for {{params.region}}.
`;
const csv = ['week,region,n', '2026-11-16,EU,1', '2026-11-23,US,2'].join('\n');
const render = (front: string, params: Record<string, string> = {}) =>
  renderBriefing({ files: memoryFiles({ 'brief.md': brief(front), 'data/weekly.csv': csv }, 'b'), templates, params });

describe('title, subtitle, summary and headline as templates', () => {
  it('differ per variant and period on the cover, in <title> and in the meta description', async () => {
    const front = [
      'title: "Open Models Weekly — {{params.region}}"',
      'subtitle: "{{period.label}}, downloads in {{params.region}}"',
      'summary: >-',
      '  The week of {{date period.start style="medium"}}',
      '  in {{params.region}}.',
      'headline: "{{sum \\"weekly@current\\" \\"n\\"}} downloads"',
    ].join('\n');
    const us = await render(front, { region: 'US', period: '2026-W48' });
    expect(us.messages).toEqual([]);
    expect(us.meta?.title).toBe('Open Models Weekly — US');
    expect(us.headline).toBe('2 downloads');
    expect(us.html).toContain('<title>Open Models Weekly — US</title>');
    expect(us.html).toContain('Week 48, 2026, downloads in US');
    expect(us.html).toContain('content="The week of Nov 23, 2026 in US."');
    const eu = await render(front, { region: 'EU', period: '2026-W47' });
    expect(eu.meta?.title).toBe('Open Models Weekly — EU');
    expect(eu.meta?.subtitle).toBe('Week 47, 2026, downloads in EU');
  });

  it('leaves text without {{ as written and keeps values literal (no Markdown escapes)', async () => {
    const result = await render('title: "Weekly *brief* [draft]"\nsubtitle: "{{params.region}} *x*"');
    expect(result.meta?.title).toBe('Weekly *brief* [draft]');
    expect(result.meta?.subtitle).toBe('EU *x*');
  });

  it('reports an unknown variable or helper at its place inside the front matter value', async () => {
    const result = await render('title: "Weekly {{params.regoin}}"\nsubtitle: Plain {{nope 1}}\nsummary: >-\n  About {{period.lable}}');
    expect(result.html).toBeUndefined();
    expect(result.messages.map((m) => [m.file, m.place?.line, m.place?.column, m.ruleId])).toEqual([
      ['b/brief.md', 7, 18, 'variable-unknown'], // title: "Weekly {{params.regoin}}" — at the path
      ['b/brief.md', 8, 19, 'helper-unknown'], // subtitle: Plain {{nope 1}}
      ['b/brief.md', 10, 11, 'variable-unknown'], // the folded summary's first line
    ]);
  });

  it('places a mistake on a later line of a folded headline, and after escapes in a quoted one', async () => {
    const folded = await render('title: T\nheadline: >-\n  Downloads this week:\n  {{sum "weekly@current" "nn"}} in all');
    expect(folded.messages.map((m) => [m.place?.line, m.place?.column, m.ruleId])).toEqual([[10, 5, 'column-unknown']]);
    const quoted = await render('title: T\nheadline: "The \\"top\\" {{pctChnage 1 2}}"');
    expect(quoted.messages.map((m) => [m.place?.line, m.place?.column, m.ruleId])).toEqual([[8, 26, 'helper-unknown']]);
  });
});
