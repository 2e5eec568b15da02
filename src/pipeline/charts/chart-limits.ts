import { catalogue } from '../../messages/catalogue.js';
import { isObject, type Json, type JsonPath } from './json.js';
import { reportAt, type ChartContext } from './spec-positions.js';

/**
 * How many rows one generator (`sequence`, an impute `keyvals` sequence) or bin/density step
 * count may make. Vega builds every row in memory before drawing: a `sequence` to 20 million
 * runs for minutes and then exhausts the heap, so it is refused before Vega starts.
 */
export const MAX_GENERATED_ROWS = 10_000;
/** How deep a spec may nest; real specs stay below twenty, while the JSON parser and the checks recurse per level. */
export const MAX_SPEC_DEPTH = 64;

/** Offset of the first bracket that opens a level past `max` in JSON text (strings skipped), if any. */
export function overDeepJson(text: string, max = MAX_SPEC_DEPTH): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') {
      if (++depth > max) return i;
    } else if (c === '}' || c === ']') depth--;
  }
  return undefined;
}

/**
 * Refuses a spec that would make more rows than MAX_GENERATED_ROWS with an error at the place it
 * is written. True when the spec may be drawn.
 */
export function checkChartLimits(spec: Json, ctx: ChartContext): boolean {
  let ok = true;
  const stack: Array<[Json, JsonPath]> = [[spec, []]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, path] = item;
    if (Array.isArray(node)) node.forEach((child, i) => stack.push([child, [...path, i]]));
    if (!isObject(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      const rows = generatedRows(key, value);
      if (rows !== undefined && !(rows <= MAX_GENERATED_ROWS)) {
        reportAt(ctx, catalogue.chartTooLarge(describe(key), rows, MAX_GENERATED_ROWS), [...path, key], true);
        ok = false;
      }
      stack.push([value, [...path, key]]);
    }
  }
  return ok;
}

/** Rows a property would generate, NaN when they cannot be counted, undefined when it generates none. */
function generatedRows(key: string, value: Json): number | undefined {
  if ((key === 'sequence' || key === 'keyvals') && isObject(value) && ('start' in value || 'stop' in value)) {
    const { start = 0, stop, step = 1 } = value;
    if (typeof start !== 'number' || typeof stop !== 'number' || typeof step !== 'number') return undefined;
    if (step === 0) return Number.POSITIVE_INFINITY;
    return Math.max(0, Math.ceil((stop - start) / step));
  }
  if ((key === 'maxbins' || key === 'steps') && typeof value === 'number') return value;
  return undefined;
}

function describe(key: string): string {
  if (key === 'sequence') return 'this sequence';
  if (key === 'keyvals') return 'this keyvals sequence';
  return `"${key}"`;
}
