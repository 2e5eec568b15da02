import { createHash } from 'node:crypto';

/**
 * The only script a preview page carries (built pages have none). It listens to `/events`; when
 * the server has a newer page it fetches it and swaps `<body>` and the styles in place (scroll
 * position kept, no reload); the latest build's errors show in an overlay above the last good
 * page, its warnings in a small badge, and a periodic briefing's archived periods and variants
 * in a switcher (it loads `/?period=…&region=…`). The overlay lives in a shadow root so the
 * briefing's CSS cannot restyle it, and messages are set as text, never parsed as HTML.
 */
const CLIENT = String.raw`
(() => {
  let shown = document.currentScript.dataset.version;
  let latest = shown;
  let swapping = false;
  let state = { errors: [], warnings: [], choices: [], selected: '' };

  const host = document.createElement('brief-preview-overlay');
  host.id = 'brief-preview-overlay';
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<style>' +
    '.panel{position:fixed;z-index:2147483647;left:1rem;right:1rem;top:1rem;max-height:60vh;overflow:auto;margin:0 auto;max-width:60rem;' +
    'background:#fff8f6;color:#3b0d0c;border:2px solid #b3261e;border-radius:8px;box-shadow:0 8px 24px rgba(0,0,0,.25);' +
    'font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;padding:.75rem 1rem}' +
    '.badge{position:fixed;z-index:2147483647;right:1rem;bottom:1rem;max-width:40rem;max-height:40vh;overflow:auto;background:#fffbe6;color:#3d3000;' +
    'border:1px solid #b08800;border-radius:6px;font:13px/1.4 ui-monospace,monospace;padding:.4rem .7rem}' +
    'h2{font:600 15px/1.3 system-ui,sans-serif;margin:0 0 .5rem}ul{margin:0;padding:0 0 0 1.2rem}li{margin:.2rem 0;white-space:pre-wrap}' +
    '.switch{position:fixed;z-index:2147483647;left:1rem;bottom:1rem;background:#f4f6f8;color:#1f2933;border:1px solid #9aa5b1;' +
    'border-radius:6px;font:13px/1.4 system-ui,sans-serif;padding:.3rem .6rem}.switch select{font:inherit;margin-left:.4rem}' +
    '[hidden]{display:none}</style>' +
    '<nav class="switch" hidden><label>Issue<select></select></label></nav>' +
    '<section class="panel" role="alert" hidden><h2></h2><ul class="errors"></ul></section>' +
    '<details class="badge" hidden><summary></summary><ul class="warnings"></ul></details>';
  const panel = root.querySelector('.panel');
  const badge = root.querySelector('.badge');
  const switcher = root.querySelector('.switch');
  const select = switcher.querySelector('select');
  select.addEventListener('change', () => { location.href = '/?' + select.value; });

  const fill = (list, lines) => {
    list.replaceChildren(...lines.map((line) => { const li = document.createElement('li'); li.textContent = line; return li; }));
  };
  const draw = () => {
    panel.hidden = state.errors.length === 0;
    panel.querySelector('h2').textContent = state.errors.length === 1
      ? 'Briefsmith: 1 error (showing the last good version)'
      : 'Briefsmith: ' + state.errors.length + ' errors (showing the last good version)';
    fill(panel.querySelector('.errors'), state.errors);
    badge.hidden = state.warnings.length === 0;
    badge.querySelector('summary').textContent = state.warnings.length + (state.warnings.length === 1 ? ' warning' : ' warnings');
    fill(badge.querySelector('.warnings'), state.warnings);
    const choices = state.choices || [];
    switcher.hidden = choices.length === 0;
    const listed = choices.some((c) => c.query === state.selected);
    const options = [...(listed || !state.selected ? [] : [{ label: 'this preview', query: state.selected }]), ...choices];
    select.replaceChildren(...options.map((c) => { const o = document.createElement('option'); o.value = c.query; o.textContent = c.label; return o; }));
    select.value = state.selected;
    if (!host.isConnected) document.body.append(host);
  };

  const swap = async () => {
    if (swapping || latest === shown) return;
    swapping = true;
    try {
      const response = await fetch('/__preview/page', { cache: 'no-store' });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const version = response.headers.get('x-preview-version');
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      // Interactive charts switched on or off: the chart runtime (and its policy) come with a new page.
      const live = (d) => d.querySelector('script[data-bs-chart-runtime]') !== null;
      if (live(next) !== live(document)) { location.reload(); return; }
      const y = window.scrollY;
      document.title = next.title;
      document.documentElement.lang = next.documentElement.lang;
      // Styles carry the embedded fonts (megabytes): keep them unless they changed. Styles the
      // chart runtime added are its own, not the page's.
      const styles = (d) => [...d.head.querySelectorAll('style:not([data-bs-runtime]):not(#vega-tooltip-style)')];
      if (styles(document).map((s) => s.textContent).join('\0') !== styles(next).map((s) => s.textContent).join('\0')) {
        styles(document).forEach((s) => s.remove());
        styles(next).forEach((s) => document.head.append(document.adoptNode(s)));
      }
      document.body.replaceWith(document.adoptNode(next.body));
      // Scripts of a swapped-in body do not run; the page's chart runtime draws the new charts.
      globalThis.briefsmithCharts?.();
      window.scrollTo(0, y);
      shown = version;
      draw();
    } catch (error) {
      location.reload();
      return;
    } finally {
      swapping = false;
    }
    if (latest !== shown) swap();
  };

  const events = new EventSource('/events');
  events.addEventListener('state', (event) => {
    const next = JSON.parse(event.data);
    state = next;
    draw();
    if (next.version !== null) { latest = next.version; swap(); }
  });
  draw();
})();
`;

const CLIENT_HASH = createHash('sha256').update(CLIENT).digest('base64');

/**
 * Puts the live-update script at the end of `<body>`; `version` names the page it is added to.
 * A page with interactive charts carries a Content-Security-Policy that allows only the chart
 * runtime; the preview adds its own script (by hash) and its requests to the server.
 */
export function injectClient(page: string, version: string): string {
  const script = `<script data-brief-preview data-version="${version}">${CLIENT}</script>`;
  const html = page.replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)"/, (_m, start: string, policy: string) =>
    `${start}${policy.replace(/script-src ([^;]*)/, `script-src $1 'sha256-${CLIENT_HASH}'`)}; connect-src 'self'"`,
  );
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + script : html.slice(0, at) + script + html.slice(at);
}
