import { createCanvas } from 'canvas';
import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { defaultChartTheme } from '../../../src/pipeline/charts/chart-theme.js';
import { registerChartFonts } from '../../../src/pipeline/charts/register-fonts.js';
import { render } from './helpers.js';

interface TextMetrics {
  width(item: object, text: string): number;
  estimateWidth(item: object, text: string): number;
}
// Exported by vega-scenegraph through vega, but not in vega's typings.
const textMetrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;

const FONT = defaultChartTheme.fontFamily;
const LATIN = 'Quarterly downloads!'; // 20 characters
const CHINESE = '深度求索发布推理模型'; // 10 characters

function measure(text: string, size = 11): number {
  const ctx = createCanvas(1, 1).getContext('2d');
  ctx.font = `${size}px ${FONT}`;
  return ctx.measureText(text).width;
}

describe('registerChartFonts', () => {
  registerChartFonts(CHINESE);

  it('registers the bundled families', async () => {
    const { GlobalFonts } = await import('canvas');
    expect(GlobalFonts.has('Noto Sans')).toBe(true);
    expect(GlobalFonts.has('Noto Sans SC')).toBe(true);
  });

  it('makes Vega measure Latin text with the canvas, not its estimate', () => {
    const item = { font: FONT, fontSize: 11 };
    const width = textMetrics.width(item, LATIN);
    expect(width).toBe(measure(LATIN));
    // Vega's estimate (0.8 em per character) is about 1.5× too wide for Noto Sans.
    expect(textMetrics.estimateWidth(item, LATIN) / width).toBeGreaterThan(1.4);
  });

  it('measures Chinese at a full em per character with Noto Sans SC', () => {
    // No CJK font is assumed on the machine: this width comes from the registered font.
    expect(textMetrics.width({ font: FONT, fontSize: 11 }, CHINESE)).toBeCloseTo(110, 0);
    expect(textMetrics.estimateWidth({ fontSize: 11 }, CHINESE)).toBe(88);
  });

  it('lays charts out with measured label widths', async () => {
    const { chart } = await render({
      data: { values: [{ m: LATIN, v: 3 }, { m: 'B', v: 1 }] },
      mark: 'bar',
      encoding: { y: { field: 'm', type: 'nominal', title: null }, x: { field: 'v', type: 'quantitative', title: null } },
    });
    // The plot starts after padding (5), the longest y label, label padding (2) and ticks (5).
    const left = Number(/<g fill="none" stroke-miterlimit="4" transform="translate\(([\d.]+),/.exec(chart?.svg ?? '')?.[1]);
    expect(left).toBe(Math.ceil(5 + measure(LATIN) + 2 + 5));
  });
});
