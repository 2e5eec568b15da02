/**
 * The script that draws interactive charts in the page, after the Vega runtime in the same inline
 * script (see `live-runtime.ts`). For every chart's JSON block it draws the compiled spec with
 * Vega's SVG renderer next to the static SVG, and swaps them once the live one is drawn; the
 * static SVG stays for print and whenever the live one cannot be drawn.
 *
 * Like the static renderer, the live one evaluates expressions with vega-interpreter (no
 * generated code, so the page's Content-Security-Policy needs no 'unsafe-eval') and loads
 * nothing: data is inline, images are the data URIs handed over in the block, links go only to
 * web and mail addresses. Tooltips are vega-tooltip's, which escapes what it shows.
 *
 * `window.briefsmithCharts()` draws again (the preview calls it after swapping in a new page).
 */
export const LIVE_BOOTSTRAP = String.raw`
(() => {
  const vega = globalThis.vega;
  const { expressionInterpreter } = globalThis.briefsmithVegaInterpreter;
  const { Handler, formatValue } = globalThis.briefsmithVegaTooltip;
  const LINK = /^(https?:\/\/|mailto:)/i;
  const style = document.createElement('style');
  style.setAttribute('data-bs-runtime', '');
  style.textContent =
    '.bs-live svg{display:block;max-width:100%;height:auto}' +
    '.bs-live .vega-bindings{font:inherit;margin-top:.5rem}' +
    '[data-bs-live-drawn]>svg{display:none!important}' +
    'body #vg-tooltip-element.vg-tooltip{font-family:inherit}' +
    '@media print{[data-bs-live-drawn]>svg{display:block!important}.bs-live,#vg-tooltip-element{display:none!important}}';
  document.head.append(style);

  const loader = (images) => {
    const refuse = (uri) => Promise.reject(new Error('charts load nothing: ' + uri));
    return {
      load: refuse, http: refuse, file: refuse,
      sanitize(uri, options) {
        if (options && options.context === 'href') return LINK.test(uri) ? Promise.resolve({ href: uri }) : refuse(uri);
        if (Object.prototype.hasOwnProperty.call(images, uri)) return Promise.resolve({ href: images[uri] });
        return /^data:image\//i.test(uri) ? Promise.resolve({ href: uri }) : refuse(uri);
      },
    };
  };

  let views = [];
  // vega-tooltip shows a field named "image" as a picture: only as one of the chart's data URIs.
  const tooltipFor = (images) => new Handler({
    theme: 'light',
    formatTooltip: (value, sanitize, maxDepth, baseURL) => {
      if (value && typeof value === 'object' && typeof value.image === 'string') {
        const { image, ...rest } = value;
        const href = Object.prototype.hasOwnProperty.call(images, image) ? images[image] : /^data:image\//i.test(image) ? image : undefined;
        value = href ? { ...rest, image: href } : rest;
      }
      return formatValue(value, sanitize, maxDepth, baseURL);
    },
  });

  async function draw(root) {
    views.forEach((view) => view.finalize());
    views = [];
    for (const block of root.querySelectorAll('script[type="application/json"][data-bs-live]')) {
      const host = block.parentElement;
      host.querySelector(':scope > .bs-live')?.remove();
      host.removeAttribute('data-bs-live-drawn');
      const container = document.createElement('div');
      container.className = 'bs-live';
      host.append(container);
      try {
        const chart = JSON.parse(block.textContent);
        const images = chart.images || {};
        const view = new vega.View(vega.parse(chart.spec, undefined, { ast: true }), {
          expr: expressionInterpreter,
          loader: loader(images),
          renderer: 'svg',
          container,
          hover: true,
          tooltip: tooltipFor(images).call,
          ...(chart.locale ? { locale: chart.locale } : {}),
        });
        await view.runAsync();
        const svg = container.querySelector('svg');
        const label = host.querySelector(':scope > svg')?.getAttribute('aria-label');
        if (svg) svg.setAttribute('role', 'img');
        if (svg && label) svg.setAttribute('aria-label', label);
        host.setAttribute('data-bs-live-drawn', '');
        views.push(view);
      } catch (error) {
        // The static chart stays: it shows the same marks, only without interaction.
        container.remove();
      }
    }
  }

  globalThis.briefsmithCharts = () => draw(document);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => draw(document));
  else draw(document);
})();
`;
