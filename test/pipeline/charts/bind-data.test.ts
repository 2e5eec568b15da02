import { catalogue } from '../../../src/messages/catalogue.js';
import { describe, expect, it } from 'vitest';
import { bindData } from '../../../src/pipeline/charts/bind-data.js';
import { SpecPositions } from '../../../src/pipeline/charts/spec-positions.js';
import { memoryFiles } from '../../../src/edges/files/briefing-files.js';
import { MessageLog } from '../../../src/messages/message-log.js';
import { brief, CSV, datasetsOf, FILE, render } from './helpers.js';

const dataSpec = (url: string) => `{\n  "data": {"url": "${url}"},\n  "mark": "bar"\n}`;

describe('bindData', () => {
  const files = memoryFiles(CSV, 'brief');
  const datasets = datasetsOf(files, Object.keys(CSV));
  const bind = (spec: object) => {
    const log = new MessageLog();
    const ctx = { file: FILE, positions: new SpecPositions(undefined, ''), log };
    return { bound: bindData(JSON.parse(JSON.stringify(spec)), { files, datasets }, ctx), messages: brief(log.messages) };
  };

  it('replaces named data with copies of the dataset rows', () => {
    const spec = { data: { name: 'releases', format: { parse: { date: 'date' } } }, mark: 'bar' };
    const { bound } = bind(spec);
    expect(bound.ok).toBe(true);
    expect(bound.spec['data']).toEqual({ values: datasets.get('releases')?.rows, format: { parse: { date: 'date' } } });
    expect((bound.spec['data'] as { values: unknown[] }).values[0]).not.toBe(datasets.get('releases')?.rows[0]);
    expect(spec.data).toEqual({ name: 'releases', format: { parse: { date: 'date' } } });
    expect(bound.used).toEqual(['releases']);
  });

  it('binds data in layers, concat members, facet inner specs and lookups', () => {
    const spec = {
      vconcat: [
        { layer: [{ data: { name: 'prices' }, mark: 'bar' }] },
        { facet: { field: 'lab' }, spec: { data: { url: 'data/releases.csv' }, mark: 'bar' } },
        { data: { values: [{ lab: 'Meta' }] }, transform: [{ lookup: 'lab', from: { data: { name: 'prices' }, key: 'lab' } }], mark: 'bar' },
      ],
    };
    const { bound } = bind(spec);
    expect(bound.ok).toBe(true);
    expect(bound.used).toEqual(['prices', 'releases']);
    expect(JSON.stringify(bound.spec)).not.toMatch(/"name"|"url"/);
    expect([...bound.sources.keys()]).toEqual([
      '["vconcat",0,"layer",0,"data"]',
      '["vconcat",1,"spec","data"]',
      '["vconcat",2,"data"]',
      '["vconcat",2,"transform",0,"from","data"]',
    ]);
    expect(bound.sources.get('["vconcat",2,"data"]')).toEqual({ name: '(inline values)', columns: ['lab'] });
  });

  it('leaves names of the spec’s own datasets alone', () => {
    const { bound } = bind({ datasets: { mine: [{ a: 1 }] }, data: { name: 'mine' }, mark: 'bar' });
    expect(bound.spec['data']).toEqual({ name: 'mine' });
    expect(bound.used).toEqual([]);
    expect(bound.sources.get('["data"]')).toEqual({ name: 'mine', columns: ['a'] });
  });
});

describe('data binding errors', () => {
  it('reports an unknown dataset name at the name', async () => {
    const { chart, messages } = await render('{\n  "data": {"name": "relases"},\n  "mark": "bar"\n}');
    expect(chart).toBeUndefined();
    expect(brief(messages)).toEqual([
      { ruleId: 'data-unknown', reason: 'unknown dataset "relases" (did you mean "releases"?) (known: prices, releases)', place: { line: 2, column: 20 } },
    ]);
  });

  it.each(['../secret.csv', 'https://example.com/x.csv', '/etc/passwd', 'data/../../secret.csv', 'charts/a.csv'])(
    'refuses the data url %s',
    async (url) => {
      const { chart, messages } = await render(dataSpec(url));
      expect(chart).toBeUndefined();
      expect(brief(messages)).toEqual([
        {
          ruleId: 'chart-data-url',
          reason: `chart data url "${url}" must be a file under data/ in the briefing folder`,
          place: { line: 2, column: 19 },
        },
      ]);
    },
  );

  it('reports a missing data file at the url', async () => {
    const { messages } = await render(dataSpec('data/nope.csv'));
    expect(brief(messages)).toEqual([
      { ruleId: 'file-missing', reason: 'file "data/nope.csv" does not exist', place: { line: 2, column: 19 } },
    ]);
  });

  it('reports an unsupported data file type at the url', async () => {
    const { messages } = await render(dataSpec('data/x.xlsx'));
    expect(brief(messages)).toEqual([
      { ruleId: 'data-format', reason: catalogue.dataFormat('data/x.xlsx').reason, place: { line: 2, column: 19 } },
    ]);
  });

  it('loads a url inside data/ that the pipeline did not preload', async () => {
    const text = '{"data": {"url": "./data/extra.csv"}, "mark": "bar", "encoding": {"x": {"field": "a", "type": "nominal"}}}';
    const { chart, messages } = await render(text, { extraFiles: { 'data/extra.csv': 'a\nq\n' } });
    expect(messages).toEqual([]);
    expect(chart?.datasets).toEqual(['extra']);
    expect(chart?.table).toEqual({ columns: ['a'], rows: [['q']] });
  });

  it('shifts data errors of inline specs by their origin', async () => {
    const { messages } = await render(dataSpec('../secret.csv'), { file: 'brief/brief.md', origin: { line: 30, column: 1 } });
    expect(brief(messages)[0]?.place).toEqual({ line: 31, column: 19 });
  });
});
