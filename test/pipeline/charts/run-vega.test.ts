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

  it('numbers clip paths and gradients per chart, whatever rendered before or alongside', async () => {
    const stops = [{ offset: 0, color: 'red' }, { offset: 1, color: 'blue' }];
    const box = (fill: object) => ({ type: 'rect', encode: { enter: { x: { value: 0 }, y: { value: 0 }, width: { value: 10 }, height: { value: 10 }, fill: { value: fill } } } });
    const spec = (boxes: number): Spec => ({
      width: 40,
      height: 20,
      marks: [
        {
          type: 'group',
          clip: true,
          encode: { enter: { width: { value: 40 }, height: { value: 20 } } },
          marks: Array.from({ length: boxes }, (_, i) => box({ gradient: i % 2 ? 'radial' : 'linear', stops })) as never,
        },
      ],
    });
    const svgOf = async (boxes: number) => {
      const { view, errors, warnings } = await runVega(spec(boxes), undefined);
      expect([...errors, ...warnings]).toEqual([]);
      const svg = await viewSvg(view);
      view.finalize();
      return svg;
    };
    const first = await svgOf(2);
    const ids = [...first.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.sort()).toEqual(['clip1', 'gradient_0', 'gradient_1', 'p_gradient_1']);
    expect(first).toContain('clip-path="url(#clip1)"');
    await svgOf(3);
    const together = await Promise.all([svgOf(2), svgOf(3), svgOf(2), svgOf(1)]);
    expect(await svgOf(2)).toBe(first);
    expect(together[0]).toBe(first);
    expect(together[2]).toBe(first);
  });
});
