import { asArray, isObject, type JsonObject, type JsonPath } from './json.js';

export interface ViewNode {
  spec: JsonObject;
  path: JsonPath;
}

const LIST_KEYS = ['layer', 'concat', 'hconcat', 'vconcat'] as const;

/**
 * The views nested directly in a view: layer and concat members, and the inner `spec` of facet
 * and repeat specs. Children inherit their parent's data and transforms unless they set their own.
 */
export function childViews(view: ViewNode): ViewNode[] {
  const children: ViewNode[] = [];
  for (const key of LIST_KEYS) {
    asArray(view.spec[key])?.forEach((child, i) => {
      if (isObject(child)) children.push({ spec: child, path: [...view.path, key, i] });
    });
  }
  const inner = view.spec['spec'];
  if (isObject(inner)) children.push({ spec: inner, path: [...view.path, 'spec'] });
  return children;
}

/** Whether a spec draws a single plot (unit or layer), i.e. not facet, repeat or concat. */
export function isSingleView(spec: JsonObject): boolean {
  if (['facet', 'repeat', 'concat', 'hconcat', 'vconcat'].some((k) => k in spec)) return false;
  const encoding = spec['encoding'];
  if (isObject(encoding) && ['row', 'column', 'facet'].some((k) => k in encoding)) return false;
  return (asArray(spec['layer']) ?? []).every((child) => !isObject(child) || isSingleView(child));
}

/** Path of the first string in a spec equal to `value` (where an image url or a link was written). */
export function pathOfString(node: unknown, value: string, path: JsonPath = []): JsonPath | undefined {
  if (node === value) return path;
  const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((v, i) => [i, v]) : isObject(node) ? Object.entries(node) : [];
  for (const [key, child] of entries) {
    const found = pathOfString(child, value, [...path, key]);
    if (found) return found;
  }
  return undefined;
}
