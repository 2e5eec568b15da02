import { getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { MAX_ALIAS_COUNT } from '../frontmatter/parse-front-matter.js';
import type { z } from 'zod';
import { datasetSchemaSchema, type DatasetSchema } from '../frontmatter/data-declarations.js';
import { catalogue } from '../../messages/catalogue.js';
import { LineIndex } from '../../messages/line-index.js';
import type { MessageLog } from '../../messages/message-log.js';
import { jsonPlaces, yamlPlaces, type SchemaPlaces } from './schema-places.js';
import { schemaProblems } from './schema-problems.js';

/** `releases.schema.json` / `.schema.yaml` / `.schema.yml` → `releases`; undefined for other names. */
export function sidecarDataset(fileName: string): string | undefined {
  return /^([^.]+)\.schema\.(?:json|ya?ml)$/i.exec(fileName)?.[1];
}

interface SidecarFile {
  /** Dataset the schema is for. */
  name: string;
  path: string;
  display: string;
  text: string;
}

/**
 * Reads `data/<name>.schema.json|yaml`: the same shape as front matter's `data.<name>.schema`,
 * checked by the same zod schema. Every problem is reported at its place in the sidecar file;
 * the result is undefined when the schema cannot be trusted.
 */
export function readSidecarSchema(file: SidecarFile, log: MessageLog): DatasetSchema | undefined {
  const parsed = file.path.toLowerCase().endsWith('.json') ? parseJson(file, log) : parseYaml(file, log);
  if (!parsed) return undefined;
  const { value, places } = parsed;
  const result = datasetSchemaSchema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) reportIssue(issue, value, file, places, log);
    return undefined;
  }
  return checkedSchema(result.data, file.name, file.display, places, log);
}

/** The schema when it has no problem zod cannot see; otherwise undefined, each problem reported. */
export function checkedSchema(
  schema: DatasetSchema,
  name: string,
  display: string,
  places: SchemaPlaces,
  log: MessageLog,
): DatasetSchema | undefined {
  const problems = schemaProblems(schema);
  for (const problem of problems) log.report(catalogue.dataSchemaInvalid(name, problem.detail), display, places.at(problem.path));
  return problems.length === 0 ? schema : undefined;
}

function parseJson(file: SidecarFile, log: MessageLog): { value: unknown; places: SchemaPlaces } | undefined {
  const errors: ParseError[] = [];
  const tree = parseTree(file.text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first) {
    const place = new LineIndex(file.text).place(first.offset);
    log.report(catalogue.dataSchemaInvalid(file.name, `invalid JSON (${printParseErrorCode(first.error)})`), file.display, place);
    return undefined;
  }
  return { value: tree ? (getNodeValue(tree) as unknown) : undefined, places: jsonPlaces(tree, file.text) };
}

function parseYaml(file: SidecarFile, log: MessageLog): { value: unknown; places: SchemaPlaces } | undefined {
  const doc = parseDocument(file.text, { prettyErrors: false, uniqueKeys: true, schema: 'core' });
  if (doc.errors.length > 0) {
    const index = new LineIndex(file.text);
    for (const e of doc.errors) {
      log.report(catalogue.dataSchemaInvalid(file.name, `invalid YAML: ${e.message.split('\n')[0] ?? e.message}`), file.display, index.place(e.pos[0]));
    }
    return undefined;
  }
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown, places: yamlPlaces(doc, file.text) };
  } catch (error) {
    // An alias bomb: yaml refuses to expand it (ReferenceError) before memory runs out.
    if (!(error instanceof ReferenceError)) throw error;
    log.report(catalogue.dataSchemaInvalid(file.name, catalogue.yamlAliases(MAX_ALIAS_COUNT).reason), file.display, { line: 1, column: 1 });
    return undefined;
  }
}

function reportIssue(issue: z.core.$ZodIssue, value: unknown, file: SidecarFile, places: SchemaPlaces, log: MessageLog): void {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const where = path.length === 0 ? '' : `${path.join('.')}: `;
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      log.report(catalogue.dataSchemaInvalid(file.name, `${where}unknown key "${key}"`), file.display, places.at([...path, key], { key: true }));
    }
    return;
  }
  const missing = issue.code === 'invalid_type' && valueAt(value, path) === undefined;
  const detail = missing ? `"${String(path[path.length - 1] ?? 'schema')}" is required` : `${where}${issue.message}`;
  log.report(catalogue.dataSchemaInvalid(file.name, detail), file.display, places.at(path));
}

function valueAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined;
  return at;
}
