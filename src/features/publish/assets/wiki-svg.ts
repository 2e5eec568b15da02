/**
 * Makes a chart SVG safe to upload as a file. Wikis serve uploads from their own origin, so
 * MediaWiki refuses SVG that could run or load anything (scripts, `foreignObject`, event
 * handlers, external references, DTDs with entities, stylesheets with `url()`), and Confluence
 * serves attachments to every reader of the page. Vega's SVG has none of these after
 * `finishSvg`; this pass makes sure of it for any SVG the briefing ships.
 *
 * The markup is Vega's (or an author's image): well-formed XML, so a quote-aware tag scanner is
 * enough here; nothing is parsed as HTML.
 */

const DANGEROUS = ['script', 'foreignObject', 'iframe', 'embed', 'object', 'handler', 'listener', 'set', 'animate', 'animateMotion', 'animateTransform', 'animateColor'];
const TAG = /<[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/g;
const ATTRIBUTE = /\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*')/g;
const UNSAFE_CSS = /url\s*\(\s*['"]?\s*(?!#)|@import|expression\s*\(|javascript:/i;

export function wikiSafeSvg(svg: string): string {
  let out = svg
    .replace(/<\?xml-stylesheet[\s\S]*?\?>/gi, '')
    .replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/gi, '')
    .replace(/<!ENTITY[\s\S]*?>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  for (const name of DANGEROUS) {
    out = out
      .replace(new RegExp(`<${name}\\b[^>]*/>`, 'gi'), '')
      .replace(new RegExp(`<${name}\\b[\\s\\S]*?</${name}\\s*>`, 'gi'), '');
  }
  out = out.replace(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi, (element, css: string) => (UNSAFE_CSS.test(css) ? '' : element));
  return out.replace(TAG, (tag) => tag.replace(ATTRIBUTE, (attribute: string, name: string, quoted: string) => (keepAttribute(name, quoted.slice(1, -1)) ? attribute : '')));
}

function keepAttribute(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('on') || lower === 'xml:base') return false;
  if (lower === 'href' || lower.endsWith(':href') || lower === 'src') return value.trim().startsWith('#');
  if (/^\s*(javascript|data|vbscript):/i.test(value)) return false;
  if (lower === 'style') return !UNSAFE_CSS.test(value);
  return !/url\s*\(\s*['"]?\s*(?!#)/i.test(value);
}
