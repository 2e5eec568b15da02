import { defaultChartTheme } from '../charts/chart-theme.js';
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
    const local = readLocalTemplate(files, folder);
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
  return merge(requested, [...chain.reverse(), readLocalTemplate(files, '.')], files, log);
}

function extendsOf(parts: TemplateParts): string | undefined {
  const config = templateConfigSchema.safeParse(parts.config ?? {});
  return config.success ? config.data.extends : undefined;
}

function readLocalTemplate(files: BriefingFiles, folder: string): TemplateParts {
  const at = (p: string) => (folder === '.' ? p : `${folder}/${p}`);
  const partials: Record<string, string> = {};
  for (const name of files.list(at('partials'))) {
    if (!name.endsWith('.hbs')) continue;
    const text = files.readText(at(`partials/${name}`));
    if (text !== undefined) partials[name.slice(0, -4)] = text;
  }
  if (folder === '.') return { partials };
  const configText = files.readText(at('template.json'));
  const layout = files.readText(at('layout.hbs'));
  const css = files.readText(at('theme.css'));
  return {
    partials,
    ...(layout !== undefined ? { layout } : {}),
    ...(css !== undefined ? { css } : {}),
    ...(configText !== undefined ? { config: JSON.parse(configText) as unknown } : {}),
  };
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
