import type { Node, Parent } from 'unist';

/**
 * How deep Markdown may nest (block quotes, lists, emphasis…). Real writing stays below ten; the
 * limit keeps hostile input from costing seconds in the parser (its time grows faster than the
 * depth) and from overflowing the stack of the tree walkers that follow it.
 */
export const MAX_NESTING = 100;

// One container marker at the start of a line: `>`, `-`, `+`, `*` or `1.`/`1)` followed by a space.
const MARKER = /[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Blanks each line whose container markers (and list indentation) nest deeper than `max`, keeping
 * every offset where it was; returns the offset of the first marker past the limit.
 */
export function blankOverDeepLines(markdown: string, max = MAX_NESTING): { markdown: string; overDeep: number | undefined } {
  let overDeep: number | undefined;
  let fence: string | undefined;
  let out = '';
  let start = 0;
  while (start <= markdown.length) {
    const newline = markdown.indexOf('\n', start);
    const end = newline === -1 ? markdown.length : newline;
    const line = markdown.slice(start, end);
    const opener = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
    } else if (opener !== undefined) fence = opener;
    const past = fence === undefined || opener !== undefined ? markerPastLimit(line, max) : undefined;
    if (past !== undefined) overDeep ??= start + past;
    out += past === undefined ? line : ' '.repeat(line.length);
    if (newline === -1) break;
    out += '\n';
    start = newline + 1;
  }
  return { markdown: out, overDeep };
}

/** Offset in the line of the marker that goes past `max`, counting two columns of indent as a level. */
function markerPastLimit(line: string, max: number): number | undefined {
  const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
  let depth = Math.floor(indent / 2);
  if (depth > max) return indent;
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(line); match; match = MARKER.exec(line)) {
    depth += 1;
    if (depth > max) return MARKER.lastIndex - 1;
  }
  return undefined;
}

/**
 * Cuts the tree below `max` levels (nesting the line scan cannot see, such as emphasis inside
 * emphasis) without recursion; returns the first node whose children were cut.
 */
export function pruneDeepNodes(tree: Node, max = MAX_NESTING): Node | undefined {
  let first: Node | undefined;
  const stack: Array<[Node, number]> = [[tree, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    const children = (node as Partial<Parent>).children;
    if (!children) continue;
    if (depth >= max) {
      if (first === undefined || offsetOf(node) < offsetOf(first)) first = node;
      (node as Parent).children = [];
      continue;
    }
    for (const child of children) stack.push([child, depth + 1]);
  }
  return first;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(\/?)>/g;

/**
 * Raw HTML nests inside the Markdown too (`<div><div>…`): counts open minus closed tags across the
 * file's HTML nodes in reading order (an upper bound of what the HTML parser builds) and returns
 * the offset of the first tag past `max`.
 */
export function overDeepHtml(htmlNodes: ReadonlyArray<{ value: string; offset: number }>, max = MAX_NESTING): number | undefined {
  let depth = 0;
  for (const node of htmlNodes) {
    for (const match of node.value.matchAll(TAG)) {
      const [, closing, name = '', selfClosing] = match;
      if (VOID.has(name.toLowerCase()) || selfClosing) continue;
      depth = closing ? Math.max(0, depth - 1) : depth + 1;
      if (depth > max) return node.offset + match.index;
    }
  }
  return undefined;
}

const offsetOf = (node: Node): number => node.position?.start.offset ?? Number.MAX_SAFE_INTEGER;
