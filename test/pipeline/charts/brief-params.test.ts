import { describe, expect, it } from 'vitest';
import { injectParams } from '../../../src/pipeline/charts/brief-params.js';
import { render } from './helpers.js';

describe('injectParams', () => {
  const spec = { transform: [{ filter: 'datum.downloads > threshold' }], mark: 'bar' };

  it('adds referenced briefing parameters as fixed params', () => {
    expect(injectParams(spec, { threshold: 100, unused: 'x' })['params']).toEqual([{ name: 'threshold', value: 100 }]);
  });

  it('leaves specs without references, and params the spec declares, alone', () => {
    expect(injectParams({ mark: 'bar' }, { threshold: 1 })).toEqual({ mark: 'bar' });
    const own = { ...spec, params: [{ name: 'threshold', value: 5 }] };
    expect(injectParams(own, { threshold: 100 })['params']).toEqual([{ name: 'threshold', value: 5 }]);
  });

  it('does not match field accesses or longer names, nor inline data, nor reserved names', () => {
    const tricky = { data: { values: [{ a: 'threshold' }] }, transform: [{ calculate: 'datum.threshold + thresholds', as: 'x' }], mark: 'bar' };
    expect(injectParams(tricky, { threshold: 1 })['params']).toBeUndefined();
    expect(injectParams({ mark: 'bar', transform: [{ filter: 'width > 1' }] }, { width: 3 })['params']).toBeUndefined();
  });

  it('feeds expressions when rendering', async () => {
    const { chart, messages } = await render(
      {
        data: { name: 'releases' },
        transform: [{ filter: 'datum.downloads > threshold' }],
        mark: 'bar',
        encoding: { x: { field: 'model', type: 'nominal' }, y: { field: 'downloads', type: 'quantitative' } },
      },
      { params: { threshold: 100 } },
    );
    expect(messages).toEqual([]);
    expect(chart?.table.rows).toEqual([
      ['R1', '120'],
      ['Llama 3', '300'],
    ]);
  });
});
