import type { Spec } from 'vega';
import { describe, expect, it } from 'vitest';
import { runVega, viewSvg } from '../../../src/pipeline/charts/run-vega.js';

describe('runVega', () => {
  it('never loads data: the attempt is an error, as is Vega’s “Loading failed” warning', async () => {
    const spec: Spec = {
      data: [{ name: 'remote', url: 'https://example.com/x.csv', format: { type: 'csv' } }],
      marks: [{ type: 'symbol', from: { data: 'remote' } }],
    };
    const { view, errors, warnings } = await runVega(spec, undefined);
    view.finalize();
    expect(errors[0]).toBe('charts load no external data or files ("https://example.com/x.csv")');
    expect(errors.some((p) => p.startsWith('Loading failed'))).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('passes other warnings on and drops interaction that needs a window', async () => {
    const spec: Spec = {
      signals: [{ name: 'drag', on: [{ events: 'window:mousemove', update: 'x()' }] }],
      data: [{ name: 't', values: [] }],
      scales: [{ name: 'x', type: 'linear', domain: { data: 't', field: 'a' }, range: [0, 10] }],
    };
    const { view, errors, warnings } = await runVega(spec, undefined);
    view.finalize();
    expect(errors).toEqual([]);
    expect(warnings).toEqual(['Infinite extent for field "a": [Infinity, -Infinity]']);
  });

  it('evaluates expressions without generated code', async () => {
    const spec: Spec = {
      signals: [{ name: 'n', value: 2 }],
      data: [{ name: 't', values: [{ a: 1 }, { a: 2 }], transform: [{ type: 'formula', expr: 'datum.a * n', as: 'b' }] }],
    };
    const { view, errors, warnings } = await runVega(spec, undefined);
    expect([...errors, ...warnings]).toEqual([]);
    expect((view.data('t') as { b: number }[]).map((d) => d.b)).toEqual([2, 4]);
    view.finalize();
  });

  it('formats numbers and dates in the briefing language', async () => {
    const spec: Spec = {
      width: 200,
      height: 20,
      scales: [{ name: 'x', type: 'utc', domain: [Date.UTC(2025, 0, 1), Date.UTC(2025, 2, 1)], range: 'width' }],
      axes: [{ orient: 'bottom', scale: 'x', tickCount: 2, format: '%B' }],
    };
    const { view } = await runVega(spec, 'zh-CN');
    const svg = await viewSvg(view);
    view.finalize();
    expect(svg).toContain('>一月</text>');
  });
});
