import { describe, expect, it } from 'vitest';
import { defaultChartTheme } from '../../../src/pipeline/charts/chart-theme.js';
import { applySizeDefaults, chartConfig } from '../../../src/pipeline/charts/vega-config.js';

describe('chartConfig', () => {
  it('carries the theme into Vega-Lite config', () => {
    const config = chartConfig(defaultChartTheme, true);
    expect(config.font).toBe(defaultChartTheme.fontFamily);
    expect(config.range?.category).toEqual(defaultChartTheme.palette);
    expect(config.view).toEqual({ stroke: null, continuousHeight: defaultChartTheme.height });
    expect(config.aria).toBe(false);
    expect(chartConfig(defaultChartTheme, false).view).toEqual({ stroke: null });
  });
});

describe('applySizeDefaults', () => {
  it('makes single views fill the text column', () => {
    const sized = applySizeDefaults({ mark: 'bar' }, defaultChartTheme);
    expect(sized).toEqual({
      spec: { mark: 'bar', width: 560, autosize: { type: 'fit-x', contains: 'padding' } },
      singleView: true,
      autosizeAdded: true,
    });
  });

  it('respects the author’s width and leaves composite views alone', () => {
    expect(applySizeDefaults({ mark: 'bar', width: 200 }, defaultChartTheme).spec).toEqual({ mark: 'bar', width: 200 });
    const facet = { mark: 'bar', encoding: { row: { field: 'a' } } };
    expect(applySizeDefaults(facet, defaultChartTheme)).toEqual({ spec: facet, singleView: false, autosizeAdded: false });
    expect(applySizeDefaults({ hconcat: [] }, defaultChartTheme).singleView).toBe(false);
  });
});
