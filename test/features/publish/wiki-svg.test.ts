import { describe, expect, it } from 'vitest';
import { wikiSafeSvg } from '../../../src/features/publish/assets/wiki-svg.js';

describe('wikiSafeSvg', () => {
  it('removes scripts, foreignObject, animation, event handlers and external references', () => {
    const svg = [
      '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">',
      '<script>alert(1)</script><foreignObject><div>x</div></foreignObject><set attributeName="href" to="javascript:alert(1)"/>',
      '<a xlink:href="https://evil.example/">x</a><use href="#local"/><image href="data:image/png;base64,AAAA"/>',
      '<rect style="fill:url(https://evil.example/p)" fill="url(#grad)" width="1"/><style>@import url(x.css);</style></svg>',
    ].join('');
    expect(wikiSafeSvg(svg)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a>x</a><use href="#local"/><image/><rect fill="url(#grad)" width="1"/></svg>',
    );
  });

  it('leaves an ordinary chart as it is', () => {
    const chart = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10" role="img" aria-label="A &gt; B"><g clip-path="url(#c1)"><text font-family="Noto Sans">A</text></g></svg>';
    expect(wikiSafeSvg(chart)).toBe(chart);
  });
});
