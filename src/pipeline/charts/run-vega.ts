import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { vegaLocale } from './vega-locale.js';

export interface VegaRun {
  view: vega.View;
  /** A failed load or a refused request: the chart would not show what was written. */
  errors: string[];
  /** Everything else Vega warned about (an empty extent, a trimmed legend …); the chart still draws. */
  warnings: string[];
}

/**
 * What a chart may use beyond its inline data, granted by the caller (which reports refusals):
 * an image as a `data:` URI, a link as the address to keep. Undefined refuses.
 */
export interface ChartResources {
  image: (uri: string) => string | undefined;
  link: (uri: string) => string | undefined;
}

/**
 * Warnings about interaction: events only a browser window could receive, and timers, which are
 * blocked so that an animation is drawn as it stands before its first tick, not wherever a timer got it to.
 * A static chart is simply not interactive.
 */
const INERT = /^(Can not resolve event source: (window|document)\b|Blocked timer )/;
const STATIC_EVENTS = { events: { timer: false } } as vega.Config;

/**
 * A loader that never loads: data arrives inline from the binding stage, so any request Vega
 * makes for data is a spec reaching outside the briefing folder. Images and links are what
 * `resources` grants.
 */
function contentLoader(errors: string[], resources: ChartResources): vega.Loader {
  const refuse = (uri: string) => {
    errors.push(`charts load no external data or files ("${uri}")`);
    return Promise.reject(new Error('charts load no external data or files'));
  };
  return {
    load: refuse,
    sanitize: (uri, options) => {
      // Vega's SVG renderer dereferences a sanitized link without a check, so a refused link
      // resolves to an empty one (finishSvg drops it); a rejection would go unhandled.
      if (options.context === 'href') return Promise.resolve({ href: resources.link(uri) ?? '' });
      const href = resources.image(uri);
      return href === undefined ? Promise.reject(new Error(`image "${uri}" refused`)) : Promise.resolve({ href });
    },
    http: refuse,
    file: refuse,
  };
}

/**
 * Runs a compiled Vega spec headless. Expressions are evaluated by vega-interpreter instead of
 * generated code (no `new Function`). The logger sorts what Vega says: a failed load is an error
 * (Vega only warns, then draws an empty chart), interaction that needs a window is dropped, the
 * rest are warnings about a chart that still draws.
 */
export async function runVega(vgSpec: vega.Spec, lang: string | undefined, resources: ChartResources = NO_RESOURCES): Promise<VegaRun> {
  const said: Pick<VegaRun, 'errors' | 'warnings'> = { errors: [], warnings: [] };
  const logger = vega.logger(vega.Warn, undefined, (method, _level, args) => {
    const text = describe(args);
    if (method === 'error' || text.startsWith('Loading failed')) said.errors.push(text);
    else if (!INERT.test(text)) said.warnings.push(text);
  });
  const locale = vegaLocale(lang);
  const runtime = vega.parse(vgSpec, STATIC_EVENTS, { ast: true });
  const view = new vega.View(runtime, {
    renderer: 'none',
    expr: expressionInterpreter,
    loader: contentLoader(said.errors, resources),
    logger,
    logLevel: vega.Warn,
    // The View takes {number, time} definitions here, though the typings say formatters.
    ...(locale ? { locale: locale as unknown as vega.LocaleFormatters } : {}),
  });
  try {
    await view.runAsync();
  } catch (e) {
    said.errors.push(describe([e]));
  }
  return { view, ...said };
}

const NO_RESOURCES: ChartResources = { image: () => undefined, link: () => undefined };

/**
 * SVG markup of a run view. Vega numbers clip paths and gradients with process-wide counters, so
 * the same chart would get other ids after other charts, or while another renders alongside.
 * The ids are numbered again per chart, in order of first appearance, as a fresh process numbers
 * them (clips from 1, gradients from 0): the markup depends on the chart alone, with no lock
 * shared between renders and no reset of Vega's counters.
 */
export async function viewSvg(view: vega.View): Promise<string> {
  return renumberDefIds(await view.toSVG());
}

/** Where Vega's SVG names a def: its id, a `url(#…)` reference, or an `href="#…"`. */
const DEF_REFERENCE = /(\sid="|url\(#|\s(?:xlink:)?href="#)([^")]+)/g;

function renumberDefIds(svg: string): string {
  const clips = new Map<string, number>();
  const gradients = new Map<string, number>();
  const numberOf = (seen: Map<string, number>, vegaNumber: string, first: number): number => {
    let number = seen.get(vegaNumber);
    if (number === undefined) {
      number = first + seen.size;
      seen.set(vegaNumber, number);
    }
    return number;
  };
  const rename = (id: string): string => {
    const clip = /^clip(\d+)$/.exec(id)?.[1];
    if (clip !== undefined) return `clip${numberOf(clips, clip, 1)}`;
    // A radial gradient is a pattern `p_gradient_N` around `gradient_N`: one number for both.
    const gradient = /^(p_)?gradient_(\d+)$/.exec(id);
    if (gradient?.[2] !== undefined) return `${gradient[1] ?? ''}gradient_${numberOf(gradients, gradient[2], 0)}`;
    return id;
  };
  return svg.replace(DEF_REFERENCE, (_match, start: string, id: string) => start + rename(id));
}

function describe(args: unknown[]): string {
  return args
    .map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a)))
    .join(' ');
}
