import { randomUUID } from 'node:crypto';
import type { RootContent } from 'mdast';
import type { BriefingFiles } from '../edges/files/briefing-files.js';
import type { QueryEngine } from '../edges/sql/query-engine.js';
import type { FontStore } from '../edges/fonts/font-store.js';
import { MessageLog } from '../messages/message-log.js';
import type { Message } from '../messages/message.js';
import type { ChartCache } from './charts/cached-chart.js';
import type { RenderCache } from './render-cache.js';
import { BRIEFING_STAGES, type BriefingRun, type StageOutputs } from './briefing-stages.js';
import type { Datasets } from './data/dataset.js';
import type { QuerySource } from './data/sql/query-sources.js';
import type { QueryResultRecord } from './data/sql/run-queries.js';
import type { RenderedFigure } from './figures/render-figures.js';
import type { Meta } from './frontmatter/meta-schema.js';
import type { Heading } from './html/finish-tree.js';
import type { NarrativeHtml } from './html/html-stage.js';
import type { ProseSource } from './load/load-briefing.js';
import type { Citations } from './markdown/citations.js';
import type { ImageSources } from './markdown/collect-images.js';
import type { CrossReferences } from './markdown/cross-references.js';
import type { FigureRequest } from './markdown/figure-requests.js';
import type { ProseDocument } from './markdown/prose-document.js';
import type { Period } from './periods/period.js';
import { runStages, STOP, type StageState, type StageTable, type Timings } from './stages.js';
import type { Template, TemplateLibrary } from './templates/template.js';

export interface RenderInput {
  files: BriefingFiles;
  templates: TemplateLibrary;
  /** Embeds font subsets; leave out for a page that relies on installed fonts. */
  fonts?: FontStore;
  /** Parameter values as given (`--param name=value`); declared defaults fill the rest. */
  params?: Readonly<Record<string, string>>;
  /**
   * Earlier chart renders, reused when nothing a chart depends on changed (a memory cache for a
   * preview session or a batch, a disk cache for rebuilds). Output is the same with or without.
   */
  chartCache?: ChartCache;
  /**
   * Compiled templates, prepared prose and parsed Markdown of earlier renders (`memoryRenderCache()`;
   * one per preview session or build process), so an unchanged file is not parsed or compiled again.
   * Output is the same with or without.
   */
  renderCache?: RenderCache;
  /** Clock for stage timings only; output never depends on it. */
  now?: () => number;
  /** Runs SQL datasets (DuckDB over the folder, configured sources, or archived results); without it they are errors. */
  queries?: QueryEngine;
}

export interface RenderResult {
  /** The finished page; undefined when there were errors. */
  html: string | undefined;
  messages: readonly Message[];
  meta: Meta | undefined;
  template: Template | undefined;
  headings: Heading[];
  figures: Array<Omit<RenderedFigure, 'html' | 'slot'>>;
  /** Milliseconds per stage that ran, keyed by the declared stage names in run order. */
  timings: Timings;
  /** Resolved parameter values (the period parameter holds the period id). */
  params: Readonly<Record<string, string | number | boolean>>;
  /** The briefing's period, for periodic briefings. */
  period: Period | undefined;
  /** The front matter's `headline`, evaluated (for the archive index). */
  headline: string | undefined;
  /** The results of the briefing's SQL datasets, as the engine gave them (stored with the output); empty unless `html` is there. */
  queryResults: readonly QueryResultRecord[];
  /** Intermediates for tools that look past the page (`brief check`, preview); absent when loading failed. */
  internals?: RenderInternals;
  /** The narrative as trees, for converters to other formats (wiki publishing); present when `html` is. */
  document?: BriefingDocument;
}

/** What a converter to wikitext, Confluence storage format or Markdown needs beyond the page itself. */
export interface BriefingDocument {
  /** The narrative files after templating, as mdast; slots stand where figures and citation marks go. */
  docs: readonly ProseDocument[];
  /** What fills each slot: a figure (by id) or a citation mark (by number). */
  slots: ReadonlyMap<string, { figure: string } | { citation: number }>;
  /** The cited notes, numbered in order of first use, as mdast. */
  citations: ReadonlyArray<{ number: number; label: string; content: readonly RootContent[] }>;
  /** Image sources as written → embedded data URIs (give them to `markdownToHast`). */
  images: ImageSources;
  /** Cross-reference targets and captioned tables (give them to `markdownToHast`). */
  references: CrossReferences;
}

export interface RenderInternals {
  prose: readonly ProseSource[];
  /** The narrative files after templating, as mdast (charts and citations already replaced by slots). */
  docs: readonly ProseDocument[];
  requests: readonly FigureRequest[];
  datasets: Datasets;
  /** The SQL datasets' texts (run or not), with the files they are written in. */
  queries: readonly QuerySource[];
  /** Dataset names the prose helpers looked up. */
  helperDatasets: ReadonlySet<string>;
  /** Present once the html stage ran. */
  narrative?: NarrativeHtml;
}

/**
 * The in-memory API: a briefing folder in, one self-contained HTML page (and every problem found) out.
 * The stages `stages.ts` declares run in order (`briefing-stages.ts` wires them); problems are
 * collected, not thrown, so one run reports all of them. A failure that is not a content problem
 * rejects with a `StageError` naming the stage, the original error as its `cause`.
 */
export async function renderBriefing(input: RenderInput): Promise<RenderResult> {
  const log = new MessageLog();
  const { state, timings } = await runStages(BRIEFING_STAGES, briefingRun(input, log), input.now ?? (() => 0));
  return renderResult(state, timings, log.messages);
}

/** The pipeline cut after its `queries` stage. */
const UP_TO_QUERIES: StageTable<StageOutputs, BriefingRun> = { ...BRIEFING_STAGES, prose: () => STOP };

/**
 * Runs a briefing only as far as its SQL datasets: the same stages, parameters and period as
 * `renderBriefing`, so `input.queries` receives exactly the queries a render sends, and nothing
 * after them (prose, charts, page). A queued build's coordinator runs a job's queries this way,
 * where the configuration and the credentials are, and sends the results with the job.
 */
export async function queryBriefing(input: RenderInput): Promise<{ messages: readonly Message[] }> {
  const log = new MessageLog();
  await runStages(UP_TO_QUERIES, briefingRun(input, log), input.now ?? (() => 0));
  return { messages: log.messages };
}

function briefingRun(input: RenderInput, log: MessageLog): BriefingRun {
  return {
    files: input.files, templates: input.templates, fonts: input.fonts, chartCache: input.chartCache, renderCache: input.renderCache, given: input.params ?? {}, log,
    ...(input.queries ? { queries: input.queries } : {}),
    // Slot names carry a random prefix so raw HTML in content cannot forge one; they never reach the output.
    slotPrefix: `s${randomUUID().slice(0, 8)}-`,
  };
}

/** The result from as far as the run got: the page and its document only when the layout stage ran. */
function renderResult(s: StageState<StageOutputs>, timings: Timings, messages: readonly Message[]): RenderResult {
  const internals: RenderInternals | undefined =
    s.prose && s.docs && s.requests && s.datasets && s.helperDatasets
      ? { prose: s.prose, docs: s.docs, requests: s.requests, datasets: s.datasets, queries: s.querySources ?? [], helperDatasets: s.helperDatasets, ...(s.narrative ? { narrative: s.narrative } : {}) }
      : undefined;
  const result: RenderResult = {
    html: undefined, messages, meta: s.meta, template: s.template, headings: s.narrative?.headings ?? [],
    figures: (s.figures ?? []).map(({ html: _html, slot: _slot, ...rest }) => rest), timings,
    // Known once the params stage ran, so a failed variant is still named by its values and period.
    params: s.params ?? {}, period: s.period, headline: undefined,
    queryResults: [], ...(internals ? { internals } : {}),
  };
  if (s.html === undefined || !s.docs || !s.figures || !s.citations || !s.images || !s.references) return result;
  const document = briefingDocument(s.docs, s.figures, s.citations, s.images, s.references);
  return { ...result, html: s.html, params: s.params ?? {}, period: s.period, headline: s.headline, queryResults: s.queryResults ?? [], document };
}

function briefingDocument(
  docs: readonly ProseDocument[],
  figures: readonly RenderedFigure[],
  citations: Citations,
  images: ImageSources,
  references: CrossReferences,
): BriefingDocument {
  const slots = new Map<string, { figure: string } | { citation: number }>();
  for (const figure of figures) slots.set(figure.slot, { figure: figure.id });
  for (const mark of citations.marks) slots.set(mark.slot, { citation: mark.number });
  return { docs, slots, citations: citations.list.map((c) => ({ number: c.number, label: c.label, content: c.content })), images, references };
}
