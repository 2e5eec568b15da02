import { displayPath, type BriefingFiles } from '../../edges/files/briefing-files.js';
import type { DataDeclaration, DatasetSchema } from '../frontmatter/data-declarations.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import { IMAGE_TYPES } from '../images/image-data-uri.js';
import { datasetSchemas } from './dataset-schemas.js';
import type { DatasetCache } from './dataset-cache.js';
import { brokenDataset, type Dataset } from './dataset.js';
import { DATA_EXTENSIONS, datasetName, GEO_EXTENSIONS } from './parse-dataset.js';
import { readDataset } from './read-dataset.js';
import { sidecarDataset } from './schema-sidecar.js';

/**
 * Loads every file in `data/`, keyed by file stem, each checked against its schema (front matter
 * `data.<name>.schema` or a `data/<name>.schema.json|yaml` sidecar) when it has one.
 * Unreadable or invalid files are reported, not fatal here. Maps (`.topojson`, `.geojson`, JSON
 * documents) are not record sets: charts read them by url. Images and notes may sit in `data/`
 * too (charts show images); any other file is ignored with a warning.
 */
/** Files in `data/` that are not record sets but belong there: maps, images, notes. */
const QUIET = [...GEO_EXTENSIONS, ...Object.keys(IMAGE_TYPES).map((ext) => `.${ext}`), '.md', '.txt'];

export async function loadDatasets(
  files: BriefingFiles,
  declarations: Readonly<Record<string, DataDeclaration>>,
  log: MessageLog,
  cache?: DatasetCache,
): Promise<Map<string, Dataset>> {
  return (await loadDataFiles(files, declarations, log, new Set(), cache)).datasets;
}

/**
 * `loadDatasets`, for a briefing that also has SQL datasets (`queries`, by name): their schemas are
 * read here too (front matter or sidecar), to check their rows once the queries have run.
 */
export async function loadDataFiles(
  files: BriefingFiles,
  declarations: Readonly<Record<string, DataDeclaration>>,
  log: MessageLog,
  queries: ReadonlySet<string>,
  cache?: DatasetCache,
): Promise<{ datasets: Map<string, Dataset>; schemas: Map<string, DatasetSchema> }> {
  const paths = new Map<string, string>();
  const sidecars: string[] = [];
  for (const fileName of files.list('data')) {
    if (fileName.startsWith('.')) continue;
    const path = `data/${fileName}`;
    const lower = fileName.toLowerCase();
    if (sidecarDataset(fileName) !== undefined) sidecars.push(fileName);
    else if (!DATA_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
      if (!QUIET.some((ext) => lower.endsWith(ext))) log.report(catalogue.dataFileIgnored(path), displayPath(files, path));
    } else if (paths.has(datasetName(path))) log.report(catalogue.dataDuplicate(datasetName(path)), displayPath(files, path));
    else paths.set(datasetName(path), path);
  }
  const schemas = datasetSchemas({ files, declarations, datasets: new Set([...paths.keys(), ...queries]), sidecars }, log);
  const datasets = new Map<string, Dataset>();
  for (const [name, path] of paths) {
    const errorsBefore = log.errorCount;
    const dataset = await readDataset(files, path, { schema: schemas.get(name), date: declarations[name]?.date }, log, cache);
    // A dataset with errors (a row of the wrong width, a cell its schema refuses) is broken: its
    // error is the one message, and the charts and helpers that use it are not checked after it.
    // (Its rows are kept, as read, for whoever inspects them.)
    if (log.errorCount > errorsBefore) datasets.set(name, dataset ? { ...dataset, broken: true } : brokenDataset(name, path));
    else if (dataset) datasets.set(name, dataset);
  }
  return { datasets, schemas };
}
