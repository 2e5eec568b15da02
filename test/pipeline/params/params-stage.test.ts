import { describe, expect, it } from 'vitest';
import { memoryFiles } from '../../../src/edges/files/briefing-files.js';
import { renderBriefing } from '../../../src/pipeline/render-briefing.js';
import { templates } from '../../support/render-folder.js';

const brief = `---
title: Weekly
params:
  period: { type: period, kind: week, default: latest }
  region: { type: enum, values: [EU, US], default: EU }
data:
  downloads: { date: week, trailing: 3 }
---
Region {{params.region}}, {{period.label}} ({{period.start}} to {{period.end}}), after {{period.previous.label}}.
Downloads this week: {{sum "downloads@current" "n"}}; last week {{sum "downloads@previous" "n"}}; change {{pctChange (sum "downloads@previous" "n") (sum "downloads@current" "n")}}.

::chart{src="charts/trend.vl.json" caption="Trend"}
`;
const csv = ['week,region,n', '2026-11-09,EU,5', '2026-11-09,US,50', '2026-11-16,EU,10', '2026-11-16,US,100', '2026-11-23,EU,12', '2026-11-23,US,90'].join('\n');
const spec = JSON.stringify({
  description: 'Downloads per week for the chosen region.',
  data: { name: 'downloads@trailing' },
  transform: [{ filter: 'datum.region === region' }],
  mark: 'bar',
  encoding: { x: { field: 'week', type: 'ordinal' }, y: { field: 'n', type: 'quantitative' } },
});

function render(params: Record<string, string>) {
  const files = memoryFiles({ 'brief.md': brief, 'data/downloads.csv': csv, 'charts/trend.vl.json': spec }, 'w');
  return renderBriefing({ files, templates, params });
}

describe('parameters and periods in a briefing', () => {
  it('reach the prose, the data windows and the chart spec', async () => {
    const result = await render({ region: 'US' });
    expect(result.messages).toEqual([]);
    expect(result.html).toContain('Region US, Week 48, 2026 (2026-11-23 to 2026-11-29), after Week 47, 2026.');
    expect(result.html).toContain('Downloads this week: 102; last week 110; change \u22127.3%.'); // U+2212, the minus sign of English typography
    const table = result.figures[0]?.chart.table;
    expect(table?.rows.map((r) => r[r.length - 1])).toEqual(['50', '100', '90']);
  });

  it('uses the period given instead of the latest one, and another region', async () => {
    const result = await render({ period: '2026-W47', region: 'EU' });
    expect(result.html).toContain('Region EU, Week 47, 2026');
    expect(result.html).toContain('Downloads this week: 110; last week 55; change +100%.');
    expect(result.figures[0]?.chart.table.rows.map((r) => r[r.length - 1])).toEqual(['5', '10']);
  });

  it('reports a value that does not fit the declaration', async () => {
    const result = await render({ region: 'APAC' });
    expect(result.html).toBeUndefined();
    expect(result.messages.map((m) => [m.file, m.ruleId, m.reason])).toEqual([
      ['w/brief.md', 'param-invalid', 'parameter "region" must be one of EU, US, got "APAC"'],
    ]);
  });
});
