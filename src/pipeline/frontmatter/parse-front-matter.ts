import { isAlias, isMap, isNode, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { catalogue } from '../../messages/catalogue.js';
import { LineIndex } from '../../messages/line-index.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { Place } from '../../messages/message.js';
import { closest, didYouMean } from '../../messages/closest.js';
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
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true, schema: 'core', logLevel: 'error' });
  if (doc.errors.length > 0) {
    // YAML's later errors are mostly the parser losing its footing after the first: one message.
    const [first, ...rest] = doc.errors;
    const more = rest.length === 0 ? '' : ` (and ${rest.length} more YAML error${rest.length === 1 ? '' : 's'} after it, likely caused by this one)`;
    if (first) {
      const line = yamlText.slice(yamlText.lastIndexOf('\n', first.pos[0] - 1) + 1).split('\n')[0] ?? '';
      const hint = /:\s*\{\{/.test(line) ? QUOTE_HINT : '';
      log.report(catalogue.yamlInvalid(`${first.message.split('\n')[0] ?? first.message}${hint}${more}`), display, at(first.pos[0]));
    }
    muteDropped(log, undefined, undefined);
    return undefined;
  }
  if (yamlText.trim() !== '' && !isMap(doc.contents)) {
    log.report(catalogue.yamlInvalid('front matter must be a mapping of keys to values'), display, at(0));
    muteDropped(log, undefined, undefined);
    return undefined;
  }
  const value = toPlainValue(doc);
  if (value === ALIAS_BOMB) {
    log.report(catalogue.yamlAliases(MAX_ALIAS_COUNT), display, at(firstAlias(doc)));
    muteDropped(log, undefined, undefined);
    return undefined;
  }
  const result = metaSchema.safeParse(value ?? {});
  if (result.success) return result.data;
  const missing = missingKeys(result.error.issues, doc);
  for (const issue of foldTypos(result.error.issues, missing)) reportIssue(issue, { doc, missing, at, display, log });
  const salvaged = salvage && salvageMeta(value, result.error.issues);
  if (salvage && salvaged) salvage.meta = salvaged;
  muteDropped(log, value, salvaged);
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

/**
 * A parameter or data declaration the salvage had to drop is reported once, where it is written;
 * its uses in the body ("unknown variable params.region", "unknown dataset sales@current") are
 * follow-ons. With nothing salvaged (unreadable YAML), every use of a parameter, the period or a
 * period window is.
 */
export function muteDropped(log: MessageLog, written: unknown, salvaged: Meta | undefined): void {
  const declared = (meta: unknown, key: 'params' | 'data'): string[] => {
    const section = meta !== null && typeof meta === 'object' ? (meta as Record<string, unknown>)[key] : undefined;
    return section !== null && typeof section === 'object' ? Object.keys(section) : [];
  };
  const lost = (key: 'params' | 'data') => (salvaged ? declared(written, key).filter((name) => !declared(salvaged, key).includes(name)) : undefined);
  const params = lost('params');
  const data = lost('data');
  const variable = /^(?:unknown variable )?"([^"]+)"/;
  const dataset = /^unknown dataset "([^"@]+)(@[^"]*)?"/;
  log.mute((m) => {
    const name = m.ruleId === 'variable-unknown' || m.ruleId === 'variable-empty' ? variable.exec(m.reason)?.[1] : undefined;
    if (name !== undefined) {
      const [root, first] = name.split('.');
      return params === undefined ? root === 'params' || root === 'period' : root === 'params' && first !== undefined && params.includes(first);
    }
    const used = m.ruleId === 'data-unknown' ? dataset.exec(m.reason) : null;
    if (!used) return false;
    return data === undefined ? used[2] !== undefined : data.includes(used[1] ?? '');
  });
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

/**
 * One typo, one message: `titel:` makes zod report both the unknown `titel` and the missing
 * `title`. When an unknown key's closest known name is a required key that is missing beside it,
 * only the unknown key is reported (at the typo, with the suggestion).
 */
function foldTypos(issues: readonly z.core.$ZodIssue[], missing: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = plainPath(issue);
    for (const key of issue.keys) {
      const match = closest(key, knownKeys(path, missing));
      if (match !== undefined) meant.add(JSON.stringify([...path, match]));
    }
  }
  return issues.filter((issue) => !missing.includes(issue) || !meant.has(JSON.stringify(plainPath(issue))));
}

/** Issues for a value that is not there at all ("is required"). */
function missingKeys(issues: readonly z.core.$ZodIssue[], doc: Document): z.core.$ZodIssue[] {
  return issues.filter((issue) => issue.code === 'invalid_type' && issue.path.length > 0 && doc.getIn(plainPath(issue), true) === undefined);
}

/** The keys an unknown key at `path` may have meant: the front matter's own at the top, and the required keys missing beside it. */
function knownKeys(path: ReadonlyArray<string | number>, missing: readonly z.core.$ZodIssue[]): string[] {
  const siblings = missing
    .filter((m) => m.path.length === path.length + 1 && path.every((p, i) => m.path[i] === p))
    .map((m) => String(m.path[m.path.length - 1]));
  return path.length === 0 ? [...Object.keys(metaSchema.shape), ...siblings] : siblings;
}

function plainPath(issue: z.core.$ZodIssue): Array<string | number> {
  return issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
}

interface IssueReport {
  doc: Document;
  missing: readonly z.core.$ZodIssue[];
  at: (offset: number) => Place;
  display: string;
  log: MessageLog;
}

function reportIssue(issue: z.core.$ZodIssue, { doc, missing, at, display, log }: IssueReport): void {
  const path = plainPath(issue);
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const pair = findKey(doc, [...path, key]);
      log.report(catalogue.frontMatterInvalid(key, `unknown key${didYouMean(key, knownKeys(path, missing))}`), display, at(pair ?? 0));
    }
    return;
  }
  const node = doc.getIn(path, true);
  const offset = isNode(node) && node.range ? node.range[0] : (findKey(doc, path) ?? 0);
  const key = path.length === 0 ? 'front matter' : path.join('.');
  const detail = issue.code === 'invalid_type' && node === undefined ? 'is required' : issue.message + unquotedTemplateHint(node);
  log.report(catalogue.frontMatterInvalid(key, detail), display, at(offset));
}

const QUOTE_HINT = ' (a value starting with {{ must be quoted: key: "{{…}}")';

/** `headline: {{…}}` is a YAML mapping, not a template: say how to write it. */
function unquotedTemplateHint(node: unknown): string {
  const flow = isMap(node) && node.flow === true && isMap(node.items[0]?.key);
  return flow ? QUOTE_HINT : '';
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
