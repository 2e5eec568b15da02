import { createHash } from 'node:crypto';

/**
 * Makes Vega's SVG fit to inline in a page: one accessible image (`role="img"` plus a label on
 * the root, no roles below it, since an image's children are presentational), ids unique per
 * chart so two charts on a page never share a clip path, and nothing that loads or runs anything.
 */
export function finishSvg(svg: string, label: string | undefined): string {
  const root = /^<svg\b[^>]*>/.exec(svg);
  if (!root) return svg;
  let body = svg.slice(root[0].length).replace(/<(script|foreignObject)\b[\s\S]*?<\/\1\s*>/gi, '');
  body = body.replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(ATTRIBUTE, (attr: string, name: string, value: string) => (keep(name, value) ? attr : '')));
  return uniqueIds(rootTag(root[0], label) + body);
}

const ATTRIBUTE = /\s([a-zA-Z:-]+)="([^"]*)"/g;

function keep(name: string, value: string): boolean {
  if (name === 'role' || name.startsWith('aria-')) return false;
  // In-document references; images embedded by the chart stage; links it kept (web and mail).
  if (name === 'href' || name === 'xlink:href') return /^(#|data:image\/|https?:\/\/|mailto:)/i.test(value);
  return !name.startsWith('on');
}

function rootTag(tag: string, label: string | undefined): string {
  let attrs = tag.slice(4, -1).replace(ATTRIBUTE, (attr: string, name: string) => (name === 'role' || name.startsWith('aria-') ? '' : attr));
  // Vega writes a viewBox; keep one in any case so CSS `max-width: 100%` scales the chart.
  if (!/\sviewBox="/.test(attrs)) {
    const width = /\swidth="([\d.]+)"/.exec(attrs)?.[1];
    const height = /\sheight="([\d.]+)"/.exec(attrs)?.[1];
    if (width && height) attrs += ` viewBox="0 0 ${width} ${height}"`;
  }
  const aria = label ? ` aria-label="${escapeAttribute(label)}"` : '';
  return `<svg${attrs} role="img"${aria}>`;
}

/** Prefixes ids (and their references) with a hash of the chart, deterministic for equal input. */
function uniqueIds(svg: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));
  if (ids.size === 0) return svg;
  const prefix = `c${createHash('sha256').update(svg).digest('hex').slice(0, 8)}-`;
  const rename = (id: string) => (ids.has(id) ? prefix + id : id);
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_m, start: string, id: string) => `${start}${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${rename(id)})`)
    .replace(/(\s(?:xlink:)?href="#)([^"]+)"/g, (_m, start: string, id: string) => `${start}${rename(id)}"`);
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
