import { catalogue } from '../../../src/messages/catalogue.js';
import { describe, expect, it } from 'vitest';
import { defaultChartTheme } from '../../../src/pipeline/charts/chart-theme.js';
import { brief, render } from './helpers.js';

const BARS = {
  title: 'Downloads by model',
  description: 'Bar chart: Llama 3 has the most downloads, then R1 and V3.',
  data: { name: 'releases' },
  mark: 'bar',
  encoding: {
    x: { field: 'model', type: 'nominal', title: 'Model', sort: '-y' },
    y: { field: 'downloads', type: 'quantitative', title: 'Downloads (thousands)' },
    color: { field: 'lab', type: 'nominal', title: 'Lab' },
  },
};

describe('renderChart', () => {
  it('renders static SVG that is one labelled image', async () => {
    const { chart, messages } = await render(BARS);
    expect(messages).toEqual([]);
    const svg = chart?.svg ?? '';
    expect(svg).toMatch(/^<svg [^>]*width="560" height="\d+" viewBox="0 0 560 \d+" role="img" aria-label="Bar chart: Llama 3 has the most downloads, then R1 and V3.">/);
    expect(svg.slice(svg.indexOf('>'))).not.toMatch(/\srole=|\saria-/);
    for (const text of ['Downloads by model', 'Model', 'Downloads (thousands)', 'Lab', 'Llama 3', 'DeepSeek']) expect(svg).toContain(`>${text}</text>`);
    expect(svg).not.toMatch(/<script|foreignObject|href=/i);
    expect(chart?.title).toBe('Downloads by model');
    expect(chart?.description).toBe(BARS.description);
    expect(chart?.datasets).toEqual(['releases']);
    expect(chart?.table).toEqual({
      columns: ['Model', 'Lab', 'Downloads (thousands)'],
      rows: [
        ['R1', 'DeepSeek', '120'],
        ['V3', 'DeepSeek', '80.5'],
        ['Llama 3', 'Meta', '300'],
      ],
    });
  });

  it('labels the image by title when there is no description, and not at all without either', async () => {
    const { description: _d, ...titled } = BARS;
    const { chart } = await render(titled);
    expect(chart?.svg).toMatch(/^<svg [^>]* role="img" aria-label="Downloads by model">/);
    expect(chart && 'description' in chart).toBe(false);
    const { title: _t, ...bare } = titled;
    const plain = await render(bare);
    expect(plain.chart?.svg).toMatch(/^<svg [^>]* role="img">/);
    expect(plain.chart && 'title' in plain.chart).toBe(false);
  });

  it('draws text in the theme’s font and colours', async () => {
    const theme = { ...defaultChartTheme, fontFamily: 'Noto Sans SC, sans-serif', textColor: '#101010', palette: ['#aa0000', '#00aa00'] };
    const { chart } = await render(BARS, { theme });
    const svg = chart?.svg ?? '';
    expect(svg).toContain('font-family="Noto Sans SC, sans-serif"');
    expect(svg).not.toContain('font-family="Noto Sans, Noto Sans SC');
    expect(svg).toContain('fill="#101010"');
    expect(svg).toContain('fill="#aa0000"');
    expect(svg).toContain('fill="#00aa00"');
    expect((await render(BARS)).chart?.svg).toContain('font-family="Noto Sans, Noto Sans SC, sans-serif"');
  });

  it('is deterministic, whatever was rendered before or alongside', async () => {
    const clipped = { ...BARS, mark: { type: 'line', clip: true }, encoding: { ...BARS.encoding, y: { ...BARS.encoding.y, scale: { domain: [0, 100] } } } };
    const first = (await render(clipped)).chart?.svg;
    await render(BARS);
    const again = (await render(clipped)).chart?.svg;
    expect(again).toBe(first);
    expect(first).toMatch(/<clipPath id="c[0-9a-f]{8}-clip1">/);
    const together = await Promise.all([render(clipped), render(BARS), render(clipped)]);
    expect(together[0].chart?.svg).toBe(first);
    expect(together[2].chart?.svg).toBe(first);
  });

  it('renders inline specs and positions their messages by origin', async () => {
    const text = '{\n  "data": {"name": "releases"},\n  "mark": "bar",\n  "encoding": {"y": {"field": "modle", "type": "nominal"}}\n}';
    const { chart, messages } = await render(text, { file: 'brief/brief.md', origin: { line: 40, column: 1 } });
    expect(chart).toBeUndefined();
    expect(brief(messages)).toEqual([
      {
        ruleId: 'chart-field',
        reason: 'field "modle" is not a column of dataset "releases" (did you mean "model"?) (columns: model, lab, date, downloads)',
        place: { line: 43, column: 31 },
      },
    ]);
  });

  it('passes Vega-Lite warnings on, at the spec, and still renders', async () => {
    const spec = { data: { name: 'releases' }, mark: 'bar', encoding: { x: { field: 'model', type: 'nominal' }, shape: { field: 'lab', type: 'nominal' } } };
    const { chart, messages } = await render(spec, { origin: { line: 7, column: 1 } });
    expect(brief(messages)).toEqual([
      { ruleId: 'chart-warning', reason: 'Vega-Lite: shape dropped as it is incompatible with "bar".', place: { line: 7, column: 1 } },
    ]);
    expect(chart).toBeDefined();
  });

  it('does not bother authors with notes about the default sizing', async () => {
    const { chart, messages } = await render({
      data: { name: 'releases' },
      mark: 'bar',
      encoding: { y: { field: 'model', type: 'nominal' }, x: { field: 'downloads', type: 'quantitative' } },
    });
    expect(messages).toEqual([]);
    expect(chart?.svg).toMatch(/^<svg [^>]*width="560"/);
  });

  it('refuses an image from outside the briefing folder, at the url', async () => {
    const { chart, messages } = await render('{"data": {"values": [{"u": "https://example.com/a.png"}]},\n "mark": "image", "encoding": {"url": {"field": "u", "type": "nominal"}}}');
    expect(chart).toBeUndefined();
    expect(brief(messages)).toEqual([
      { ruleId: 'chart-image', reason: catalogue.chartImageOutside('https://example.com/a.png').reason, place: { line: 1, column: 28 } },
    ]);
  });

  it('embeds an image mark’s file from the briefing folder as a data URI', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    const spec = { data: { values: [{ u: 'data/dot.png' }] }, mark: { type: 'image', width: 8, height: 8 }, encoding: { url: { field: 'u', type: 'nominal' } } };
    const { chart, messages } = await render(spec, { extraFiles: { 'data/dot.png': png }, interactive: true });
    expect(messages).toEqual([]);
    const uri = `data:image/png;base64,${png.toString('base64')}`;
    expect(chart?.svg).toContain(`<image xlink:href="${uri}"`);
    expect(chart?.live?.images).toEqual({ 'data/dot.png': uri });
  });

  it('formats axes in the briefing language', async () => {
    const spec = { data: { name: 'releases' }, mark: 'point', encoding: { x: { field: 'date', type: 'temporal' }, y: { field: 'downloads', type: 'quantitative' } } };
    expect((await render(spec, { lang: 'zh' })).chart?.svg).toContain('>十月</text>');
    expect((await render(spec, { lang: 'en' })).chart?.svg).toContain('>October</text>');
  });
});
