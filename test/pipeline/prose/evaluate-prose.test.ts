import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/pipeline/data/dataset.js';
import { catalogue } from '../../../src/messages/catalogue.js';
import { MessageLog } from '../../../src/messages/message-log.js';
import { evaluateProse } from '../../../src/pipeline/prose/evaluate-prose.js';
import { builtinHelpers } from '../../../src/pipeline/prose/helpers/builtin-helpers.js';

const releases: Dataset = {
  name: 'releases',
  path: 'data/releases.csv',
  columns: ['org', 'y2024', 'y2025'],
  rows: [
    { org: 'Baidu', y2024: 0, y2025: 104 },
    { org: 'Tencent', y2024: 12, y2025: 103 },
  ],
  rowPlaces: [
    { line: 2, column: 1 },
    { line: 3, column: 1 },
  ],
};

function run(text: string, lang = 'en') {
  const log = new MessageLog();
  const datasets = new Map([['releases', releases]]);
  const out = evaluateProse(
    {
      text,
      file: 'b/brief.md',
      firstLine: 5,
      context: { meta: { title: 'T *x*', subtitle: null }, data: { releases: releases.rows }, params: {} },
      lang,
      datasets,
      helpers: builtinHelpers,
    },
    log,
  );
  return { ...out, messages: log.messages };
}

describe('evaluateProse', () => {
  it('leaves text without expressions untouched and maps lines to the file', () => {
    const r = run('# A\n\nplain *text*\n');
    expect(r.markdown).toBe('# A\n\nplain *text*\n');
    expect(r.placeOf(3)).toEqual({ line: 5, column: 4 });
    expect(r.messages).toEqual([]);
  });

  it('formats numbers, percentages, deltas and dates following lang', () => {
    const r = run('{{num 1234.56}} {{pct 0.124}} {{delta 0.124}} {{delta -0.05 digits=2}} {{pctChange 12 103}} {{date "2025-01-20"}}');
    expect(r.messages).toEqual([]);
    expect(r.markdown).toBe('1,234.6 12.4% +12.4% \u22125.00% +758.3% January 20, 2025');
    expect(run('{{date "2025-01-20"}} {{num 1234.5}}', 'zh').markdown).toBe('2025年1月20日 1,234.5');
  });

  it('writes negative numbers with the minus sign in English, percentage-point changes with "pp"', () => {
    const r = run('{{num -1234.5}} {{pct -0.124}} {{delta -0.05}} {{pctChange 10 4}} {{ppChange 0.124 0.101}} {{ppChange 0.101 0.124 digits=2}} {{ppChange 0.2 0.2}}');
    expect(r.messages).toEqual([]);
    expect(r.markdown).toBe('\u22121,234.5 \u221212.4% \u22125% \u221260% \u22122.3 pp +2.30 pp 0 pp');
    expect(run('{{num -3}} {{ppChange 0.101 0.124}}', 'zh').markdown).toBe('-3 +2.3个百分点');
  });

  it('compares values and filters rows for #if and #each', () => {
    const months = '{{#each (filter "releases" org="Tencent")}}{{org}} {{y2025}}{{/each}}|{{#each (filter data.releases "y2024" 0)}}{{org}}{{/each}}';
    const r = run(`${months}|{{#if (gt (sum "releases" "y2025") 200)}}big{{/if}} {{#if (eq (first "releases" "org") "Baidu")}}B{{/if}} {{#if (and (lt 1 2) (lte 2 2) (gte 3 2) (ne "a" "b") (not 0))}}all{{/if}} {{#unless (or (eq 1 2) (lt "2026-01" "2025-12"))}}none{{/unless}}`);
    expect(r.messages).toEqual([]);
    expect(r.markdown).toBe('Tencent 103|Baidu|big B all none');
    const bad = run('{{#if (lt 1 "x")}}y{{/if}} {{#each (filter "releases" "region" "EU")}}{{/each}}');
    expect(bad.messages.map((m) => m.reason)).toEqual([
      'helper "lt": cannot compare 1 with "x"',
      catalogue.columnUnknown('releases', 'region', releases.columns).reason,
    ]);
  });

  it('computes aggregates over a dataset', () => {
    const r = run('{{sum "releases" "y2025"}} {{max "releases" "y2024"}} {{first "releases" "org"}} {{last "releases" "org"}} {{count "releases"}} {{cell "releases" "Baidu" "y2025"}} {{num (ratio 103 12) digits=1}}');
    expect(r.messages).toEqual([]);
    expect(r.markdown).toBe('207 12 Baidu Tencent 2 104 8.6');
  });

  it('escapes values for Markdown, not HTML', () => {
    const r = run('Title: {{meta.title}} & {{{meta.title}}}');
    expect(r.markdown).toBe('Title: T \\*x\\* & T *x*');
  });

  it('iterates datasets in blocks', () => {
    const r = run('{{#each data.releases}}- {{org}}: {{y2025}}\n{{/each}}');
    expect(r.messages).toEqual([]);
    expect(r.markdown).toBe('- Baidu: 104\n- Tencent: 103\n');
  });

  it('reports an unknown variable with its place, never an empty string', () => {
    const r = run('line one\nthe {{meta.titel}} here');
    expect(r.messages).toEqual([
      { file: 'b/brief.md', place: { line: 6, column: 7 }, ...catalogue.variableUnknown('meta.titel', 'meta.title') },
    ]);
  });

  it('reports every unknown helper and unknown dataset at its call site', () => {
    const r = run('{{nope 1}} and {{sum "downloads" "x"}}\n\n{{cell "releases" "Baidu" "zz"}}');
    expect(r.messages).toEqual([
      { file: 'b/brief.md', place: { line: 5, column: 3 }, ...catalogue.helperUnknown('nope') },
      { file: 'b/brief.md', place: { line: 5, column: 18 }, ...catalogue.dataUnknown('downloads', ['releases']) },
      { file: 'b/brief.md', place: { line: 7, column: 3 }, ...catalogue.columnUnknown('releases', 'zz', ['org', 'y2024', 'y2025']) },
    ]);
  });

  it('reports syntax errors at the opening braces', () => {
    const r = run('ok\n\nthe {{foo bar}\n');
    expect(r.messages[0]?.ruleId).toBe('prose-syntax');
    expect(r.messages[0]?.place).toEqual({ line: 7, column: 5 });
    const unclosed = run('a\n{{#each data.releases}}\nx\n');
    expect(unclosed.messages[0]?.place).toEqual({ line: 6, column: 1 });
  });

  it('maps offsets after an expression back to the source', () => {
    const r = run('{{num 1000000}} then **bold**');
    const offset = r.markdown.indexOf('**bold**');
    expect(r.placeOf(offset)).toEqual({ line: 5, column: 22 });
    expect(r.placeOf(2)).toEqual({ line: 5, column: 1 });
  });
});

describe('aggregate helpers with column filters', () => {
  it('narrows rows by named arguments and finds the row with the largest value', () => {
    const r = run('{{sum "releases" "y2025" org="Tencent"}} {{count "releases" org="Baidu"}} {{argmax "releases" "y2024" "org"}} {{argmin "releases" "y2024" "org"}} {{mean "releases" "y2025"}}');
    expect(r.messages).toEqual([]);
    expect(r.markdown).toBe('103 1 Tencent Baidu 103.5');
  });

  it('reports a filter on a column the dataset does not have', () => {
    const r = run('{{sum "releases" "y2025" region="EU"}}');
    expect(r.messages.map((m) => m.reason)).toEqual(['dataset "releases" has no column "region" (columns: org, y2024, y2025)']);
  });
});

describe('code is quoted, not templated', () => {
  it('passes fenced and inline code through literally, around evaluated prose', () => {
    const text = [
      'Title: {{meta.title}}, `{{inline}}` and ``{{{raw}}}``.',
      '',
      '```handlebars',
      '{{#each items}}<li>{{name}}</li>{{/each}}',
      '```',
      '',
      '    {{indented code}}',
      '',
      '{{#if meta.title}}',
      '```vue',
      '<p>{{ message }}</p>',
      '```',
      '{{/if}}',
      'Then {{count "releases"}} after {{oops}}.',
    ].join('\n');
    const { markdown, messages, placeOf } = run(text);
    expect(markdown).toBe(text.replace('{{meta.title}}', 'T \\*x\\*').replace('{{#if meta.title}}\n', '').replace('{{/if}}\n', '').replace('{{count "releases"}}', '2').replace('{{oops}}', ''));
    // Places after the code still map to the author's file.
    expect(messages.map((m) => [m.reason, m.place])).toEqual([[catalogue.variableUnknown('oops').reason, { line: 18, column: 35 }]]);
    expect(placeOf(markdown.indexOf('Then'))).toEqual({ line: 18, column: 1 });
  });

  it('writes a literal {{ in prose with a backslash', () => {
    expect(run('Use \\{{name}} in templates.').markdown).toBe('Use {{name}} in templates.');
  });
});
