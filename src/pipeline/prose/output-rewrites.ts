import { closest } from '../../messages/closest.js';
import { isPath, walk, type HbCall, type HbNode, type HbPath } from './handlebars-ast.js';

/**
 * The rewrites the narrative's Handlebars tree gets before it is compiled, and the reads of it that
 * place an error: every output goes through the Markdown escaper (`$md`), and every helper call
 * carries where it is written (`$loc`), so a failing helper reports the author's line and column.
 */
export const ESCAPE = '$md';
export const LOC = '$loc';

export function stampLoc(node: HbCall): void {
  const start = node.path.loc?.start ?? { line: 1, column: 0 };
  const value = { type: 'StringLiteral', value: `${start.line}:${start.column}`, original: '', loc: node.loc };
  const pair = { type: 'HashPair', key: LOC, value, loc: node.loc };
  if (node.hash) {
    if (!node.hash.pairs.some((p) => p.key === LOC)) node.hash.pairs.push(pair as never);
  } else node.hash = { type: 'Hash', pairs: [pair as never], ...(node.loc ? { loc: node.loc } : {}) };
}

/** `{{x}}` → `{{{$md x}}}`; `{{helper a}}` → `{{{$md (helper a)}}}`. Triple-stash stays raw. */
export function escapeOutput(node: HbCall, helpers: Set<string>): void {
  if (node.escaped === false || (isPath(node.path) && node.path.original === ESCAPE)) return;
  const isHelper = isPath(node.path) && !node.path.data && helpers.has(node.path.original);
  const inner: HbNode =
    node.params.length > 0 || node.hash || isHelper
      ? { type: 'SubExpression', path: node.path, params: node.params, hash: node.hash, loc: node.loc } as HbCall
      : node.path;
  const escapePath: HbPath = { type: 'PathExpression', original: ESCAPE, parts: [ESCAPE], data: false, depth: 0, ...(node.loc ? { loc: node.loc } : {}) };
  node.path = escapePath;
  node.params = [inner];
  delete node.hash;
  node.escaped = false;
}

/** The path written at a place in a statement (not the escaper the rewrite put there). */
export function pathAt(statement: HbNode, line: number, column: number): string | undefined {
  let found: string | undefined;
  walk(statement, (n) => {
    if (isPath(n) && n.loc?.start.line === line && n.loc.start.column === column && n.original !== ESCAPE) found ??= n.original;
  });
  return found;
}

/** `params.regoin` → `params.region`: the closest key of the object the path's last step reads. */
export function suggestVariable(full: string, context: unknown): string | undefined {
  const parts = full.split('.');
  let at: unknown = context;
  for (const part of parts.slice(0, -1)) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  if (at === null || typeof at !== 'object') return undefined;
  const match = closest(parts[parts.length - 1] ?? '', Object.keys(at));
  return match === undefined ? undefined : [...parts.slice(0, -1), match].join('.');
}
