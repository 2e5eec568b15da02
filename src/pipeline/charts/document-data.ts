import { catalogue } from '../../messages/catalogue.js';
import { GEO_EXTENSIONS } from '../data/parse-dataset.js';
import { asArray, asObject, asString, isObject, type Json, type JsonObject, type JsonPath } from './json.js';
import { reportAt, type ChartContext } from './spec-positions.js';


/**
 * Whether a data url is read as one JSON document that Vega's format turns into rows: TopoJSON
 * (`feature` or `mesh`), GeoJSON, or JSON rows under a `property`. Plain records go through the
 * dataset reader instead, which checks and positions every row.
 */
export function isDocumentData(path: string, format: JsonObject | undefined, text: string): boolean {
  const lower = path.toLowerCase();
  if (GEO_EXTENSIONS.some((ext) => lower.endsWith(ext))) return true;
  const type = asString(format?.['type']);
  if (type === 'topojson') return true;
  if (!lower.endsWith('.json') || (type !== undefined && type !== 'json')) return false;
  return format?.['property'] !== undefined || text.trimStart().startsWith('{');
}

export interface DocumentData {
  /** The document, inline: Vega applies the format to it as it would to the loaded file. */
  data: JsonObject;
  /** Fields of the rows the format yields, when they can be known. */
  columns: string[] | undefined;
}

/**
 * Reads a JSON document for a chart and works out the fields of the rows its format yields, so
 * the field check covers maps too: a TopoJSON `feature` gives features (`id`, `properties` …),
 * a `mesh` one geometry, a `property` the records found there. A missing TopoJSON object is
 * reported at the format, where Vega would only fail to load.
 */
export function documentData(data: JsonObject, text: string, at: JsonPath, ctx: ChartContext, name: string): DocumentData | undefined {
  let document: Json;
  try {
    document = JSON.parse(text) as Json;
  } catch (e) {
    reportAt(ctx, catalogue.dataParse(name, `invalid JSON (${e instanceof Error ? e.message : String(e)})`), [...at, 'url']);
    return undefined;
  }
  const format = asObject(data['format']) ?? {};
  const lower = asString(data['url'])?.toLowerCase() ?? '';
  const type = asString(format['type']) ?? (lower.endsWith('.topojson') ? 'topojson' : 'json');
  const inline = (columns: string[] | undefined): DocumentData => ({
    data: { values: document, format: { ...format, type } },
    columns,
  });
  if (type !== 'topojson') return inline(jsonColumns(document, asString(format['property'])));

  const objects = asObject(asObject(document)?.['objects']);
  const feature = asString(format['feature']);
  const mesh = asString(format['mesh']);
  const key = feature !== undefined ? 'feature' : mesh !== undefined ? 'mesh' : undefined;
  const object = feature ?? mesh;
  if (!objects || object === undefined || !(object in objects)) {
    const known = Object.keys(objects ?? {});
    if (key === undefined) reportAt(ctx, catalogue.chartTopologyObject('', known), [...at, 'format']);
    else reportAt(ctx, catalogue.chartTopologyObject(object ?? '', known), [...at, 'format', key]);
    return undefined;
  }
  // A mesh is one line geometry; a feature object gives one feature per geometry.
  return inline(key === 'mesh' ? ['type', 'coordinates'] : featureColumns(asObject(objects[object])));
}

/** Keys of the features topojson-client makes from a TopoJSON object. */
function featureColumns(object: JsonObject | undefined): string[] {
  const geometries = asArray(object?.['geometries'])?.filter(isObject) ?? (object ? [object] : []);
  const columns = new Set(['type', 'properties', 'geometry']);
  for (const g of geometries) {
    if (g['id'] !== undefined) columns.add('id');
    if (g['bbox'] !== undefined) columns.add('bbox');
  }
  return [...columns];
}

/** Keys of the rows a JSON document yields (under `property` when given); undefined when unknown. */
function jsonColumns(document: Json, property: string | undefined): string[] | undefined {
  let node: Json | undefined = document;
  for (const key of property?.split('.') ?? []) node = asObject(node)?.[key];
  const rows = Array.isArray(node) ? node : node === undefined ? [] : [node];
  if (rows.length === 0 || !rows.every(isObject)) return undefined;
  const seen = new Set<string>();
  for (const row of rows) for (const k of Object.keys(row as JsonObject)) seen.add(k);
  return [...seen];
}
