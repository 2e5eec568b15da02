import { propertiesBeside, schemaAt } from './vega-lite-schema.js';
import type { ErrorObject } from 'ajv';
import { isObject } from './json.js';
import { didYouMean } from '../../messages/closest.js';

export interface SchemaProblem {
  /** Path of the offending node (strings, as in a JSON pointer). */
  path: string[];
  /** Point at the property name rather than its value (unknown properties). */
  atKey: boolean;
  detail: string;
}

/** Errors that only say "some alternative failed"; the alternatives' own errors are more useful. */
const SUMMARY = new Set(['anyOf', 'oneOf', 'if', 'not', 'false schema']);

/**
 * Picks the one error worth showing. The Vega-Lite schema is a tree of anyOf alternatives, so a
 * single mistake yields dozens of errors, most from alternatives the author never meant. The
 * deepest instance path is where the intended alternative got furthest; at that node, properties
 * no alternative knows, then enum/type mismatches, then missing properties explain best.
 */
export function pickSchemaProblem(errors: readonly ErrorObject[], spec: unknown): SchemaProblem {
  const useful = errors.filter((e) => !SUMMARY.has(e.keyword));
  const pool = useful.length > 0 ? useful : errors;
  const depth = (e: ErrorObject) => pointerPath(e.instancePath).length;
  const deepest = Math.max(...pool.map(depth));
  const where = pool.find((e) => depth(e) === deepest)?.instancePath ?? '';
  const group = pool.filter((e) => e.instancePath === where);
  const path = pointerPath(where);
  return (
    unknownProperty(group, path, spec) ??
    badValue(group, path, valueAt(spec, path)) ??
    missingProperty(group, path) ?? { path, atKey: false, detail: `${label(path)} ${group[0]?.message ?? 'is invalid'}` }
  );
}

function unknownProperty(group: ErrorObject[], path: string[], spec: unknown): SchemaProblem | undefined {
  const extra = group.filter((e) => e.keyword === 'additionalProperties');
  if (extra.length === 0) return undefined;
  // A property one alternative rejects may be exactly what another requires ({field} vs {value});
  // only a name that no alternative at this node declares is the author's mistake.
  const known = new Set<string>();
  for (const e of extra) {
    // The schema that rejected the property: its path minus the `additionalProperties` keyword.
    const parent = schemaAt(e.schemaPath.replace(/\/additionalProperties$/, ''));
    const props: unknown = isObject(parent) ? parent['properties'] : undefined;
    if (isObject(props)) for (const k of Object.keys(props)) known.add(k);
  }
  const names = extra.map((e) => String((e.params as { additionalProperty?: unknown }).additionalProperty));
  const name = names.find((n) => !known.has(n));
  if (name === undefined) return undefined;
  // `colour` → `color`, `tooltips` → `tooltip`: the closest property an object like this one declares.
  const node = valueAt(spec, path);
  const siblings = isObject(node) ? Object.keys(node).filter((k) => !names.includes(k)) : [];
  return { path: [...path, name], atKey: true, detail: `"${name}" is not allowed${didYouMean(name, [...known, ...propertiesBeside(siblings)])}` };
}

/** The value at a path of the spec (Ajv's standalone code does not keep it on the error). */
function valueAt(spec: unknown, path: readonly string[]): unknown {
  let node = spec;
  for (const key of path) node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

function badValue(group: ErrorObject[], path: string[], data: unknown): SchemaProblem | undefined {
  const values: unknown[] = [];
  const types: string[] = [];
  const consts: unknown[] = [];
  for (const e of group) {
    const params = e.params as { allowedValues?: unknown[]; allowedValue?: unknown; type?: string };
    if (e.keyword === 'enum') values.push(...(params.allowedValues ?? []));
    // Single constants are usually the rarer alternatives (composite marks): list them last.
    if (e.keyword === 'const') consts.push(params.allowedValue);
    if (e.keyword === 'type' && params.type) types.push(...params.type.split(','));
  }
  values.push(...consts);
  const choices = [...new Set(values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))))];
  if (choices.length > 0 && (typeof data === 'string' || types.length === 0)) {
    // `rectangle` → `rect`: the closest allowed value, before the whole list.
    const hint = typeof data === 'string' ? didYouMean(data, choices) : '';
    return { path, atKey: false, detail: `${label(path)} ${JSON.stringify(data)} is not one of ${choices.join(', ')}${hint}` };
  }
  if (types.length === 0) return undefined;
  const expected = [...new Set(types)].join(' or ');
  const also = choices.length > 0 ? ` or one of ${choices.join(', ')}` : '';
  return { path, atKey: false, detail: `${label(path)} must be ${expected}${also}` };
}

function missingProperty(group: ErrorObject[], path: string[]): SchemaProblem | undefined {
  const missing = group
    .filter((e) => e.keyword === 'required')
    .map((e) => `"${String((e.params as { missingProperty?: unknown }).missingProperty)}"`);
  if (missing.length === 0) return undefined;
  const list = [...new Set(missing)];
  const what = list.length === 1 ? `property ${list[0]}` : `one of ${list.join(', ')}`;
  return { path, atKey: false, detail: `${label(path)} needs ${what}` };
}

/** `/encoding/x/type` → ['encoding', 'x', 'type'] (RFC 6901 unescaping). */
export function pointerPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** ['layer', '0', 'mark'] → `layer[0].mark`; the root is "the spec". */
function label(path: string[]): string {
  if (path.length === 0) return 'the spec';
  return path.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
