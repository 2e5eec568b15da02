/** What `brief new` writes: a small briefing that builds and checks clean and shows each feature once. */
export interface StarterOptions {
  slug: string;
  /** Template name for the front matter (`briefing` unless `--template`). */
  template: string;
  /** `YYYY-MM-DD`, handed in so the output does not depend on the clock in tests. */
  today: string;
}

/** `q3-market-review` → `Q3 market review` */
export function titleFromSlug(slug: string): string {
  const words = slug.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function starterFiles({ slug, template, today }: StarterOptions): Record<string, string> {
  return {
    'brief.md': briefMd(titleFromSlug(slug), template, today),
    'sections/01-next-steps.md': nextStepsMd(slug),
    'data/quarterly_totals.csv': 'quarter,value\n2025-Q1,120\n2025-Q2,135\n2025-Q3,160\n2025-Q4,172\n',
    'charts/quarterly-totals.vl.json': `${JSON.stringify(chartSpec, null, 2)}\n`,
  };
}

// JSON strings are valid YAML double-quoted scalars, so any title is quoted safely.
const briefMd = (title: string, template: string, today: string): string => `---
title: ${JSON.stringify(title)}
subtitle: "Replace this subtitle with one line on what the briefing covers"
date: ${today}
authors:
  - name: Your Name
summary: >-
  One or two sentences that say what the reader should take away. They appear on the
  cover and as the page's description.
lang: en
template: ${template}
---

This opening text is shown as "Key findings": state the two or three points a busy reader must
not miss. Numbers come from the data files, so they stay right when the data changes: the
sample data covers {{count "quarterly_totals"}} quarters.

## What the data shows

The total grew from {{num (first "quarterly_totals" "value")}} in {{first "quarterly_totals" "quarter"}}
to {{num (last "quarterly_totals" "value")}} in {{last "quarterly_totals" "quarter"}}, a change of
{{pctChange (first "quarterly_totals" "value") (last "quarterly_totals" "value")}} over the year.[^sample-data]
[The chart](#fig-quarterly-totals) shows each quarter.

::chart{src="charts/quarterly-totals.vl.json" caption="Quarterly totals, 2025 (sample data)" id="fig-quarterly-totals"}

[^sample-data]: Sample values made up for this starter briefing; replace them, and this note, with a real source.
`;

const nextStepsMd = (slug: string): string => `## Next steps

- Replace \`data/quarterly_totals.csv\` with your own data. Every file in \`data/\` is a dataset
  named by its file stem; CSV, TSV, JSON and NDJSON are read.
- Edit the chart in \`charts/quarterly-totals.vl.json\` (Vega-Lite) and keep its \`description\`:
  screen readers announce it.
- Add sections as more files in \`sections/\`; they are appended in file-name order.
- While writing, run \`brief preview content/${slug}\`; before sharing, \`brief check content/${slug}\`.
`;

const chartSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  description: 'Bar chart of the sample quarterly totals for 2025, one bar per quarter, rising from the first quarter to the fourth.',
  data: { name: 'quarterly_totals' },
  mark: 'bar',
  encoding: {
    x: { field: 'quarter', type: 'ordinal', title: 'Quarter' },
    y: { field: 'value', type: 'quantitative', title: 'Total' },
  },
};
