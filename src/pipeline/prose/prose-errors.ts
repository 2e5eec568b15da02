import { isPath, walk, type HbNode, type HbPosition } from './handlebars-ast.js';
import type { Place } from '../../messages/message.js';

/** Handlebars parse errors carry only a line; point at the `{{` that most likely caused them. */
export function parseErrorPlace(message: string, source: string): Place {
  const line = Number(/on line (\d+)/.exec(message)?.[1] ?? '1');
  const lines = source.split('\n');
  if (/got 'EOF'/.test(message)) {
    const open = unclosedBlock(source);
    if (open) return open;
  }
  const text = lines[line - 1] ?? '';
  const at = text.lastIndexOf('{{');
  return { line, column: at === -1 ? 1 : at + 1 };
}

/** The last `{{#block}}` that is never closed. */
function unclosedBlock(source: string): Place | undefined {
  const stack: Place[] = [];
  const tag = /\{\{~?\s*([#/^])/g;
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const placeOf = (offset: number): Place => {
    let line = 0;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= offset) line++;
    return { line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1 };
  };
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    if (m[1] === '/') stack.pop();
    else if (m[1] === '#') stack.push(placeOf(m.index));
  }
  return stack[stack.length - 1];
}

/**
 * A Handlebars message in the author's terms: its parser speaks of tokens ("Expecting
 * 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'"), the author wrote `{{#if}}`.
 * `source` (the text that failed to parse) names the block that is never closed.
 */
export function shortReason(message: string, source?: string): string {
  const first = message.split('\n').find((l) => /Expecting|got/.test(l)) ?? message.split('\n')[0] ?? message;
  const reason = first.replace(/ - \d+:\d+$/, '').trim();
  const mismatch = /^(\S+) doesn't match (\S+)$/.exec(reason);
  if (mismatch) return `{{/${mismatch[2] ?? ''}}} does not close {{#${mismatch[1] ?? ''}}} (blocks close in the reverse order they open)`;
  const got = /got '([A-Z_]+)'/.exec(reason)?.[1];
  if (got === undefined) return reason;
  const block = got === 'EOF' && source !== undefined ? unclosedBlockName(source) : undefined;
  if (block !== undefined) return `{{#${block}}} is never closed (end it with {{/${block}}})`;
  const expected = /Expecting (.*), got/.exec(reason)?.[1] ?? '';
  const wanted = got === 'EOF' ? '' : /'(ID|STRING|NUMBER|BOOLEAN|OPEN_SEXPR)'/.test(expected) ? ' where a name or value was expected' : /'CLOSE'/.test(expected) ? ' where "}}" was expected' : '';
  return `unexpected ${TOKENS[got] ?? got.toLowerCase()}${wanted}`;
}

const TOKENS: Record<string, string> = {
  EOF: 'end of text (a "{{" is not closed)',
  CLOSE: '"}}"',
  CLOSE_SEXPR: '")"',
  OPEN: '"{{"',
  OPEN_SEXPR: '"("',
  EQUALS: '"="',
  INVALID: 'character',
  ID: 'name',
  STRING: 'string',
  NUMBER: 'number',
  SEP: '"." or "/"',
};

function unclosedBlockName(source: string): string | undefined {
  const stack: string[] = [];
  for (const m of source.matchAll(/\{\{~?\s*([#/])\s*([^\s}~]+)/g)) {
    if (m[1] === '/') stack.pop();
    else stack.push(m[2] ?? '');
  }
  return stack[stack.length - 1];
}

/**
 * `{{period.previous.label}}` where `period` is null makes Handlebars' strict lookup throw
 * JavaScript's "Cannot read properties of null (reading 'previous')". In the author's terms that
 * is a path with an empty step: the path, the step that has no value, and where the path is
 * written. Undefined when the error is something else.
 */
export function emptyStep(error: Error, statement: HbNode, context: unknown): { path: string; empty: string; loc: HbPosition } | undefined {
  const reading = /^Cannot read properties of (?:null|undefined) \(reading '([^']*)'\)/.exec(error.message)?.[1];
  if (reading === undefined) return undefined;
  let found: { path: string; empty: string; loc: HbPosition } | undefined;
  walk(statement, (node) => {
    if (found || !isPath(node) || !node.loc) return;
    const i = node.parts.indexOf(reading);
    if (i < 1) return;
    // Prefer the path whose prefix is empty in the root context; inside blocks, the first that reads the step.
    let at: unknown = context;
    for (const part of node.parts.slice(0, i)) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
    if (at === null || at === undefined || !found) found = { path: node.original, empty: node.parts.slice(0, i).join('.'), loc: node.loc.start };
  });
  return found;
}
