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

let svgQueue: Promise<unknown> = Promise.resolve();

/**
 * SVG markup of a run view. Vega numbers clip paths and gradients with process-wide counters;
 * resetting them makes output independent of earlier charts, and the queue keeps concurrent
 * renders from interleaving between the reset and the serialisation.
 */
export function viewSvg(view: vega.View): Promise<string> {
  const next = svgQueue.then(() => {
    vega.resetSVGDefIds();
    return view.toSVG();
  });
  svgQueue = next.catch(() => undefined);
  return next;
}

function describe(args: unknown[]): string {
  return args
    .map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a)))
    .join(' ');
}
