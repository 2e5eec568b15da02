import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../markdown/parse-markdown.js';

/**
 * Stands in for `{` inside code while Handlebars runs. One UTF-16 unit for one, so offsets (and
 * the source map built from them) stay exact. A private-use character: it has no meaning in text.
 */
const SHIELD = '\uE000';

/**
 * Code is quoted, not templated: a fenced block or inline code that shows Handlebars, Vue, Jinja
 * or Liquid must come out as written. Every `{` inside code is hidden from Handlebars (which then
 * sees no `{{` there); `unshieldCode` brings them back after evaluation. Code is found by parsing
 * the Markdown as written, before any template runs.
 */
export function shieldCode(markdown: string): string {
  const ranges: Array<[number, number]> = [];
  visit(parseMarkdown(markdown), (node) => {
    if (node.type !== 'code' && node.type !== 'inlineCode') return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) ranges.push([start, end]);
  });
  if (ranges.length === 0) return markdown;
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += markdown.slice(at, start) + markdown.slice(start, end).replaceAll('{', SHIELD);
    at = end;
  }
  return out + markdown.slice(at);
}

export function unshieldCode(text: string): string {
  return text.replaceAll(SHIELD, '{');
}
