import { catalogue } from '../../messages/catalogue.js';
import { asArray, asObject, isObject, stringList, type Json, type JsonObject, type JsonPath } from './json.js';
import { sourceKey, type DataSource } from './bind-data.js';
import { reportAt, type ChartContext } from './spec-positions.js';
import { childViews, type ViewNode } from './spec-walk.js';
import { applyTransform, transformInputs, type FieldScope } from './transform-fields.js';

/**
 * Checks that every field a chart names exists in its data. Vega-Lite itself would silently draw
 * an empty or partial chart, so a typo in a field name must be caught here, at its position.
 */
export function checkFields(spec: JsonObject, sources: ReadonlyMap<string, DataSource>, ctx: ChartContext): boolean {
  let ok = true;
  const check = (scope: FieldScope | undefined, field: string, path: JsonPath): void => {
    if (!scope?.fields || field === '*' || scope.fields.has(firstSegment(field))) return;
    reportAt(ctx, catalogue.chartField(field, scope.dataset, [...scope.fields]), path);
    ok = false;
  };

  /** The view's own data (or the inherited scope), run through its transforms. */
  const scopeOf = (view: ViewNode, inherited: FieldScope | undefined, report: boolean): FieldScope | undefined => {
    let scope = 'data' in view.spec ? toScope(sources.get(sourceKey([...view.path, 'data']))) : inherited;
    asArray(view.spec['transform'])?.forEach((t, i) => {
      if (!isObject(t) || !scope) return;
      const at = [...view.path, 'transform', i];
      if (report) for (const use of transformInputs(t)) check(scope, use.field, [...at, ...use.path]);
      const secondary = sources.get(sourceKey([...at, 'from', 'data']))?.columns;
      scope = applyTransform(scope, t, secondary);
    });
    return scope;
  };

  const visit = (view: ViewNode, inherited: FieldScope | undefined): void => {
    const scope = scopeOf(view, inherited, true);
    const encoding = asObject(view.spec['encoding']);
    if (encoding) {
      for (const use of encodingFields(encoding, [...view.path, 'encoding'])) check(scope, use.field, use.path);
    }
    const facet = asObject(view.spec['facet']);
    if (facet) {
      const defs = 'field' in facet ? { '': facet } : facet;
      for (const use of encodingFields(defs, [...view.path, 'facet'])) check(scope, use.field, use.path);
    }
    for (const child of childViews(view)) {
      // Repeated field names are checked against the repeated view's own scope.
      if (child.path.at(-1) === 'spec' && 'repeat' in view.spec) {
        const inner = scopeOf(child, scope, false);
        for (const use of repeatFields(view.spec['repeat'], [...view.path, 'repeat'])) check(inner, use.field, use.path);
      }
      visit(child, scope);
    }
  };
  visit({ spec, path: [] }, undefined);
  return ok;
}

function toScope(source: DataSource | undefined): FieldScope | undefined {
  return source && { dataset: source.name, fields: source.columns && new Set(source.columns) };
}

interface FieldUse {
  field: string;
  path: JsonPath;
}

/** Field references of encoding channels (and facet defs), including tooltip lists, conditions and sort fields. */
function encodingFields(encoding: JsonObject, at: JsonPath): FieldUse[] {
  const uses: FieldUse[] = [];
  const fromDef = (def: Json | undefined, path: JsonPath): void => {
    if (!isObject(def)) return;
    // `{"field": {"repeat": "row"}}` is filled in by repeat; checked via the repeat list.
    if (typeof def['field'] === 'string') uses.push({ field: def['field'], path: [...path, 'field'] });
    const sort = asObject(def['sort']);
    if (typeof sort?.['field'] === 'string') uses.push({ field: sort['field'], path: [...path, 'sort', 'field'] });
    const aggregate = asObject(def['aggregate']);
    for (const op of ['argmin', 'argmax']) {
      const f = aggregate?.[op];
      if (typeof f === 'string') uses.push({ field: f, path: [...path, 'aggregate', op] });
    }
    const condition = def['condition'];
    if (Array.isArray(condition)) condition.forEach((c, i) => fromDef(c, [...path, 'condition', i]));
    else fromDef(condition, [...path, 'condition']);
  };
  for (const [channel, def] of Object.entries(encoding)) {
    const path = channel === '' ? at : [...at, channel];
    if (Array.isArray(def)) def.forEach((d, i) => fromDef(d, [...path, i]));
    else fromDef(def, path);
  }
  return uses;
}

/** Field names listed by a repeat spec: a list, or lists per row/column/layer. */
function repeatFields(repeat: Json | undefined, at: JsonPath): FieldUse[] {
  if (Array.isArray(repeat)) return stringList(repeat).map((field, i) => ({ field, path: [...at, i] }));
  const uses: FieldUse[] = [];
  for (const [key, list] of Object.entries(asObject(repeat) ?? {})) {
    asArray(list)?.forEach((f, i) => typeof f === 'string' && uses.push({ field: f, path: [...at, key, i] }));
  }
  return uses;
}

/**
 * The top-level column a field path starts with: `a.b` and `a[0]` read column `a`; `a\.b` is the
 * column literally named `a.b`.
 */
export function firstSegment(field: string): string {
  let out = '';
  for (let i = 0; i < field.length; i++) {
    const ch = field[i];
    if (ch === '\\' && i + 1 < field.length) out += field[++i];
    else if (ch === '.' || ch === '[') return out === '' ? field : out;
    else out += ch;
  }
  return out;
}
