import { isAlias, isMap, isNode, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { catalogue } from '../../messages/catalogue.js';
import { LineIndex } from '../../messages/line-index.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { Place } from '../../messages/message.js';
import { didYouMean } from '../../messages/closest.js';
import { metaSchema, type Meta } from './meta-schema.js';

export interface SplitSource {
  /** The raw YAML between the fences ('' when there is no front matter). */
  yaml: string;
  /** The Markdown body. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Splits `---\nYAML\n---\n` from the body. Only YAML: no front-matter engine that runs code. */
export function splitFrontMatter(text: string): SplitSource {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const match = source.startsWith('---') ? FENCE.exec(source) : null;
  if (!match || match.index !== 0) return { yaml: '', body: source, bodyLine: 1 };
  const consumed = match[0];
  return { yaml: match[1] ?? '', body: source.slice(consumed.length), bodyLine: consumed.split('\n').length };
}

/**
 * Parses and validates front matter. Every problem is reported at its place in the file; the
 * result is undefined when the meta block cannot be trusted.
 */
export function parseFrontMatter(yamlText: string, display: string, log: MessageLog, salvage?: { meta?: Meta }): Meta | undefined {
  // The YAML starts on line 2 of the file (after the opening fence).
  const index = new LineIndex(yamlText);
  const at = (offset: number): Place => {
    const p = index.place(offset);
    return { line: p.line + 1, column: p.column };
  };
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true, schema: 'core' });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) log.report(catalogue.yamlInvalid(e.message.split('\n')[0] ?? e.message), display, at(e.pos[0]));
    return undefined;
  }
  if (yamlText.trim() !== '' && !isMap(doc.contents)) {
    log.report(catalogue.yamlInvalid('front matter must be a mapping of keys to values'), display, at(0));
    return undefined;
  }
  const value = toPlainValue(doc);
  if (value === ALIAS_BOMB) {
    log.report(catalogue.yamlAliases(MAX_ALIAS_COUNT), display, at(firstAlias(doc)));
    return undefined;
  }
  const result = metaSchema.safeParse(value ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) reportIssue(issue, doc, at, display, log);
  const salvaged = salvage && salvageMeta(value, result.error.issues);
  if (salvage && salvaged) salvage.meta = salvaged;
  return undefined;
}

/**
 * The front matter without its invalid parts, so the stages after it still see the parameters,
 * data declarations and template the author wrote: a typo in `autors` must be one error, not
 * dozens of "unknown variable params.region" follow-ons. Removes each offending value (first
 * where the problem is, then its top-level key), and falls back to defaults.
 */
function salvageMeta(value: unknown, issues: readonly z.core.$ZodIssue[]): Meta | undefined {
  let candidate: unknown = structuredClone(value);
  let remaining = issues;
  for (const depth of [Infinity, 1]) {
    for (const issue of remaining) {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      if (issue.code === 'unrecognized_keys') for (const key of issue.keys) removeAt(candidate, [...path, key].slice(0, depth));
      else removeAt(candidate, path.slice(0, depth));
    }
    if (candidate === null || typeof candidate !== 'object') candidate = {};
    const record = candidate as Record<string, unknown>;
    if (typeof record['title'] !== 'string' || record['title'] === '') record['title'] = 'Untitled briefing';
    const again = metaSchema.safeParse(candidate);
    if (again.success) return again.data;
    remaining = again.error.issues;
  }
  return undefined;
}

function removeAt(root: unknown, path: ReadonlyArray<string | number>): void {
  if (path.length === 0) return;
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) parent = parent !== null && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[key] : undefined;
  const last = path[path.length - 1] ?? '';
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (parent !== null && typeof parent === 'object') delete (parent as Record<string | number, unknown>)[last];
}

/** How often aliases may be expanded: generous for real front matter, far below an alias bomb. */
export const MAX_ALIAS_COUNT = 100;
const ALIAS_BOMB = Symbol('alias bomb');

/** The document as plain values, or ALIAS_BOMB when aliases would expand it exponentially. */
function toPlainValue(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (error) {
    // yaml throws a ReferenceError ("Excessive alias count…") before expanding a billion nodes.
    if (error instanceof ReferenceError) return ALIAS_BOMB;
    throw error;
  }
}

function firstAlias(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  return offset;
}

function reportIssue(
  issue: z.core.$ZodIssue,
  doc: Document,
  at: (offset: number) => Place,
  display: string,
  log: MessageLog,
): void {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const pair = findKey(doc, [...path, key]);
      const known = path.length === 0 ? Object.keys(metaSchema.shape) : [];
      log.report(catalogue.frontMatterInvalid(key, `unknown key${didYouMean(key, known)}`), display, at(pair ?? 0));
    }
    return;
  }
  const node = doc.getIn(path, true);
  const offset = isNode(node) && node.range ? node.range[0] : (findKey(doc, path) ?? 0);
  const key = path.length === 0 ? 'front matter' : path.join('.');
  const detail = issue.code === 'invalid_type' && node === undefined ? 'is required' : issue.message;
  log.report(catalogue.frontMatterInvalid(key, detail), display, at(offset));
}

/** Offset of the key node for `path` (the value may be missing). */
function findKey(doc: Document, path: (string | number)[]): number | undefined {
  const parent = path.length <= 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return path.length <= 1 ? undefined : findKey(doc, path.slice(0, -1));
  const last = path[path.length - 1];
  for (const pair of parent.items) {
    if (isNode(pair.key) && (pair.key as { value?: unknown }).value === last) return pair.key.range?.[0];
  }
  return parent.range?.[0];
}
