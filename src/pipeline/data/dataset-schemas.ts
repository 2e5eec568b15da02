import { parseDocument } from 'yaml';
import type { DataDeclaration, DatasetSchema } from '../frontmatter/data-declarations.js';
import { splitFrontMatter } from '../frontmatter/parse-front-matter.js';
import { displayPath, type BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import { yamlPlaces, type SchemaPlaces } from './schema-places.js';
import { checkedSchema, readSidecarSchema, sidecarDataset } from './schema-sidecar.js';

export interface SchemaSources {
  files: BriefingFiles;
  /** Front matter `data:` (already validated by the front-matter schema). */
  declarations: Readonly<Record<string, DataDeclaration>>;
  /** Names of the datasets that have a data file. */
  datasets: ReadonlySet<string>;
  /** Sidecar file names found in `data/`, e.g. `releases.schema.yaml`. */
  sidecars: readonly string[];
}

/**
 * The schema each dataset is checked against. Front matter wins over a sidecar file: a briefing
 * that declares `data.<name>.schema` says what it means where it is read first, and the ignored
 * sidecar gets a warning rather than a silent merge. A schema with problems is reported and not
 * used, so the data still loads (and the build fails on the reported error).
 */
export function datasetSchemas(sources: SchemaSources, log: MessageLog): Map<string, DatasetSchema> {
  const { files, declarations, datasets, sidecars } = sources;
  const schemas = new Map<string, DatasetSchema>();
  const sidecarOf = new Map<string, string>();
  for (const fileName of sidecars) {
    const name = sidecarDataset(fileName) ?? fileName;
    const path = `data/${fileName}`;
    const display = displayPath(files, path);
    const start = { line: 1, column: 1 };
    const earlier = sidecarOf.get(name);
    if (earlier !== undefined) {
      log.report(catalogue.dataSchemaInvalid(name, `a second schema file beside data/${earlier}; keep one`), display, start);
      continue;
    }
    sidecarOf.set(name, fileName);
    if (!datasets.has(name)) log.report(catalogue.dataSchemaOrphan(name), display, start);
    else if (declarations[name]?.schema) log.report(catalogue.dataSchemaIgnored(name), display, start);
    else {
      const text = files.readText(path);
      const schema = text === undefined ? undefined : readSidecarSchema({ name, path, display, text }, log);
      if (schema) schemas.set(name, schema);
    }
  }
  const frontMatter = lazyFrontMatterPlaces(files);
  for (const [name, declaration] of Object.entries(declarations)) {
    if (!declaration.schema) continue;
    const places = frontMatter.under(['data', name, 'schema']);
    if (!datasets.has(name)) {
      log.report(catalogue.dataSchemaOrphan(name), frontMatter.display, places.at([], { key: true }));
      continue;
    }
    const schema = checkedSchema(declaration.schema, name, frontMatter.display, places, log);
    if (schema) schemas.set(name, schema);
  }
  return schemas;
}

/** Places in `brief.md`'s front matter, parsed only when a message needs one. */
function lazyFrontMatterPlaces(files: BriefingFiles): { display: string; under(prefix: string[]): SchemaPlaces } {
  let places: SchemaPlaces | undefined;
  const load = (): SchemaPlaces => {
    const { yaml } = splitFrontMatter(files.readText('brief.md') ?? '');
    // The YAML starts on line 2 of brief.md, after the opening fence.
    return (places ??= yamlPlaces(parseDocument(yaml), yaml, 2));
  };
  return {
    display: displayPath(files, 'brief.md'),
    under: (prefix) => ({ at: (path, options) => load().at([...prefix, ...path], options) }),
  };
}
