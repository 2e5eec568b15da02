import type { ChartTheme } from '../charts/chart-theme.js';
import { liveChartBlock } from '../charts/live-runtime.js';
import { renderChartCached, type ChartCache } from '../charts/cached-chart.js';
import type { RenderedChart } from '../charts/render-chart.js';
import type { Datasets } from '../data/dataset.js';
import { displayPath, filesBeside, type BriefingFiles } from '../../edges/files/briefing-files.js';
import type { FigureRequest } from '../markdown/figure-requests.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { Labels } from '../templates/labels.js';
import type { TemplateRenderer } from '../templates/render-template.js';

export interface RenderedFigure {
  id: string;
  number: number;
  caption: string;
  slot: string;
  html: string;
  chart: RenderedChart;
}

export interface FigureStageInput {
  requests: readonly FigureRequest[];
  files: BriefingFiles;
  datasets: Datasets;
  theme: ChartTheme;
  lang: string;
  labels: Labels;
  params: Record<string, string | number | boolean>;
  /** The front matter's `interactive`; a request's own flag wins. */
  interactive?: boolean;
  renderFigure: TemplateRenderer;
  /** Ids already taken (headings are given ids after figures, so only reserved ones matter). */
  reserve: (id: string) => string;
  /** Earlier renders of charts, by what they depend on; absent: every chart is drawn. */
  cache?: ChartCache | undefined;
}

/** Renders each requested chart to SVG and wraps it in the template's `figure` partial. */
export async function renderFigures(input: FigureStageInput, log: MessageLog): Promise<RenderedFigure[]> {
  const figures: RenderedFigure[] = [];
  const seen = new Set<string>();
  for (const request of input.requests) {
    const source = chartSource(request, input.files, log);
    if (!source) continue;
    const interactive = request.interactive ?? input.interactive ?? false;
    const chart = await renderChartCached(
      { source, files: input.files, datasets: input.datasets, theme: input.theme, params: input.params, lang: input.lang, interactive },
      log,
      input.cache,
    );
    if (!chart) continue;
    if (request.id && seen.has(request.id)) log.report(catalogue.chartIdDuplicate(request.id), request.file, request.place);
    if (request.id) seen.add(request.id);
    if (!chart.description) log.report(catalogue.chartNoDescription(), source.file, source.origin ?? { line: 1, column: 1 });
    const id = input.reserve(request.id ?? `figure-${request.number}`);
    const caption = request.caption ?? chart.title ?? '';
    if (caption === '') log.report(catalogue.figureNoCaption(), request.file, request.place);
    const ariaLabel = chart.description ?? chart.title ?? caption;
    const html = input.renderFigure({
      id,
      number: request.number,
      label: input.labels.figure,
      captionHtml: escapeHtml(caption),
      caption,
      ariaLabel,
      // The live chart's data rides along with the static SVG, in the same container.
      svg: chart.live ? chart.svg + liveChartBlock(chart.live, input.lang) : chart.svg,
      table: chart.table,
      dataTableLabel: input.labels.dataTable,
    });
    figures.push({ id, number: request.number, caption, slot: request.slot, html, chart });
  }
  return figures;
}

function chartSource(request: FigureRequest, files: BriefingFiles, log: MessageLog) {
  if (request.spec.kind === 'inline') return { file: request.file, text: request.spec.text, origin: request.spec.origin };
  const text = files.readText(request.spec.path);
  if (text === undefined) {
    log.report(catalogue.chartMissing(request.spec.path, filesBeside(files, request.spec.path)), request.file, request.place);
    return undefined;
  }
  return { file: displayPath(files, request.spec.path), text };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
