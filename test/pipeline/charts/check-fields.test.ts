import { describe, expect, it } from 'vitest';
import { firstSegment } from '../../../src/pipeline/charts/check-fields.js';
import { brief, render } from './helpers.js';

const COLUMNS = 'model, lab, date, downloads';

describe('checkFields', () => {
  it('reports unknown fields in channels and tooltip lists, at the field', async () => {
    const text = `{
  "data": {"name": "releases"},
  "mark": "bar",
  "encoding": {
    "x": {"field": "modle", "type": "nominal"},
    "tooltip": [{"field": "model"}, {"field": "dwnloads"}]
  }
}`;
    const { chart, messages } = await render(text);
    expect(chart).toBeUndefined();
    expect(brief(messages)).toEqual([
      { ruleId: 'chart-field', reason: `field "modle" is not a column of dataset "releases" (did you mean "model"?) (columns: ${COLUMNS})`, place: { line: 5, column: 20 } },
      { ruleId: 'chart-field', reason: `field "dwnloads" is not a column of dataset "releases" (did you mean "downloads"?) (columns: ${COLUMNS})`, place: { line: 6, column: 47 } },
    ]);
  });

  it('knows fields made by transforms, and which ones an aggregate drops', async () => {
    const ok = await render({
      data: { name: 'releases' },
      transform: [
        { calculate: 'datum.downloads * 2', as: 'double' },
        { fold: ['downloads', 'double'] },
        { timeUnit: 'year', field: 'date', as: 'year' },
        { window: [{ op: 'rank', as: 'rank' }] },
      ],
      mark: 'point',
      encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'key', type: 'nominal' }, color: { field: 'year', type: 'ordinal' }, size: { field: 'rank', type: 'quantitative' } },
    });
    expect(ok.messages).toEqual([]);
    const text = `{
  "data": {"name": "releases"},
  "transform": [{"aggregate": [{"op": "sum", "field": "downloads", "as": "total"}], "groupby": ["lab"]}],
  "mark": "bar",
  "encoding": {"x": {"field": "total", "type": "quantitative"}, "y": {"field": "model", "type": "nominal"}}
}`;
    expect(brief((await render(text)).messages)).toEqual([
      { ruleId: 'chart-field', reason: 'field "model" is not a column of dataset "releases" (columns: lab, total)', place: { line: 5, column: 80 } },
    ]);
  });

  it('checks the fields transforms read', async () => {
    const text = `{
  "data": {"name": "releases"},
  "transform": [{"filter": {"field": "lbs", "equal": "Meta"}}],
  "mark": "bar"
}`;
    expect(brief((await render(text)).messages)).toEqual([
      { ruleId: 'chart-field', reason: `field "lbs" is not a column of dataset "releases" (columns: ${COLUMNS})`, place: { line: 3, column: 38 } },
    ]);
  });

  it('checks each layer against its own data', async () => {
    const text = `{
  "data": {"name": "releases"},
  "encoding": {"y": {"field": "lab", "type": "nominal"}},
  "layer": [
    {"mark": "bar", "encoding": {"x": {"field": "downloads", "type": "quantitative"}}},
    {"data": {"name": "prices"}, "mark": "tick", "encoding": {"x": {"field": "prise", "type": "quantitative"}}}
  ]
}`;
    expect(brief((await render(text)).messages)).toEqual([
      { ruleId: 'chart-field', reason: 'field "prise" is not a column of dataset "prices" (did you mean "price"?) (columns: lab, price)', place: { line: 6, column: 78 } },
    ]);
  });

  it('checks facet fields and repeated field lists, not repeat references', async () => {
    const facet = '{"data": {"name": "releases"}, "facet": {"field": "labb"}, "spec": {"mark": "bar"}}';
    expect(brief((await render(facet)).messages)).toEqual([
      { ruleId: 'chart-field', reason: `field "labb" is not a column of dataset "releases" (did you mean "lab"?) (columns: ${COLUMNS})`, place: { line: 1, column: 51 } },
    ]);
    const repeat = `{
  "data": {"name": "releases"},
  "repeat": ["downloads", "dl"],
  "spec": {"mark": "bar", "encoding": {"x": {"field": {"repeat": "repeat"}, "type": "quantitative"}}}
}`;
    expect(brief((await render(repeat)).messages)).toEqual([
      { ruleId: 'chart-field', reason: `field "dl" is not a column of dataset "releases" (columns: ${COLUMNS})`, place: { line: 3, column: 27 } },
    ]);
  });

  it('checks inline values too, but skips what cannot be known (pivot)', async () => {
    const inline = '{"data": {"values": [{"a": 1}]}, "mark": "bar", "encoding": {"x": {"field": "b", "type": "quantitative"}}}';
    expect(brief((await render(inline)).messages)).toEqual([
      { ruleId: 'chart-field', reason: 'field "b" is not a column of dataset "(inline values)" (columns: a)', place: { line: 1, column: 77 } },
    ]);
    const pivot = await render({
      data: { name: 'releases' },
      transform: [{ pivot: 'lab', value: 'downloads', groupby: ['model'] }],
      mark: 'bar',
      encoding: { x: { field: 'Meta', type: 'quantitative' }, y: { field: 'model', type: 'nominal' } },
    });
    expect(pivot.messages).toEqual([]);
  });

  it('checks only the first segment of nested field paths', () => {
    expect(firstSegment('model')).toBe('model');
    expect(firstSegment('model.name')).toBe('model');
    expect(firstSegment('model[0]')).toBe('model');
    expect(firstSegment('a\\.b')).toBe('a.b');
    expect(firstSegment('a\\.b.c')).toBe('a.b');
  });
});
