import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LIVE_BOOTSTRAP } from './live-bootstrap.js';
import type { LiveChart } from './render-chart.js';
import { vegaLocale } from './vega-locale.js';

/**
 * The Vega runtime for interactive charts, inlined once per page so it works offline and makes
 * no request: Vega's own browser build, vega-interpreter and vega-tooltip, exactly the versions
 * package-lock.json pins (the ones that compiled and rendered the static charts), then our
 * bootstrap. Read from the installed packages on first use.
 */
let runtime: { script: string; hash: string } | undefined;

function chartRuntime(): { script: string; hash: string } {
  if (runtime) return runtime;
  const require = createRequire(import.meta.url);
  const read = (file: string) => readFileSync(file, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/gm, '');
  const vega = read(join(dirname(require.resolve('vega')), 'vega.min.js'));
  const interpreter = moduleAsScript(read(require.resolve('vega-interpreter')), 'briefsmithVegaInterpreter');
  const tooltip = moduleAsScript(read(require.resolve('vega-tooltip')), 'briefsmithVegaTooltip');
  const script = [vega, interpreter, tooltip, LIVE_BOOTSTRAP].join('\n;\n');
  if (/<\/script|<!--/i.test(script)) throw new Error('the chart runtime cannot be inlined: it contains "</script" or "<!--"');
  runtime = { script, hash: createHash('sha256').update(script).digest('base64') };
  return runtime;
}

/**
 * An ES module whose only import is from vega-util (which the Vega build carries as `vega`) as a
 * classic script that puts its exports on `globalThis[name]`. Anything else is refused: the
 * packages are pinned, and a new import would need the bundling this avoids.
 */
export function moduleAsScript(source: string, name: string): string {
  const imports = [...source.matchAll(/^import\s*\{([^}]*)\}\s*from\s*'vega-util';?[ \t]*$/gm)];
  const exports = [...source.matchAll(/^export\s*\{([^}]*)\};?[ \t]*$/gm)];
  const body = source.replace(/^import\s*\{[^}]*\}\s*from\s*'vega-util';?[ \t]*$/gm, '').replace(/^export\s*\{[^}]*\};?[ \t]*$/gm, '');
  if (imports.length > 1 || exports.length !== 1 || /^\s*(import|export)\b/m.test(body)) {
    throw new Error(`cannot inline the ${name} module: it is not a single-file ES module importing only vega-util`);
  }
  const pairs = (list: string) =>
    list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => s.split(/\s+as\s+/));
  const imported = pairs(imports[0]?.[1] ?? '').map(([from, as]) => (as ? `${from}: ${as}` : from)).join(', ');
  const exported = pairs(exports[0]?.[1] ?? '').map(([local, as]) => `${JSON.stringify(as ?? local)}: ${local}`).join(', ');
  return `(() => {\nconst { ${imported} } = globalThis.vega;\n${body}\nglobalThis.${name} = { ${exported} };\n})();`;
}

/** Marks a chart's live data inside its figure; the bootstrap draws one view per block. */
export function liveChartBlock(chart: LiveChart, lang: string | undefined): string {
  const locale = vegaLocale(lang);
  const payload = `{"spec":${chart.spec},"images":${JSON.stringify(chart.images)}${locale ? `,"locale":${JSON.stringify(locale)}` : ''}}`;
  // JSON in HTML: `<` escaped keeps "</script>" or "<!--" in a data value from ending the block.
  return `<script type="application/json" data-bs-live>${payload.replace(/</g, '\\u003c')}</script>`;
}

/**
 * Adds the runtime to a finished page with live charts, and a Content-Security-Policy that lets
 * only that script run (by its hash): no other script, no request of any kind (fonts and images
 * are data URIs), no form. Author content is sanitized anyway; the policy keeps it so.
 */
export function withChartRuntime(html: string): string {
  const { script, hash } = chartRuntime();
  const policy = [
    "default-src 'none'",
    `script-src 'sha256-${hash}'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  // Early in <head>, after the charset: a policy applies only to what follows it.
  const anchor = /<meta\s+charset=[^>]*>/i.exec(html) ?? /<head\b[^>]*>/i.exec(html);
  const at = anchor ? anchor.index + anchor[0].length : 0;
  const withMeta = `${html.slice(0, at)}\n${meta}${html.slice(at)}`;
  const end = withMeta.lastIndexOf('</body>');
  const tag = `<script data-bs-chart-runtime>${script}</script>\n`;
  return end === -1 ? withMeta + tag : withMeta.slice(0, end) + tag + withMeta.slice(end);
}
