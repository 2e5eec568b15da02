import { describe, expect, it } from 'vitest';
import { finishSvg } from '../../../src/pipeline/charts/finish-svg.js';

const VEGA = `<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="100" height="50" viewBox="0 0 100 50"><defs><clipPath id="clip1"><rect width="10" height="10"/></clipPath></defs><g class="mark-group role-frame root" role="graphics-object" aria-roledescription="group mark container"><g clip-path="url(#clip1)"><a xlink:href="https://example.com/"><path d="M0,0h1" aria-label="x: 1"/></a><a xlink:href="javascript:alert(1)"><path d="M0,0h2"/></a><image xlink:href="data:image/png;base64,AAAA"/><text role="graphics-symbol">a "role" b</text></g></g></svg>`;

describe('finishSvg', () => {
  const svg = finishSvg(VEGA, 'Downloads by "model" & lab');

  it('makes the root one labelled image', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="marks" width="100" height="50" viewBox="0 0 100 50" role="img" aria-label="Downloads by &quot;model&quot; &amp; lab">/);
  });

  it('strips roles and aria attributes below the root, and links other than web and mail addresses', () => {
    const body = svg.slice(svg.indexOf('>') + 1);
    expect(body).not.toMatch(/\srole=|\saria-|javascript:/);
    expect(body).toContain('<a xlink:href="https://example.com/">');
    expect(body).toContain('<image xlink:href="data:image/png;base64,AAAA"/>');
    expect(body).toContain('<text>a "role" b</text>');
  });

  it('prefixes ids and their references with a hash of the chart', () => {
    const id = /<clipPath id="(c[0-9a-f]{8}-clip1)">/.exec(svg)?.[1];
    expect(id).toBeDefined();
    expect(svg).toContain(`clip-path="url(#${id ?? ''})"`);
    expect(finishSvg(VEGA, 'Downloads by "model" & lab')).toBe(svg);
  });

  it('leaves the label out when there is none, and adds a missing viewBox', () => {
    expect(finishSvg('<svg width="4" height="3"><g/></svg>', undefined)).toBe('<svg width="4" height="3" viewBox="0 0 4 3" role="img"><g/></svg>');
  });

  it('removes anything scriptable', () => {
    const out = finishSvg('<svg width="4" height="3"><script>alert(1)</script><foreignObject><p/></foreignObject><g onload="x()"/></svg>', 'x');
    expect(out).toBe('<svg width="4" height="3" viewBox="0 0 4 3" role="img" aria-label="x"><g/></svg>');
  });
});
