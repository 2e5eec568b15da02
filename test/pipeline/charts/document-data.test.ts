import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/messages/catalogue.js';
import { brief, render } from './helpers.js';

/** Two unit squares side by side, as TopoJSON (unquantized arcs are coordinates). */
const TOPOLOGY = JSON.stringify({
  type: 'Topology',
  objects: {
    shapes: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0]], id: 'a', properties: { name: 'A' } },
        { type: 'Polygon', arcs: [[1]], id: 'b', properties: { name: 'B' } },
      ],
    },
  },
  arcs: [
    [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]],
    [[2, 0], [3, 0], [3, 1], [2, 1], [2, 0]],
  ],
});

const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: 'A' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }],
});

const map = (data: object, encoding: object = {}) => ({ data, projection: { type: 'mercator' }, mark: 'geoshape', encoding });
const shapes = (svg: string | undefined) => /<g class="mark-shape role-mark[^>]*>([\s\S]*?)<\/g>/.exec(svg ?? '')?.[1]?.match(/<path/g)?.length;
const files = { 'data/shapes.json': TOPOLOGY, 'data/world.topojson': TOPOLOGY, 'data/areas.geojson': GEOJSON };

describe('maps: TopoJSON and GeoJSON data files', () => {
  it('draws the features of a TopoJSON object, and checks fields against them', async () => {
    const spec = map({ url: 'data/shapes.json', format: { type: 'topojson', feature: 'shapes' } }, { color: { field: 'properties.name', type: 'nominal' } });
    const { chart, messages } = await render(spec, { extraFiles: files });
    expect(messages).toEqual([]);
    expect(shapes(chart?.svg)).toBe(2);
    expect(chart?.table.rows).toEqual([['A'], ['B']]);

    const typo = map({ url: 'data/world.topojson', format: { feature: 'shapes' } }, { color: { field: 'name', type: 'nominal' } });
    const { chart: none, messages: errors } = await render(typo, { extraFiles: files });
    expect(none).toBeUndefined();
    expect(brief(errors).map((m) => m.reason)).toEqual([catalogue.chartField('name', 'world', ['type', 'properties', 'geometry', 'id']).reason]);
  });

  it('draws a mesh as one shape', async () => {
    const spec = map({ url: 'data/shapes.json', format: { type: 'topojson', mesh: 'shapes' } });
    const { chart, messages } = await render({ ...spec, mark: { type: 'geoshape', filled: false } }, { extraFiles: files });
    expect(messages).toEqual([]);
    expect(shapes(chart?.svg)).toBe(1);
  });

  it('reports a TopoJSON object that is not there, at the format', async () => {
    const text = '{\n  "data": {"url": "data/shapes.json", "format": {"type": "topojson", "feature": "countries"}},\n  "mark": "geoshape"\n}';
    const { chart, messages } = await render(text, { extraFiles: files });
    expect(chart).toBeUndefined();
    expect(brief(messages)).toEqual([
      { ruleId: 'chart-data-format', reason: catalogue.chartTopologyObject('countries', ['shapes']).reason, place: { line: 2, column: 81 } },
    ]);
  });

  it('reads GeoJSON features under a property', async () => {
    const spec = map({ url: 'data/areas.geojson', format: { property: 'features' } }, { color: { field: 'properties.name', type: 'nominal' } });
    const { chart, messages } = await render(spec, { extraFiles: files });
    expect(messages).toEqual([]);
    expect(shapes(chart?.svg)).toBe(1);
  });

  it('keeps map files inside data/ like any data file', async () => {
    const { chart, messages } = await render(map({ url: '../world.topojson', format: { feature: 'shapes' } }), { extraFiles: files });
    expect(chart).toBeUndefined();
    expect(brief(messages).map((m) => m.ruleId)).toEqual(['chart-data-url']);
  });
});

describe('nested JSON values', () => {
  it('reach the chart as written, so nested fields plot as in plain Vega', async () => {
    const weeks = '[{"id": 1, "record": {"low": 20, "high": 60}}, {"id": 2, "record": {"low": 30, "high": 50}}]';
    const spec = { data: { url: 'data/weeks.json' }, mark: 'bar', encoding: { x: { field: 'id', type: 'ordinal' }, y: { field: 'record.low', type: 'quantitative' }, y2: { field: 'record.high' } } };
    const { chart, messages } = await render(spec, { extraFiles: { 'data/weeks.json': weeks } });
    expect(messages).toEqual([]);
    const bars = /<g class="mark-rect role-mark[^>]*>([\s\S]*?)<\/g>/.exec(chart?.svg ?? '')?.[1] ?? '';
    expect(bars.match(/<path/g)).toHaveLength(2);
    expect(chart?.table.rows).toEqual([['1', '20', '60'], ['2', '30', '50']]);
  });
});
