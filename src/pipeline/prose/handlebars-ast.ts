/**
 * The slice of the Handlebars AST that prose evaluation walks. Handlebars' own typings describe
 * it in a global namespace; these local types keep the walker strict and self-contained.
 */
export interface HbPosition {
  line: number; // 1-based
  column: number; // 0-based
}
export interface HbLoc {
  start: HbPosition;
  end: HbPosition;
}
export interface HbNode {
  type: string;
  loc?: HbLoc;
}
export interface HbPath extends HbNode {
  type: 'PathExpression';
  original: string;
  parts: string[];
  data: boolean;
  depth: number;
}
export interface HbHashPair extends HbNode {
  type: 'HashPair';
  key: string;
  value: HbNode;
}
export interface HbHash extends HbNode {
  type: 'Hash';
  pairs: HbHashPair[];
}
export interface HbCall extends HbNode {
  type: 'MustacheStatement' | 'SubExpression' | 'BlockStatement' | 'DecoratorStatement';
  path: HbNode;
  params: HbNode[];
  hash?: HbHash;
  escaped?: boolean;
  strip?: unknown;
  program?: HbProgram;
  inverse?: HbProgram;
}
export interface HbContent extends HbNode {
  type: 'ContentStatement';
  value: string;
  original: string;
}
export interface HbProgram extends HbNode {
  type: 'Program';
  body: HbNode[];
  blockParams?: string[];
  strip?: unknown;
}

export const isCall = (n: HbNode): n is HbCall =>
  n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement' || n.type === 'DecoratorStatement';
export const isPath = (n: HbNode): n is HbPath => n.type === 'PathExpression';

/** Visits every node below `node` (depth first, parents before children). */
export function walk(node: HbNode, visit: (n: HbNode) => void): void {
  visit(node);
  if (node.type === 'Program') (node as HbProgram).body.forEach((c) => walk(c, visit));
  if (isCall(node)) {
    walk(node.path, visit);
    node.params.forEach((p) => walk(p, visit));
    if (node.hash) walk(node.hash, visit);
    if (node.program) walk(node.program, visit);
    if (node.inverse) walk(node.inverse, visit);
  }
  if (node.type === 'Hash') (node as HbHash).pairs.forEach((p) => walk(p.value, visit));
}
