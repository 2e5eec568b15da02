import type { Spec as VgSpec } from 'vega';
import type { Dataset } from '../data/dataset.js';
import type { BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { Place } from '../../messages/message.js';
import { bindData } from './bind-data.js';
import { injectParams } from './brief-params.js';
import type { ChartTheme } from './chart-theme.js';
import { checkFields } from './check-fields.js';
import { compileSpec } from './compile-spec.js';
import { dataTable } from './data-table.js';
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
  files: BriefingFiles; // to resolve {"url": "data/x.csv"} inside the briefing folder ONLY
  datasets: ReadonlyMap<string, Dataset>; // bound by {"data": {"name": "<stem>"}}
  theme: ChartTheme;
  params?: Record<string, string | number | boolean>; // briefing parameters, exposed as fixed top-level Vega-Lite params
  lang?: string; // 'en' | 'zh' …: number/time format locale
}
export interface RenderedChart {
  svg: string; // static SVG markup, root <svg> carries role="img" and aria-label
  title?: string; // spec title text if any
  description?: string; // spec description if any
  table: { columns: string[]; rows: string[][] }; // the plotted values, formatted strings, for an accessible data table
  datasets: string[]; // names of briefing datasets the chart used (for "dataset never used" warnings later)
}

/**
 * Turns one Vega-Lite spec into static SVG plus a data table. Every problem is reported at its
 * place in the author's file; any error means no chart (undefined), because a chart that renders
 * with a misspelt field or unloaded data would silently show something else than was written.
 */
export async function renderChart(req: ChartRequest, log: MessageLog): Promise<RenderedChart | undefined> {
  const { file, text, origin = { line: 1, column: 1 } } = req.source;
  const parsed = parseSpecJson(text, origin, file, log);
  if (!parsed) return undefined;
  const ctx: ChartContext = { file, positions: parsed.positions, log };
  if (!validateSpec(parsed.value, ctx)) return undefined;
  const bound = bindData(parsed.value, req, ctx);
  const fieldsOk = bound.ok && checkFields(parsed.value, bound.sources, ctx);
  if (!fieldsOk) return undefined;

  const sized = applySizeDefaults(injectParams(bound.spec, req.params), req.theme);
  let vgSpec: VgSpec;
  let run: VegaRun;
  try {
    const compiled = compileSpec(sized.spec, chartConfig(req.theme, sized.singleView), sized.autosizeAdded);
    for (const warning of compiled.warnings) reportAt(ctx, catalogue.chartWarning(warning));
    vgSpec = compiled.vgSpec;
    registerChartFonts(JSON.stringify(vgSpec));
    run = await runVega(vgSpec, req.lang);
  } catch (e) {
    reportAt(ctx, catalogue.chartRender(errorText(e)));
    return undefined;
  }
  const { view, problems } = run;
  try {
    // Rendering (images, links) happens while serialising, so problems are collected until then.
    const markup = problems.length === 0 ? await viewSvg(view) : '';
    for (const problem of new Set(problems)) reportAt(ctx, catalogue.chartRender(problem));
    if (problems.length > 0) return undefined;
    const title = titleText(parsed.value['title']);
    const description = asString(parsed.value['description']);
    const svg = finishSvg(markup, description ?? title);
    const chart: RenderedChart = { svg, table: dataTable(sized.spec, vgSpec, view), datasets: bound.used };
    if (title !== undefined) chart.title = title;
    if (description !== undefined) chart.description = description;
    return chart;
  } catch (e) {
    reportAt(ctx, catalogue.chartRender(errorText(e)));
    return undefined;
  } finally {
    view.finalize();
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
