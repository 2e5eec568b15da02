import type { Dataset } from '../data/dataset.js';
import { DATA_EXTENSIONS, datasetName, GEO_EXTENSIONS, parseDataset } from '../data/parse-dataset.js';
import { displayPath, filesBeside, normalizeInside, type BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import { asArray, asObject, asString, isObject, type Json, type JsonObject, type JsonPath } from './json.js';
import { documentData, isDocumentData } from './document-data.js';
import { reportAt, type ChartContext } from './spec-positions.js';
import { childViews, type ViewNode } from './spec-walk.js';

/** What a data node holds, for the field check: a label for messages and its columns if known. */
export interface DataSource {
  name: string;
  columns: string[] | undefined;
}

export interface BoundData {
  /** A copy of the spec in which every briefing data reference is replaced by inline values. */
  spec: JsonObject;
  /** Data nodes by `JSON.stringify(path)`, for the field check. */
  sources: Map<string, DataSource>;
  /** Briefing datasets the chart uses, sorted. */
  used: string[];
  ok: boolean;
}

export interface DataInputs {
  files: BriefingFiles;
  datasets: ReadonlyMap<string, Dataset>;
}

export const sourceKey = (path: JsonPath): string => JSON.stringify(path);

/**
 * Resolves `{"name": …}` and `{"url": …}` data to inline values, so that Vega never loads
 * anything itself: names come from the briefing's datasets, URLs only from its `data/` folder.
 * Works on a copy; positions are reported against the original, whose paths are unchanged.
 */
export function bindData(original: JsonObject, inputs: DataInputs, ctx: ChartContext): BoundData {
  const spec = structuredClone(original);
  const local = asObject(spec['datasets']) ?? {};
  const result: BoundData = { spec, sources: new Map(), used: [], ok: true };
  const used = new Set<string>();

  const bind = (holder: JsonObject, key: string, path: JsonPath): void => {
    const data = asObject(holder[key]);
    if (!data) return;
    const bound = bindNode(data, path, local, inputs, ctx);
    if (!bound) {
      result.ok = false;
      return;
    }
    result.sources.set(sourceKey(path), bound.source);
    if (bound.replacement) holder[key] = bound.replacement;
    if (bound.dataset) used.add(bound.dataset);
  };

  const visit = (view: ViewNode): void => {
    bind(view.spec, 'data', [...view.path, 'data']);
    asArray(view.spec['transform'])?.forEach((t, i) => {
      const from = isObject(t) ? asObject(t['from']) : undefined;
      if (from) bind(from, 'data', [...view.path, 'transform', i, 'from', 'data']);
    });
    childViews(view).forEach(visit);
  };
  visit({ spec, path: [] });
  result.used = [...used].sort();
  return result;
}

interface BoundNode {
  source: DataSource;
  /** The data node with everything inline, when it named data to load. */
  replacement?: JsonObject;
  dataset?: string;
}

function bindNode(
  data: JsonObject,
  path: JsonPath,
  local: JsonObject,
  inputs: DataInputs,
  ctx: ChartContext,
): BoundNode | undefined {
  if ('values' in data) return { source: { name: '(inline values)', columns: valueColumns(data['values']) } };
  const url = asString(data['url']);
  if (url !== undefined) return bindUrl(data, url, path, inputs, ctx);
  const name = asString(data['name']);
  if (name !== undefined) {
    if (name in local) return { source: { name, columns: valueColumns(local[name]) } };
    const dataset = inputs.datasets.get(name);
    if (dataset?.broken) {
      reportAt(ctx, catalogue.followOn(name), [...path, 'name']);
      return undefined;
    }
    if (dataset) return { source: { name, columns: dataset.columns }, replacement: withValues(data, copyRows(dataset)), dataset: name };
    const known = [...inputs.datasets.keys(), ...Object.keys(local)].sort();
    reportAt(ctx, catalogue.dataUnknown(name, known), [...path, 'name']);
    return undefined;
  }
  // Generators (sequence, sphere, graticule) need no loading.
  const sequence = asObject(data['sequence']);
  const columns = sequence ? [asString(sequence['as']) ?? 'data'] : undefined;
  return { source: { name: '(generated)', columns } };
}

function bindUrl(data: JsonObject, url: string, path: JsonPath, inputs: DataInputs, ctx: ChartContext): BoundNode | undefined {
  const at = [...path, 'url'];
  const file = normalizeInside(url);
  if (file === undefined || !file.startsWith('data/')) {
    reportAt(ctx, catalogue.chartDataUrl(url), at);
    return undefined;
  }
  if (![...DATA_EXTENSIONS, ...GEO_EXTENSIONS].some((ext) => file.toLowerCase().endsWith(ext))) {
    reportAt(ctx, catalogue.dataFormat(file), at);
    return undefined;
  }
  const name = datasetName(file);
  // The pipeline has usually loaded data/ already; reuse it so rows and messages agree.
  let dataset = inputs.datasets.get(name);
  if (dataset?.path !== file) {
    const text = inputs.files.readText(file);
    if (text === undefined) {
      reportAt(ctx, catalogue.fileMissing(file, filesBeside(inputs.files, file)), at);
      return undefined;
    }
    if (isDocumentData(file, asObject(data['format']), text)) {
      const document = documentData(data, text, path, ctx, name);
      return document && { source: { name, columns: document.columns }, replacement: document.data };
    }
    dataset = parseDataset(file, text, displayPath(inputs.files, file), ctx.log);
    if (!dataset) return undefined;
  }
  return { source: { name, columns: dataset.columns }, replacement: withValues(data, copyRows(dataset)), dataset: name };
}

/**
 * Vega adds ids and derived fields to the objects it ingests: hand it copies, never the dataset's
 * rows. Nested JSON values go in as written, so `record.low` reads as it does in plain Vega.
 */
function copyRows(dataset: Dataset): JsonObject[] {
  const { nested } = dataset;
  return dataset.rows.map((row) => ({ ...row, ...(nested?.get(row) as JsonObject | undefined) }));
}

/** Inline replacement keeping only what still applies to values (parsing hints), not url formats. */
function withValues(data: JsonObject, values: JsonObject[]): JsonObject {
  const format = asObject(data['format']);
  const parse = format?.['parse'];
  return parse === undefined ? { values } : { values, format: { parse } };
}

function valueColumns(values: Json | undefined): string[] | undefined {
  const rows = asArray(values);
  // No rows (or not records) tells nothing about columns: skip the field check.
  if (!rows || rows.length === 0 || !rows.every(isObject)) return undefined;
  const seen = new Set<string>();
  for (const row of rows) for (const k of Object.keys(row as JsonObject)) seen.add(k);
  return [...seen];
}
