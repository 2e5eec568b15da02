import { describe, expect, it } from 'vitest';
import { render } from './helpers.js';

const releases = { data: { name: 'releases' } };

async function table(spec: object) {
  const { chart, messages } = await render({ ...releases, ...spec });
  expect(messages).toEqual([]);
  return chart?.table;
}

describe('dataTable', () => {
  it('projects the plotted rows to the encoded fields, titled as the author titled them', async () => {
    expect(
      await table({
        mark: 'bar',
        encoding: {
          x: { field: 'model', type: 'nominal', title: 'Model' },
          y: { field: 'downloads', type: 'quantitative', axis: { title: 'Downloads (k)' } },
          color: { field: 'lab', type: 'nominal' },
          tooltip: [{ field: 'date' }],
        },
      }),
    ).toEqual({
      columns: ['Model', 'lab', 'Downloads (k)'],
      rows: [
        ['R1', 'DeepSeek', '120'],
        ['V3', 'DeepSeek', '80.5'],
        ['Llama 3', 'Meta', '300'],
      ],
    });
  });

  it('shows aggregated values, as drawn, after the categories', async () => {
    expect(
      await table({
        mark: 'bar',
        encoding: { y: { field: 'lab', type: 'nominal' }, x: { field: 'downloads', aggregate: 'mean', type: 'quantitative' } },
      }),
    ).toEqual({
      columns: ['lab', 'downloads'],
      rows: [
        ['DeepSeek', '100.25'],
        ['Meta', '300'],
      ],
    });
    expect(await table({ mark: 'bar', encoding: { x: { field: 'lab', type: 'nominal' }, y: { aggregate: 'count' } } })).toEqual({
      columns: ['lab', 'Count'],
      rows: [
        ['DeepSeek', '2'],
        ['Meta', '1'],
      ],
    });
  });

  it('shows dates and time units as ISO dates', async () => {
    expect(
      await table({
        mark: 'line',
        encoding: { x: { field: 'date', timeUnit: 'yearmonth', type: 'temporal' }, y: { field: 'downloads', type: 'quantitative' } },
      }),
    ).toEqual({
      columns: ['date', 'downloads'],
      rows: [
        ['2025-01-01', '120'],
        ['2024-12-01', '80.5'],
        ['2024-04-01', '300'],
      ],
    });
  });

  it('shows bin starts of binned fields', async () => {
    const t = await table({ mark: 'bar', encoding: { x: { field: 'downloads', bin: { maxbins: 5 } }, y: { aggregate: 'count' } } });
    expect(t?.columns).toEqual(['downloads', 'Count']);
    expect(t?.rows).toEqual([
      ['100', '1'],
      ['50', '1'],
      ['250', '1'],
    ]);
  });

  it('combines the fields of all layers, read from the dataset that holds them', async () => {
    expect(
      await table({
        encoding: { x: { field: 'model', type: 'nominal' } },
        layer: [
          { mark: 'rule', encoding: { y: { datum: 100 } } },
          { mark: 'bar', encoding: { y: { field: 'downloads', type: 'quantitative' } } },
          { mark: 'text', encoding: { y: { field: 'downloads', type: 'quantitative' }, text: { field: 'lab' } } },
        ],
      }),
    ).toEqual({
      columns: ['model', 'lab', 'downloads'],
      rows: [
        ['R1', 'DeepSeek', '120'],
        ['V3', 'DeepSeek', '80.5'],
        ['Llama 3', 'Meta', '300'],
      ],
    });
  });

  it('types x2 like x, so ranges read after their category', async () => {
    const { chart } = await render({
      data: { values: [{ a: 'p', lo: 1, hi: 2.5 }] },
      mark: 'rule',
      encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, y: { field: 'a', type: 'nominal' } },
    });
    expect(chart?.table).toEqual({ columns: ['a', 'lo', 'hi'], rows: [['p', '1', '2.5']] });
  });

  it('prefers the fullest dataset when layers draw subsets', async () => {
    const t = await table({
      layer: [
        { mark: 'rule', transform: [{ sample: 1 }], encoding: { x: { field: 'downloads', type: 'quantitative' } } },
        { mark: 'point', encoding: { x: { field: 'downloads', type: 'quantitative' }, y: { field: 'model', type: 'nominal' } } },
      ],
    });
    expect(t).toEqual({
      columns: ['model', 'downloads'],
      rows: [
        ['R1', '120'],
        ['V3', '80.5'],
        ['Llama 3', '300'],
      ],
    });
  });

  it('leaves out layer fields that no single dataset holds', async () => {
    const t = await table({
      layer: [
        { mark: 'bar', encoding: { x: { field: 'lab', type: 'nominal' }, y: { field: 'downloads', aggregate: 'sum', type: 'quantitative' } } },
        { mark: 'rule', encoding: { y: { field: 'downloads', aggregate: 'mean', type: 'quantitative' } } },
      ],
    });
    expect(t).toEqual({
      columns: ['lab', 'downloads'],
      rows: [
        ['DeepSeek', '200.5'],
        ['Meta', '300'],
      ],
    });
  });

  it('puts facet fields first and reads repeated views', async () => {
    const facet = await table({
      mark: 'bar',
      encoding: { column: { field: 'lab', type: 'nominal' }, x: { field: 'model', type: 'nominal' }, y: { field: 'downloads', type: 'quantitative' } },
    });
    expect(facet?.columns).toEqual(['lab', 'model', 'downloads']);
    expect(facet?.rows[0]).toEqual(['DeepSeek', 'R1', '120']);
    const repeat = await table({
      repeat: { column: ['downloads', 'date'] },
      spec: { mark: 'point', encoding: { x: { field: { repeat: 'column' }, type: 'ordinal' }, y: { field: 'model', type: 'nominal' } } },
    });
    expect(repeat?.columns).toEqual(['downloads', 'model']);
    expect(repeat?.rows[0]).toEqual(['120', 'R1']);
  });

  it('caps the table at 500 rows', async () => {
    const values = Array.from({ length: 700 }, (_, i) => ({ i, v: i % 7 }));
    const { chart } = await render({ data: { values }, mark: 'point', encoding: { x: { field: 'i', type: 'quantitative' }, y: { field: 'v', type: 'quantitative' } } });
    expect(chart?.table.rows).toHaveLength(500);
    expect(chart?.table.rows[499]).toEqual(['499', '2']);
  });
});
