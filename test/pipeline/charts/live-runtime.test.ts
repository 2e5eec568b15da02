import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { liveChartBlock, moduleAsScript, withChartRuntime } from '../../../src/pipeline/charts/live-runtime.js';
import { minimalBrief, renderMemory } from '../../support/render-folder.js';

describe('the live chart runtime', () => {
  it('turns a pinned ES module that imports only vega-util into a classic script', () => {
    const source = "import { isArray, field as f } from 'vega-util';\nconst x = () => isArray(f);\nexport { x, x as default };\n//# map";
    const script = moduleAsScript(source, 'briefsmithX');
    expect(script).toContain('const { isArray, field: f } = globalThis.vega;');
    expect(script).toContain('globalThis.briefsmithX = { "x": x, "default": x };');
    expect(() => moduleAsScript("import { a } from 'other';\nexport { a };", 'y')).toThrow(/importing only vega-util/);
    expect(() => moduleAsScript("export { a };\nexport { b };", 'y')).toThrow(/single-file ES module/);
  });

  it('adds one script and a policy that allows it by hash, after the charset', () => {
    const page = withChartRuntime('<!doctype html><html><head>\n<meta charset="utf-8">\n<title>t</title></head><body><p>x</p></body></html>');
    const script = /<script data-bs-chart-runtime>([\s\S]*)<\/script>\n<\/body>/.exec(page)?.[1] ?? '';
    expect(script).toContain('globalThis.briefsmithCharts');
    const hash = createHash('sha256').update(script).digest('base64');
    expect(page).toMatch(new RegExp(`<meta charset="utf-8">\\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-${hash.replace(/[+/]/g, '\\$&')}';`));
  });

  it('keeps a chart’s JSON from closing its block', () => {
    const block = liveChartBlock({ spec: '{"title":"</script><script>alert(1)</script>"}', images: {} }, 'zh');
    expect(block.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(block.slice(block.indexOf('>') + 1, -'</script>'.length))).toMatchObject({ spec: { title: '</script><script>alert(1)</script>' }, locale: { number: { currency: ['¥', ''] } } });
  });
});

describe('turning interactive charts on and off', () => {
  const spec = '{"data": {"values": [{"a": 1}]}, "mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}}}';
  const page = async (front: string, request: string) => {
    const result = await renderMemory({ 'brief.md': minimalBrief(`${request}\n`, `title: T\n${front}`), 'charts/a.vl.json': spec });
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
    return (result.html?.match(/data-bs-live>/g) ?? []).length;
  };

  it('follows the front matter, and a request’s own flag wins', async () => {
    expect(await page('', '::chart{src="charts/a.vl.json" caption="A"}')).toBe(0);
    expect(await page('interactive: true', '::chart{src="charts/a.vl.json" caption="A"}')).toBe(1);
    expect(await page('', '::chart{src="charts/a.vl.json" caption="A" interactive}')).toBe(1);
    expect(await page('interactive: true', '::chart{src="charts/a.vl.json" caption="A" interactive="false"}')).toBe(0);
    expect(await page('', `\`\`\`vega-lite caption="A" interactive\n${spec}\n\`\`\``)).toBe(1);
  });
});
