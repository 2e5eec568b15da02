import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { vegaLocale } from './vega-locale.js';

export interface VegaRun {
  view: vega.View;
  /** Everything Vega warned about or failed on; any of it means the chart is not what was written. */
  problems: string[];
}

/**
 * A loader that refuses everything and records the attempt: data arrives inline from the binding
 * stage, so any request Vega makes (a URL, an image, a link) is a spec reaching outside the
 * briefing folder, and the chart would silently lack it.
 */
function refusingLoader(problems: string[]): vega.Loader {
  const refuse = (reason: string) => (uri: string) => {
    problems.push(`${reason} ("${uri}")`);
    return Promise.reject(new Error(reason));
  };
  return {
    load: refuse('charts load no external data or files'),
    sanitize: (uri, options) => {
      if (options.context !== 'href') return refuse('charts cannot show external images')(uri);
      problems.push(`charts cannot contain links ("${uri}")`);
      // Vega's SVG renderer dereferences the sanitized link without a check, so a rejection here
      // would surface as an unhandled rejection; an empty link is dropped by finishSvg instead.
      return Promise.resolve({ href: '' });
    },
    http: refuse('charts load no external data or files'),
    file: refuse('charts load no external data or files'),
  };
}

/**
 * Runs a compiled Vega spec headless. Expressions are evaluated by vega-interpreter instead of
 * generated code (no `new Function`), and the logger captures warnings because Vega only warns,
 * then draws an empty chart, when for instance loading fails.
 */
export async function runVega(vgSpec: vega.Spec, lang: string | undefined): Promise<VegaRun> {
  const problems: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (_method, _level, args) => problems.push(describe(args)));
  const locale = vegaLocale(lang);
  const runtime = vega.parse(vgSpec, undefined, { ast: true });
  const view = new vega.View(runtime, {
    renderer: 'none',
    expr: expressionInterpreter,
    loader: refusingLoader(problems),
    logger,
    logLevel: vega.Warn,
    // The View takes {number, time} definitions here, though the typings say formatters.
    ...(locale ? { locale: locale as unknown as vega.LocaleFormatters } : {}),
  });
  try {
    await view.runAsync();
  } catch (e) {
    problems.push(describe([e]));
  }
  return { view, problems };
}

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
