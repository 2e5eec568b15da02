import Handlebars from 'handlebars';
import type { Datasets } from '../data/dataset.js';
import { catalogue, type MessageTemplate } from '../../messages/catalogue.js';
import { LineIndex } from '../../messages/line-index.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { Place } from '../../messages/message.js';
import { escapeMarkdown } from './escape-markdown.js';
import { shieldCode, unshieldCode } from './literal-code.js';
import {
  isCall,
  isPath,
  walk,
  type HbCall,
  type HbContent,
  type HbNode,
  type HbPath,
  type HbProgram,
} from './handlebars-ast.js';
import { HelperFailure, MarkdownText, type Helper, type HelperPlugin } from './helper-api.js';
import { emptyStep, parseErrorPlace, shortReason } from './prose-errors.js';
import { ESCAPE, LOC, escapeOutput, pathAt, stampLoc, suggestVariable } from './output-rewrites.js';
import { SourceMap } from './source-map.js';
import { compileSpec, templateKey, type TemplateSpec } from '../templates/compiled-templates.js';
import type { KeyValueCache } from '../../edges/cache/key-value-cache.js';

export interface ProseInput {
  /** The Markdown body (front matter removed). */
  text: string;
  /** Display path for messages. */
  file: string;
  /** Line of the file on which `text` starts. */
  firstLine: number;
  /** Column of the file at which `text`'s first line starts; 1 by default. */
  firstColumn?: number;
  /** Where a place in `text` is in the file, when `text` is not written as is (a quoted or folded front matter value). */
  placeInFile?: (inText: Place) => Place;
  context: { meta: unknown; data: unknown; params: unknown };
  lang: string;
  datasets: Datasets;
  helpers: readonly HelperPlugin[];
}

export interface ProseOutput {
  markdown: string;
  /** Maps an offset in `markdown` to a place in the file. */
  placeOf: (offset: number) => Place;
}

const BUILTIN_BLOCKS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

/**
 * A narrative text ready to run: what each top-level statement is (literal text, or output to
 * take from the run) and where it starts in the text, plus the compiled code of the whole file
 * with a marker after each statement. A pure function of the text and the helper names.
 */
export interface PreparedProse {
  statements: ReadonlyArray<{ start: number; content?: string }>;
  spec: TemplateSpec;
}

/** Prepared narrative texts by content (text and helper names), kept by the caller across renders. */
export type PreparedProseCache = KeyValueCache<PreparedProse>;

/**
 * Evaluates the Markdown as a Handlebars template against `{ meta, data, params }`.
 * Strict: an unknown variable or helper is a positioned error, never an empty string.
 * Each top-level statement renders on its own so one mistake does not hide the next, and so
 * generated offsets map back to the source. With `compiled`, a text whose statements all check
 * out is parsed and compiled once and reused as long as its text and the helper names stay the same.
 */
export function evaluateProse(input: ProseInput, log: MessageLog, compiled?: PreparedProseCache): ProseOutput {
  const index = new LineIndex(input.text);
  const shift = (input.firstColumn ?? 1) - 1;
  const toFile = input.placeInFile ?? ((p: Place): Place => ({ line: p.line + input.firstLine - 1, column: p.line === 1 ? p.column + shift : p.column }));
  const placeOfLoc = (line: number, column0: number): Place => toFile({ line, column: column0 + 1 });
  const identity: ProseOutput = { markdown: input.text, placeOf: (o) => toFile(index.place(o)) };
  if (!input.text.includes('{{')) return identity;

  const env = Handlebars.create();
  const helperNames = registerHelpers(env, input);
  const check = () => checkProse(input, env, helperNames, { log, toFile, placeOfLoc, index });
  const key = compiled ? templateKey('prose', input.text, COMPILE_OPTIONS, [...helperNames].sort()) : undefined;
  let prepared = key === undefined ? undefined : compiled?.get(key);
  let checked: Checked | undefined;
  if (!prepared) {
    checked = check();
    if (!checked) return identity;
    prepared = checked.prepared;
    if (prepared && key !== undefined) compiled?.set(key, prepared);
  }

  const outputs = prepared && renderAtOnce(env, prepared.spec, prepared.statements.length, input.context);
  const map = new SourceMap();
  let out = '';
  if (prepared && outputs) {
    for (const [i, statement] of prepared.statements.entries()) {
      map.add(out.length, statement.start, statement.content !== undefined);
      out += statement.content ?? outputs[i] ?? '';
    }
    return { markdown: unshieldCode(out), placeOf: (o) => toFile(index.place(map.toSource(o))) };
  }
  // Something failed (a statement did not check out, or the run threw): each statement on its own finds every error.
  const { program, ok } = checked ?? check() ?? { program: { type: 'Program', body: [] } as unknown as HbProgram, ok: new Set<HbNode>() };
  for (const statement of program.body) {
    map.add(out.length, statementStart(statement, index), statement.type === 'ContentStatement');
    if (statement.type === 'ContentStatement') out += (statement as HbContent).value;
    else if (ok.has(statement)) out += renderStatement(env, statement, input.context, (t, p) => log.report(t, input.file, p), placeOfLoc);
  }
  return { markdown: unshieldCode(out), placeOf: (o) => toFile(index.place(map.toSource(o))) };
}

const COMPILE_OPTIONS: CompileOptions = { strict: true, preventIndent: true };

/** A parsed and checked text: its statements, those that are safe to render, and (when all are) the text prepared to run. */
interface Checked {
  program: HbProgram;
  ok: Set<HbNode>;
  prepared: PreparedProse | undefined;
}

interface CheckPlaces {
  log: MessageLog;
  toFile: (p: Place) => Place;
  placeOfLoc: (line: number, column0: number) => Place;
  index: LineIndex;
}

/**
 * Parses and checks a text (reporting what is wrong), and compiles it whole when every statement
 * checks out. Undefined when the text does not parse (reported) or holds no template outside code.
 */
function checkProse(input: ProseInput, env: typeof Handlebars, helperNames: Set<string>, at: CheckPlaces): Checked | undefined {
  // Fenced and inline code pass through literally; the shielded text has the same offsets.
  const text = shieldCode(input.text);
  if (!text.includes('{{')) return undefined;
  let program: HbProgram;
  try {
    program = Handlebars.parse(text) as unknown as HbProgram;
  } catch (e) {
    const message = (e as Error).message;
    at.log.report(catalogue.proseSyntax(shortReason(message, text)), input.file, at.toFile(parseErrorPlace(message, input.text)));
    return undefined;
  }
  const ok = prepare(program, helperNames, (t, place) => at.log.report(t, input.file, place), at.placeOfLoc);
  // `prepare` keeps every statement that checks out, literal text included.
  if (ok.size !== program.body.length) return { program, ok, prepared: undefined };
  const statements = program.body.map((statement) => {
    const start = statementStart(statement, at.index);
    return statement.type === 'ContentStatement' ? { start, content: (statement as HbContent).value } : { start };
  });
  let spec: TemplateSpec;
  try {
    spec = compileWithMarkers(env, program);
  } catch {
    return { program, ok, prepared: undefined };
  }
  return { program, ok, prepared: { statements, spec } };
}

/** Where a statement's output maps back to: its start, or for literal text the first character it keeps. */
function statementStart(statement: HbNode, index: LineIndex): number {
  const start = statement.loc ? index.offset({ line: statement.loc.start.line, column: statement.loc.start.column + 1 }) : 0;
  if (statement.type !== 'ContentStatement') return start;
  const content = statement as HbContent;
  return start + Math.max(0, content.original.indexOf(content.value));
}

function registerHelpers(env: typeof Handlebars, input: ProseInput): Set<string> {
  const names = new Set<string>(BUILTIN_BLOCKS);
  const add = (name: string, helper: Helper) => {
    names.add(name);
    env.registerHelper(name, function (this: unknown, ...rest: unknown[]) {
      const options = rest.pop() as Handlebars.HelperOptions & { name: string };
      const { [LOC]: loc, ...hash } = options.hash as Record<string, unknown>;
      try {
        const call = { args: rest, hash, lang: input.lang, datasets: input.datasets, context: this };
        const block = options.fn ? { block: { fn: options.fn, inverse: options.inverse } } : {};
        return helper({ ...call, ...block });
      } catch (e) {
        throw new PlacedFailure(e instanceof HelperFailure ? e.template : catalogue.helperFailed(name, (e as Error).message), String(loc));
      }
    });
  };
  for (const plugin of input.helpers) plugin({ add });
  env.registerHelper(ESCAPE, (value: unknown) =>
    value instanceof MarkdownText ? value.markdown : escapeMarkdown(value === null || value === undefined ? '' : String(value)),
  );
  return names;
}

class PlacedFailure extends Error {
  constructor(
    readonly template: MessageTemplate,
    readonly loc: string,
  ) {
    super(template.reason);
  }
}

/**
 * Checks every call against the registered helpers (static, so all unknown helpers are found at
 * once), stamps each helper call with its location, and routes escaped output through the
 * Markdown escaper. Returns the statements that are safe to render.
 */
function prepare(
  program: HbProgram,
  helpers: Set<string>,
  report: (t: MessageTemplate, p: Place) => void,
  placeOfLoc: (line: number, column0: number) => Place,
): Set<HbNode> {
  const ok = new Set<HbNode>();
  for (const statement of program.body) {
    let good = true;
    walk(statement, (node) => {
      // Handlebars checks only the last segment of `{{a.b}}` strictly; make every variable
      // reference (including helper arguments) strict so a typo is never an empty string.
      if (isPath(node) && !node.data) (node as HbPath & { strict?: boolean }).strict = true;
      if (!isCall(node) || !isPath(node.path) || node.path.data) return;
      const name = node.path.original;
      const called = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0 || node.type === 'SubExpression';
      if (called && !helpers.has(name)) {
        const loc = node.path.loc?.start ?? { line: 1, column: 0 };
        report(catalogue.helperUnknown(name, [...helpers]), placeOfLoc(loc.line, loc.column));
        good = false;
      }
      if (helpers.has(name) && !BUILTIN_BLOCKS.has(name)) stampLoc(node);
    });
    if (good) ok.add(statement);
  }
  walk(program, (node) => {
    if (node.type === 'Program') (node as HbProgram).body.forEach((c) => c.type === 'MustacheStatement' && escapeOutput(c as HbCall, helpers));
  });
  return ok;
}

/**
 * The fast path: one compile for the whole file, with a marker after each top-level statement so
 * the output can still be split and mapped statement by statement. The run is undefined when
 * anything fails — then each statement renders on its own, which finds every error, not just the first.
 */
// NUL never occurs in Markdown an author writes, so it can delimit statement outputs.
// eslint-disable-next-line no-control-regex
const MARKER = /\u0000\d+\u0000/;

function compileWithMarkers(env: typeof Handlebars, program: HbProgram): TemplateSpec {
  const marker = (i: number) => `\u0000${i}\u0000`;
  const body = program.body.flatMap((statement, i) => [statement, { type: 'ContentStatement', value: marker(i), original: marker(i) } as HbContent]);
  return compileSpec(env, { ...program, body } as unknown as hbs.AST.Program, COMPILE_OPTIONS);
}

function renderAtOnce(env: typeof Handlebars, spec: TemplateSpec, statements: number, context: unknown): string[] | undefined {
  try {
    const parts = env.template(spec)(context).split(MARKER);
    return parts.length === statements + 1 ? parts.slice(0, -1) : undefined;
  } catch {
    return undefined;
  }
}

function renderStatement(
  env: typeof Handlebars,
  statement: HbNode,
  context: unknown,
  report: (t: MessageTemplate, p: Place) => void,
  placeOfLoc: (line: number, column0: number) => Place,
): string {
  const program = { type: 'Program', body: [statement], strip: {}, loc: statement.loc } as unknown as hbs.AST.Program;
  try {
    return env.compile(program, { strict: true, preventIndent: true })(context);
  } catch (e) {
    if (e instanceof PlacedFailure) {
      const [line, column] = e.loc.split(':').map(Number);
      report(e.template, placeOfLoc(line ?? 1, column ?? 0));
      return '';
    }
    const err = e as Error & { lineNumber?: number; column?: number };
    const name = /^"([^"]+)" not defined/.exec(err.message)?.[1];
    if (name !== undefined && err.lineNumber !== undefined) {
      const full = pathAt(statement, err.lineNumber, err.column ?? 0) ?? name;
      report(catalogue.variableUnknown(full, suggestVariable(full, context)), placeOfLoc(err.lineNumber, err.column ?? 0));
      return '';
    }
    const empty = emptyStep(err, statement, context);
    if (empty) {
      report(catalogue.variableEmpty(empty.path, empty.empty), placeOfLoc(empty.loc.line, empty.loc.column));
      return '';
    }
    // Handlebars' own exceptions are about the template; any other is a bug of ours, not the author's.
    if (!(err instanceof Handlebars.Exception)) throw err;
    const loc = statement.loc?.start ?? { line: 1, column: 0 };
    report(catalogue.proseSyntax(shortReason(err.message)), placeOfLoc(loc.line, loc.column));
    return '';
  }
}
