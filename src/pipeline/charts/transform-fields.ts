import { asArray, asObject, asString, isObject, stringList, type JsonObject } from './json.js';

/** Fields a view can refer to; `undefined` fields means "cannot be known" (checks are skipped). */
export interface FieldScope {
  dataset: string;
  fields: Set<string> | undefined;
}

/** A field a transform reads, with the key path to it inside the transform object. */
export interface FieldUse {
  field: string;
  path: (string | number)[];
}

/** Keys whose value names input fields (a string or a list of strings), per transform. */
const INPUTS: Record<string, string[]> = {
  aggregate: ['groupby'],
  bin: ['field'],
  timeUnit: ['field'],
  fold: ['fold'],
  flatten: ['flatten'],
  joinaggregate: ['groupby'],
  window: ['groupby'],
  stack: ['stack', 'groupby'],
  impute: ['impute', 'key', 'groupby'],
  pivot: ['pivot', 'value', 'groupby'],
  density: ['density', 'groupby'],
  regression: ['regression', 'on', 'groupby'],
  loess: ['loess', 'on', 'groupby'],
  quantile: ['quantile', 'groupby'],
  lookup: ['lookup'],
};

/** The transform's kind: the key that names it (`{"calculate": …, "as": …}` → calculate). */
export function transformKind(t: JsonObject): string | undefined {
  // `extent` last: density and regression transforms take an `extent` parameter too.
  const kinds = [...Object.keys(INPUTS), 'filter', 'calculate', 'sample', 'extent'];
  return kinds.find((k) => k in t);
}

/** Input fields a transform reads, for checking before it runs. */
export function transformInputs(t: JsonObject): FieldUse[] {
  const kind = transformKind(t);
  if (!kind) return [];
  const uses: FieldUse[] = [];
  for (const key of INPUTS[kind] ?? []) {
    const value = t[key];
    if (typeof value === 'string') uses.push({ field: value, path: [key] });
    else asArray(value)?.forEach((v, i) => typeof v === 'string' && uses.push({ field: v, path: [key, i] }));
  }
  // Aggregate-like ops list their inputs inside each operation.
  for (const list of ['aggregate', 'joinaggregate', 'window'] as const) {
    asArray(t[list])?.forEach((op, i) => {
      const field = isObject(op) ? asString(op['field']) : undefined;
      if (field !== undefined) uses.push({ field, path: [list, i, 'field'] });
    });
  }
  // A field predicate at the top of a filter; composed predicates are left to Vega-Lite.
  const predicate = asObject(t['filter']);
  const tested = asString(predicate?.['field']);
  if (tested !== undefined) uses.push({ field: tested, path: ['filter', 'field'] });
  return uses;
}

/** The scope after a transform: its outputs added (or, for aggregate, only groups and outputs kept). */
export function applyTransform(scope: FieldScope, t: JsonObject, lookupFields?: string[]): FieldScope {
  const kind = transformKind(t);
  if (!scope.fields) return scope;
  if (!kind || kind === 'pivot') return { dataset: scope.dataset, fields: undefined };
  const fields = new Set(scope.fields);
  const add = (names: string[]) => names.forEach((n) => fields.add(n));
  const as = stringList(t['as']);
  switch (kind) {
    case 'calculate':
    case 'timeUnit':
      add(as);
      break;
    case 'aggregate':
      return { dataset: scope.dataset, fields: new Set([...stringList(t['groupby']), ...opOutputs(t['aggregate'])]) };
    case 'joinaggregate':
      add(opOutputs(t['joinaggregate']));
      break;
    case 'window':
      add(opOutputs(t['window']));
      break;
    case 'bin':
    case 'stack':
      add(as.length === 1 ? [as[0] ?? '', `${as[0] ?? ''}_end`] : as);
      break;
    case 'fold':
      add(as.length > 0 ? as : ['key', 'value']);
      break;
    case 'flatten':
      add(as.length > 0 ? as : stringList(t['flatten']));
      break;
    case 'density':
      add(as.length > 0 ? as : ['value', 'density']);
      break;
    case 'quantile':
      add(as.length > 0 ? as : ['prob', 'value']);
      break;
    case 'regression':
    case 'loess':
      add(as.length > 0 ? as : [asString(t['on']) ?? '', asString(t[kind]) ?? '']);
      break;
    case 'lookup': {
      const from = asObject(t['from']);
      const named = as.length > 0 ? as : stringList(from?.['fields']);
      if (named.length > 0) add(named);
      else if (lookupFields) add(lookupFields);
      else return { dataset: scope.dataset, fields: undefined };
      break;
    }
  }
  return { dataset: scope.dataset, fields };
}

/** Output names of aggregate-style operations; Vega-Lite defaults them to `op_field`. */
function opOutputs(ops: unknown): string[] {
  return (asArray(ops) ?? []).filter(isObject).map((op) => {
    const as = asString(op['as']);
    if (as !== undefined) return as;
    const field = asString(op['field']);
    return field === undefined ? String(op['op']) : `${String(op['op'])}_${field}`;
  });
}
