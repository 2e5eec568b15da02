import type { Spec as VgSpec } from 'vega';
import type { Dataset } from '../data/dataset.js';
import type { BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { Place } from '../../messages/message.js';
import { bindData } from './bind-data.js';
import { injectParams } from './brief-params.js';
import { chartResources, imagesIn } from './chart-resources.js';
import type { ChartTheme } from './chart-theme.js';
import { checkChartLimits } from './chart-limits.js';
import { checkFields } from './check-fields.js';
import { compiles, compileSpec } from './compile-spec.js';
import { dataTable, type ChartTable } from './data-table.js';
import { finishSvg } from './finish-svg.js';
import { asObject, asString, stringList } from './json.js';
import { parseSpecJson } from './parse-spec-json.js';
import { registerChartFonts } from './register-fonts.js';
import { runVega, viewSvg, type VegaRun } from './run-vega.js';
import { reportAt, type ChartContext } from './spec-positions.js';
import { validateSpec } from './validate-spec.js';
import { applySizeDefaults, chartConfig } from './vega-config.js';

export interface ChartSource {
  file: string; // display path used in messages, e.g. 'content/x/charts/a.vl.json' or 'content/x/brief.md'
  text: string; // the JSON text of the spec as written by the author
  origin?: Place; // where `text` starts inside `file` (1-based line/col) for inline specs in Markdown fenced code; default {line:1,column:1}
}
export interface ChartRequest {
  source: ChartSource;
  files: BriefingFiles; // to resolve {"url": "data/x.csv"} and image marks inside the briefing folder ONLY
  datasets: ReadonlyMap<string, Dataset>; // bound by {"data": {"name": "<stem>"}}
  theme: ChartTheme;
  params?: Record<string, string | number | boolean>; // briefing parameters, exposed as fixed top-level Vega-Lite params
  lang?: string; // 'en' | 'zh' …: number/time format locale
  interactive?: boolean; // also hand back the compiled spec for the page's Vega runtime, with tooltips on
}
/** What the page's Vega runtime needs to draw the chart live: everything inline, nothing to fetch. */
export interface LiveChart {
  /** The compiled Vega spec as JSON, data inline. */
  spec: string;
  /** Image URLs the spec names → their data URIs (the runtime loads nothing). */
  images: Record<string, string>;
}
export interface RenderedChart {
  svg: string; // static SVG markup, root <svg> carries role="img" and aria-label
  title?: string; // spec title text if any
  description?: string; // spec description if any
  table: ChartTable; // the plotted values, formatted strings, for an accessible data table
  datasets: string[]; // names of briefing datasets the chart used (for "dataset never used" warnings later)
  live?: LiveChart; // present for interactive charts
}

/**
 * Turns one Vega-Lite spec into static SVG plus a data table. Every problem is reported at its
 * place in the author's file. Errors mean no chart (undefined): a misspelt field, data that did
 * not load or an image from outside the folder would silently show something else than was
 * written. What Vega-Lite and Vega only warn about is reported as a warning and the chart drawn.
 */
export async function renderChart(req: ChartRequest, log: MessageLog): Promise<RenderedChart | undefined> {
  const { file, text, origin = { line: 1, column: 1 } } = req.source;
  const parsed = parseSpecJson(text, origin, file, log);
  if (!parsed) return undefined;
  const ctx: ChartContext = { file, positions: parsed.positions, log };
  if (!checkChartLimits(parsed.value, ctx)) return undefined;
  const config = (singleView: boolean) => chartConfig(req.theme, singleView, req.interactive === true);
  const checked = validateSpec(parsed.value, ctx, (spec) => compiles(spec, config(false)));
  if (!checked.ok) return undefined;
  const bound = bindData(parsed.value, req, ctx);
  const fieldsOk = bound.ok && checkFields(parsed.value, bound.sources, ctx);
  if (!fieldsOk) return undefined;

  const sized = applySizeDefaults(injectParams(bound.spec, req.params), req.theme);
  const resources = chartResources(req.files, parsed.value, ctx);
  let vgSpec: VgSpec;
  let vgText: string;
  let run: VegaRun;
  try {
    const compiled = compileSpec(sized.spec, config(sized.singleView), sized.autosizeAdded);
    // "colour-encoding is dropped as colour is not a valid encoding channel" repeats the schema's warning about `colour`.
    const repeats = (warning: string) => checked.unknownProperty !== undefined && new RegExp(`\\b${checked.unknownProperty.replace(/\W/g, '\\$&')}\\b`).test(warning);
    for (const warning of compiled.warnings) if (!repeats(warning)) reportAt(ctx, catalogue.chartWarning(warning));
    vgSpec = compiled.vgSpec;
    // Taken before Vega runs: it writes derived fields into the inline values it ingests.
    vgText = JSON.stringify(vgSpec);
    registerChartFonts(vgText);
    run = await runVega(vgSpec, req.lang, resources);
  } catch (e) {
    reportAt(ctx, catalogue.chartRender(errorText(e)));
    return undefined;
  }
  const { view } = run;
  try {
    // Images and links are resolved while serialising, so refusals are known only after it.
    const markup = run.errors.length === 0 ? await viewSvg(view) : '';
    for (const error of new Set(run.errors)) reportAt(ctx, catalogue.chartRender(error));
    for (const warning of new Set(run.warnings)) reportAt(ctx, catalogue.chartVegaWarning(warning));
    if (run.errors.length > 0 || resources.refused()) return undefined;
    const title = titleText(parsed.value['title']);
    const description = asString(parsed.value['description']);
    const svg = finishSvg(markup, description ?? title);
    const chart: RenderedChart = { svg, table: safeTable(() => dataTable(sized.spec, vgSpec, view), ctx), datasets: bound.used };
    if (title !== undefined) chart.title = title;
    if (description !== undefined) chart.description = description;
    if (req.interactive) chart.live = { spec: vgText, images: { ...imagesIn(sized.spec, req.files), ...resources.embedded() } };
    return chart;
  } catch (e) {
    reportAt(ctx, catalogue.chartRender(errorText(e)));
    return undefined;
  } finally {
    view.finalize();
  }
}

/** The table is a reading aid: when it cannot be made, the chart is still shown, without it. */
function safeTable(make: () => ChartTable, ctx: ChartContext): ChartTable {
  try {
    return make();
  } catch (e) {
    reportAt(ctx, catalogue.chartTableFailed(errorText(e)));
    return { columns: [], rows: [] };
  }
}

/** Title text: a string, lines of text, or `{text, subtitle}`. */
function titleText(title: unknown): string | undefined {
  if (typeof title === 'string') return title;
  if (Array.isArray(title)) return stringList(title).join(' ');
  const text = asObject(title)?.['text'];
  return text === undefined ? undefined : titleText(text);
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
