import { describe, expect, it } from 'vitest';
import { applyTransform, transformInputs, type FieldScope } from '../../../src/pipeline/charts/transform-fields.js';

const scope: FieldScope = { dataset: 'd', fields: new Set(['a', 'b', 'date']) };
const after = (t: object, lookup?: string[]) => {
  const fields = applyTransform(scope, t as never, lookup).fields;
  return fields && [...fields];
};

describe('transform fields', () => {
  it('adds outputs with Vega-Lite’s defaults', () => {
    expect(after({ calculate: '1', as: 'c' })).toEqual(['a', 'b', 'date', 'c']);
    expect(after({ fold: ['a', 'b'] })).toEqual(['a', 'b', 'date', 'key', 'value']);
    expect(after({ bin: true, field: 'a', as: 'a_bin' })).toEqual(['a', 'b', 'date', 'a_bin', 'a_bin_end']);
    expect(after({ stack: 'a', groupby: [], as: ['lo', 'hi'] })).toEqual(['a', 'b', 'date', 'lo', 'hi']);
    expect(after({ joinaggregate: [{ op: 'mean', field: 'a' }] })).toEqual(['a', 'b', 'date', 'mean_a']);
    expect(after({ density: 'a' })).toEqual(['a', 'b', 'date', 'value', 'density']);
    expect(after({ density: 'a', extent: [0, 10] })).toEqual(['a', 'b', 'date', 'value', 'density']);
    expect(after({ extent: 'a', param: 'range' })).toEqual(['a', 'b', 'date']);
    expect(after({ regression: 'b', on: 'a' })).toEqual(['a', 'b', 'date']);
  });

  it('keeps only groups and outputs after an aggregate', () => {
    expect(after({ aggregate: [{ op: 'count', as: 'n' }], groupby: ['b'] })).toEqual(['b', 'n']);
  });

  it('adds looked-up fields, or gives up when they cannot be known', () => {
    expect(after({ lookup: 'a', from: { data: {}, key: 'a', fields: ['x'] } })).toEqual(['a', 'b', 'date', 'x']);
    expect(after({ lookup: 'a', from: { data: {}, key: 'a' } }, ['a', 'y'])).toEqual(['a', 'b', 'date', 'y']);
    expect(after({ lookup: 'a', from: { data: {}, key: 'a' } })).toBeUndefined();
    expect(after({ pivot: 'a', value: 'b' })).toBeUndefined();
    expect(after({ somethingNew: 1 })).toBeUndefined();
  });

  it('lists the fields a transform reads, with their paths', () => {
    expect(transformInputs({ aggregate: [{ op: 'sum', field: 'a', as: 's' }], groupby: ['b'] })).toEqual([
      { field: 'b', path: ['groupby', 0] },
      { field: 'a', path: ['aggregate', 0, 'field'] },
    ]);
    expect(transformInputs({ timeUnit: 'year', field: 'date', as: 'y' })).toEqual([{ field: 'date', path: ['field'] }]);
    expect(transformInputs({ filter: 'datum.a > 1' })).toEqual([]);
  });
});
