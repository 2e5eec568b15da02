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
