import * as vega from 'vega';
import { asArray, asObject, asString, isObject, stringList, type JsonObject } from './json.js';
import { formatCell } from './format-cell.js';

export interface ChartTable {
  columns: string[];
  rows: string[][];
}

const MAX_ROWS = 500;

/** Channels shown in the table, in reading order: panels, positions, then what marks encode. */
const CHANNELS = [
  'row', 'column', 'facet', 'x', 'x2', 'y', 'y2', 'theta', 'theta2', 'radius', 'radius2', 'longitude', 'latitude',
  'color', 'fill', 'stroke', 'shape', 'size', 'opacity', 'fillOpacity', 'strokeOpacity', 'strokeWidth', 'text', 'detail',
];

interface Column {
  header: string;
  /** Name of the field in Vega's data (`sum_value`, `year_date`, `bin_maxbins_10_x` …). */
  key: string;
  field: string | undefined;
  temporal: boolean;
  /** A quantity (aggregated or quantitative) rather than a category or date. */
  measure: boolean;
}

/**
 * The plotted values as a table, for readers who cannot see the chart: the rows of the dataset
 * the marks are drawn from (after Vega-Lite's aggregation, binning and time units), projected
 * to the encoded fields. Layers contribute the fields of all layers (a band layer and a point
 * layer together tell the story), read from the one mark dataset that holds most of them;
 * concatenated views contribute their first view with encoded fields.
 */
export function dataTable(spec: JsonObject, vgSpec: vega.Spec, view: vega.View): ChartTable {
  const encoded = viewColumns(spec, {}, {});
  // Rows read as "key → values": categories and dates first, measured quantities after.
  encoded.sort((a, b) => Number(a.measure) - Number(b.measure));
  const data = markData(vgSpec, view, encoded);
  const sample = data.slice(0, SAMPLE);
  const columns = encoded.flatMap((c) => {
    const read = reader(c, sample);
    return read ? [{ ...c, read }] : [];
  });
  return {
    columns: columns.map((c) => c.header),
    rows: columns.length === 0 ? [] : data.slice(0, MAX_ROWS).map((row) => columns.map((c) => formatCell(c.read(row), c.temporal))),
  };
}

/** Rows inspected to find a column's key (inline rows may leave out empty fields). */
const SAMPLE = 50;

type Repeat = Record<string, string>;

/** Columns of a view's encoded fields, with repeat references filled in. */
function viewColumns(spec: JsonObject, inherited: JsonObject, repeat: Repeat): Column[] {
  const encoding = { ...inherited, ...(asObject(spec['encoding']) ?? {}) };
  const layers = asArray(spec['layer']);
  if (layers) return union(layers.map((l) => viewColumns(asObject(l) ?? {}, encoding, repeat)));
  const inner = asObject(spec['spec']);
  if (inner) {
    const facet = asObject(spec['facet']);
    const panels = facet ? encodingColumns('field' in facet ? { facet } : facet, {}) : [];
    return union([panels, viewColumns(inner, {}, { ...repeat, ...firstRepeated(spec['repeat']) })]);
  }
  for (const key of ['concat', 'hconcat', 'vconcat']) {
    const views = asArray(spec[key]);
    if (views) return views.map((v) => viewColumns(asObject(v) ?? {}, {}, repeat)).find((c) => c.length > 0) ?? [];
  }
  return encodingColumns(encoding, repeat);
}

function encodingColumns(encoding: JsonObject, repeat: Repeat): Column[] {
  const columns: Column[] = [];
  for (const channel of CHANNELS) {
    const def = encoding[channel];
    // x2, y2 … take their type from their primary channel.
    const primary = asObject(encoding[channel.replace(/2$/, '')]);
    for (const d of (Array.isArray(def) ? def : [def]).filter(isObject)) {
      const typed = 'type' in d || !primary?.['type'] ? d : { ...d, type: primary['type'] };
      const column = toColumn(resolveRepeat(typed, repeat));
      if (column) columns.push(column);
    }
  }
  return union([columns]);
}

/** Columns of several views, each key once, in first-seen order. */
function union(lists: Column[][]): Column[] {
  const out: Column[] = [];
  for (const column of lists.flat()) if (!out.some((c) => c.key === column.key)) out.push(column);
  return out;
}

/** The table shows the first repeated view: each repeat list stands for its first field. */
function firstRepeated(repeat: unknown): Repeat {
  if (Array.isArray(repeat)) return { repeat: stringList(repeat)[0] ?? '' };
  const out: Repeat = {};
  for (const [k, list] of Object.entries(asObject(repeat) ?? {})) out[k] = stringList(list)[0] ?? '';
  return out;
}

function resolveRepeat(def: JsonObject, repeat: Repeat): JsonObject {
  const ref = asObject(def['field']);
  const key = ref && asString(ref['repeat']);
  return key === undefined ? def : { ...def, field: repeat[key] ?? '' };
}

function toColumn(def: JsonObject): Column | undefined {
  const field = asString(def['field']);
  const aggregate = asString(def['aggregate']);
  if (field === undefined && aggregate !== 'count') return undefined;
  const timeUnit = asString(def['timeUnit']) ?? asString(asObject(def['timeUnit'])?.['unit']);
  let key = field ?? '';
  if (aggregate === 'count') key = '__count';
  else if (aggregate && aggregate !== 'argmin' && aggregate !== 'argmax') key = `${aggregate}_${field ?? ''}`;
  else if (timeUnit) key = `${timeUnit}_${field ?? ''}`;
  else if (def['bin'] === true || isObject(def['bin'])) key = `bin_${field ?? ''}`;
  const measure = aggregate !== undefined || def['type'] === 'quantitative';
  return { header: header(def) ?? field ?? 'Count', key, field, temporal: def['type'] === 'temporal' || timeUnit !== undefined, measure };
}

/** The title readers see on the axis or legend, if the author wrote one. */
function header(def: JsonObject): string | undefined {
  for (const holder of [def, asObject(def['axis']), asObject(def['legend']), asObject(def['header'])]) {
    const title = holder?.['title'];
    if (typeof title === 'string') return title;
    if (Array.isArray(title)) return stringList(title).join(' ');
  }
  return undefined;
}

type Datum = Record<string, unknown>;

/**
 * Rows of the mark dataset holding the most table columns, and of those the most rows (a layer
 * may draw a sample or a subset). Marks in facet cells read their group's data.
 */
function markData(vgSpec: vega.Spec, view: vega.View, columns: Column[]): Datum[] {
  let best: Datum[] = [];
  let bestScore = 0;
  for (const source of markSources(vgSpec.marks ?? [], false)) {
    let rows: Datum[];
    try {
      rows = 'data' in source ? (view.data(source.data) as Datum[]) : sceneDatums((view.scenegraph() as unknown as { root: SceneNode }).root, source.mark);
    } catch {
      continue;
    }
    const score = columns.filter((c) => reader(c, rows.slice(0, SAMPLE))).length;
    if (score > bestScore || (score === bestScore && rows.length > best.length)) [best, bestScore] = [rows, score];
  }
  return best;
}

type MarkSource = { data: string } | { mark: string };

/**
 * Where a chart's marks get their rows. Inside a facet, dataset names are local to each cell
 * (`view.data` would give one cell's rows), so the rows of a mark there are read from the
 * scene graph: the data of its items in every cell.
 */
function markSources(marks: readonly unknown[], inFacet: boolean): MarkSource[] {
  const sources: MarkSource[] = [];
  for (const node of marks) {
    const mark = asObject(node);
    const from = asObject(mark?.['from']);
    const facet = asString(asObject(from?.['facet'])?.['data']);
    const data = asString(from?.['data']);
    const name = asString(mark?.['name']);
    if (facet !== undefined) sources.push({ data: facet });
    else if (data !== undefined) sources.push(inFacet && name !== undefined ? { mark: name } : { data });
    sources.push(...markSources(asArray(mark?.['marks']) ?? [], inFacet || facet !== undefined));
  }
  const seen = new Set<string>();
  return sources.filter((s) => !seen.has(JSON.stringify(s)) && Boolean(seen.add(JSON.stringify(s))));
}

interface SceneNode {
  name?: string;
  marktype?: string;
  items?: Array<{ datum?: Datum; items?: SceneNode[] }>;
}

/** The data of every item of the marks named `name`, in all groups (facet cells) of the scene. */
function sceneDatums(node: SceneNode, name: string): Datum[] {
  const rows: Datum[] = [];
  for (const item of node.items ?? []) {
    if (node.name === name && item.datum) rows.push(item.datum);
    for (const child of item.items ?? []) rows.push(...sceneDatums(child, name));
  }
  return rows;
}

/**
 * How to read a column from Vega's rows, or undefined when they do not hold it. Binned and
 * parameterised time unit fields have names derived from their parameters, so when the simple
 * name is absent, a `…_field` key is looked up.
 */
function reader(column: Column, sample: Datum[]): ((row: Datum) => unknown) | undefined {
  const keys = new Set(sample.flatMap((row) => Object.keys(row)));
  if (keys.has(column.key)) return (row) => row[column.key];
  const field = column.field ?? '';
  if (column.key !== field) {
    const prefix = column.key.split('_')[0] ?? '';
    const derived = [...keys].find((k) => k.startsWith(prefix) && k.endsWith(`_${field}`));
    return derived === undefined ? undefined : (row) => row[derived];
  }
  if (field === '') return undefined;
  const access = fieldReader(field);
  return sample.some((row) => access(row) !== undefined) ? access : undefined;
}

/**
 * Reads a nested field (`a.b`, `r[1]`, `a\\.b`) as Vega's accessors name it, but safely: a row
 * without the intermediate value reads as undefined where `vega.field` would throw.
 */
export function fieldReader(field: string): (row: Datum) => unknown {
  const path = vega.splitAccessPath(field);
  return (row) => path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Datum)[key] : undefined), row);
}
