import { catalogue } from '../../../messages/catalogue.js';
import { HelperFailure, type HelperCall, type HelperPlugin } from '../helper-api.js';
import { findDataset } from './aggregate-helpers.js';
import { describe } from './format-helpers.js';

/**
 * Comparisons, logic and row filtering, for `#if` and `#each`:
 *
 *   {{#if (gt (sum "sales@current" "n") 0)}}…{{/if}}
 *   {{#each (filter "sales" month="2026-01")}}- {{region}}: {{n}}{{/each}}
 *   {{#each (filter data.sales "month" "2026-01")}}…{{/each}}
 */
export const logicHelpers: HelperPlugin = (registry) => {
  registry.add('eq', (call) => same(...pair(call, 'eq')));
  registry.add('ne', (call) => !same(...pair(call, 'ne')));
  registry.add('lt', (call) => order(call, 'lt') < 0);
  registry.add('lte', (call) => order(call, 'lte') <= 0);
  registry.add('gt', (call) => order(call, 'gt') > 0);
  registry.add('gte', (call) => order(call, 'gte') >= 0);
  registry.add('and', (call) => call.args.every(truthy));
  registry.add('or', (call) => call.args.some(truthy));
  registry.add('not', (call) => !truthy(call.args[0]));
  registry.add('filter', (call) => filterRows(call));
};

function pair(call: HelperCall, name: string): [unknown, unknown] {
  if (call.args.length !== 2) throw new HelperFailure(catalogue.helperFailed(name, `takes two values, got ${call.args.length}`));
  return [call.args[0], call.args[1]];
}

/** A number, or a string that is one ("12" from a CSV key or a --param): compared as numbers. */
function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function same(a: unknown, b: unknown): boolean {
  const [x, y] = [asNumber(a), asNumber(b)];
  if (x !== undefined && y !== undefined) return x === y;
  return a === b || (a !== null && b !== null && a !== undefined && b !== undefined && String(a) === String(b));
}

/** Numbers by value; otherwise text (ISO dates and period ids order as text); an empty value or a number against text is a mistake. */
function order(call: HelperCall, name: string): number {
  const [a, b] = pair(call, name);
  const [x, y] = [asNumber(a), asNumber(b)];
  if (x !== undefined && y !== undefined) return x - y;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new HelperFailure(catalogue.helperFailed(name, `cannot compare ${describe(a)} with ${describe(b)}`));
}

/** Handlebars' own truth: an empty list or string, 0, false and no value are false. */
function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** Rows of a dataset (by name, `@window` included) or of a list, where each given column has the given value. */
function filterRows(call: HelperCall): unknown[] {
  const [source, ...rest] = call.args;
  if (rest.length % 2 !== 0) throw new HelperFailure(catalogue.helperFailed('filter', 'takes column and value in pairs: (filter rows "month" "2026-01")'));
  const pairs: Array<[string, unknown]> = [];
  for (let i = 0; i < rest.length; i += 2) pairs.push([String(rest[i]), rest[i + 1]]);
  if (typeof source === 'string') {
    // A dataset name: its named-argument filters check the columns; positional pairs narrow further.
    const dataset = findDataset({ ...call, hash: { ...call.hash, ...Object.fromEntries(pairs) } }, 'filter');
    return dataset.rows;
  }
  if (!Array.isArray(source)) throw new HelperFailure(catalogue.helperFailed('filter', `argument 1 must be a dataset name or a list of rows, got ${describe(source)}`));
  const all = [...pairs, ...Object.entries(call.hash)];
  return source.filter((row) => all.every(([column, value]) => row !== null && typeof row === 'object' && same((row as Record<string, unknown>)[column], value)));
}
