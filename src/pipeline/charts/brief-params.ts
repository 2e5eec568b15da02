import { asArray, isObject, type Json, type JsonObject } from './json.js';

export type BriefParams = Record<string, string | number | boolean>;

/** Names Vega reserves for its own signals or expression scope; a param must not shadow them. */
const RESERVED = new Set(['width', 'height', 'padding', 'autosize', 'background', 'cursor', 'datum', 'event', 'item', 'parent', 'true', 'false', 'null', 'undefined', 'this']);

/**
 * Exposes briefing parameters to expressions as fixed top-level Vega-Lite params. Only names the
 * spec mentions are added (a param is a signal: adding unused ones only bloats the output), and a
 * param the spec declares itself wins.
 */
export function injectParams(spec: JsonObject, params: BriefParams | undefined): JsonObject {
  if (!params) return spec;
  const declared = asArray(spec['params']);
  if (spec['params'] !== undefined && !declared) return spec;
  const own = new Set((declared ?? []).map((p) => (isObject(p) ? p['name'] : undefined)));
  const text = expressionText(spec);
  const added: JsonObject[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (own.has(name) || RESERVED.has(name) || !/^[A-Za-z_$][\w$]*$/.test(name)) continue;
    if (new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(text)) added.push({ name, value });
  }
  return added.length === 0 ? spec : { ...spec, params: [...(declared ?? []), ...added] };
}

/** All strings of the spec outside inline data, where parameter references can appear. */
function expressionText(value: Json, key = ''): string {
  if (typeof value === 'string') return value;
  if (key === 'values' || key === 'datasets') return '';
  if (Array.isArray(value)) return value.map((v) => expressionText(v)).join('\n');
  if (isObject(value)) return Object.entries(value).map(([k, v]) => expressionText(v, k)).join('\n');
  return '';
}
