import Handlebars from 'handlebars';
import { defaultChartTheme } from '../charts/chart-theme.js';
import { LineIndex } from '../../messages/line-index.js';
import type { Place } from '../../messages/message.js';
import { parseErrorPlace, shortReason } from '../prose/prose-errors.js';
import { displayPath, normalizeInside, type BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { LayoutOptionsInput } from './layout-options.js';
import { templateConfigSchema, type Template, type TemplateLibrary, type TemplateParts } from './template.js';

export const DEFAULT_TEMPLATE = 'briefing';

/**
 * Picks the template named in front matter: a name from the library (`briefing`), or a folder
 * inside the briefing (`./template`) that extends one. A briefing's own `partials/*.hbs` then
 * override single partials. Briefing folders are content: they may bring markup and CSS, never code.
 */
export function resolveTemplate(
  requested: string,
  library: TemplateLibrary,
  files: BriefingFiles,
  log: MessageLog,
): Template | undefined {
  const brief = displayPath(files, 'brief.md');
  const chain: TemplateParts[] = [];
  let name = requested;
  if (requested.startsWith('./')) {
    const folder = normalizeInside(requested);
    if (folder === undefined) {
      log.report(catalogue.fileOutside(requested), brief);
      return undefined;
    }
    const local = readLocalTemplate(files, folder, log);
    if (!local) return undefined;
    chain.push(local);
    name = extendsOf(local) ?? DEFAULT_TEMPLATE;
  }
  for (let depth = 0; depth < 8; depth++) {
    const parts = library.load(name);
    if (!parts) {
      log.report(catalogue.templateUnknown(name, library.names()), brief);
      return undefined;
    }
    chain.push(parts);
    const parent = extendsOf(parts);
    if (!parent) break;
    name = parent;
  }
  // Base first, then what extends it, then the briefing's own partials/ over everything.
  const own = readLocalTemplate(files, '.', log);
  return own && merge(requested, [...chain.reverse(), own], files, log);
}

function extendsOf(parts: TemplateParts): string | undefined {
  const config = templateConfigSchema.safeParse(parts.config ?? {});
  return config.success ? config.data.extends : undefined;
}

/**
 * The template parts a briefing brings itself. They are content: a partial Handlebars cannot
 * parse or a template.json that is not JSON is a positioned message in that file, not a crash
 * when the page renders. Undefined when one of them is broken.
 */
function readLocalTemplate(files: BriefingFiles, folder: string, log: MessageLog): TemplateParts | undefined {
  const at = (p: string) => (folder === '.' ? p : `${folder}/${p}`);
  let ok = true;
  const readHbs = (path: string): string | undefined => {
    const text = files.readText(path);
    const problem = text === undefined ? undefined : handlebarsSyntaxProblem(text);
    if (problem) log.report(catalogue.templateSyntax(problem.detail), displayPath(files, path), problem.place);
    if (problem) ok = false;
    return text;
  };
  const partials: Record<string, string> = {};
  for (const name of files.list(at('partials'))) {
    if (!name.endsWith('.hbs')) continue;
    const text = readHbs(at(`partials/${name}`));
    if (text !== undefined) partials[name.slice(0, -4)] = text;
  }
  if (folder === '.') return ok ? { partials } : undefined;
  const configText = files.readText(at('template.json'));
  const layout = readHbs(at('layout.hbs'));
  const css = files.readText(at('theme.css'));
  const config = configText === undefined ? undefined : parseConfig(configText, displayPath(files, at('template.json')), log);
  if (!ok || config === INVALID) return undefined;
  return {
    partials,
    ...(layout !== undefined ? { layout } : {}),
    ...(css !== undefined ? { css } : {}),
    ...(config !== undefined ? { config } : {}),
  };
}

const INVALID = Symbol('invalid');

function parseConfig(text: string, shown: string, log: MessageLog): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const offset = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? 0);
    log.report(catalogue.templateConfigJson((error as Error).message.replace(/ in JSON at position \d+.*$/, '')), shown, new LineIndex(text).place(offset));
    return INVALID;
  }
}

/** Where and why Handlebars cannot parse `source`, in the author's terms; undefined when it parses. */
function handlebarsSyntaxProblem(source: string): { detail: string; place: Place } | undefined {
  try {
    Handlebars.parse(source);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    return { detail: shortReason(message, source), place: parseErrorPlace(message, source) };
  }
}

/** Later parts win: base template → extending template → briefing overrides. */
function merge(name: string, chain: TemplateParts[], files: BriefingFiles, log: MessageLog): Template | undefined {
  let layout: string | undefined;
  let partials: Record<string, string> = {};
  const css: string[] = [];
  let page = templateConfigSchema.parse({}).page;
  let chart = { ...defaultChartTheme };
  let options: LayoutOptionsInput = {};
  const helpers = [];
  for (const parts of chain) {
    layout = parts.layout ?? layout;
    partials = { ...partials, ...parts.partials };
    if (parts.css) css.push(parts.css);
    if (parts.helpers) helpers.push(...parts.helpers);
    if (parts.config !== undefined) {
      const config = templateConfigSchema.safeParse(parts.config);
      if (!config.success) {
        log.report(catalogue.layoutFailed(`template.json: ${config.error.issues[0]?.message ?? 'invalid'}`), displayPath(files, 'brief.md'));
        return undefined;
      }
      page = config.data.page;
      chart = { ...chart, ...stripUndefined(config.data.chart) };
      options = { ...options, ...stripUndefined(config.data.options) };
    }
  }
  if (layout === undefined) {
    log.report(catalogue.layoutFailed(`template "${name}" has no layout.hbs`), displayPath(files, 'brief.md'));
    return undefined;
  }
  return { name, layout, partials, css: css.join('\n'), page, chart, options, helpers };
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]-?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}
