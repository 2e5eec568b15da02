import { randomUUID } from 'node:crypto';
import GithubSlugger from 'github-slugger';
import type { RootContent } from 'mdast';
import { RecordingDatasets } from '../features/check/dataset-usage.js';
import type { Datasets } from './data/dataset.js';
import { loadDataFiles } from './data/load-datasets.js';
import { collectQuerySources } from './data/sql/query-sources.js';
import { queryStage } from './data/sql/query-stage.js';
import type { QueryResultRecord } from './data/sql/run-queries.js';
import type { QueryEngine } from '../edges/sql/query-engine.js';
import { chartParams, paramsStage, periodContext } from './params/params-stage.js';
import type { Period } from './periods/period.js';
import { withChartRuntime } from './charts/live-runtime.js';
import { renderFigures, type RenderedFigure } from './figures/render-figures.js';
import type { FontStore } from '../edges/fonts/font-store.js';
import type { Meta } from './frontmatter/meta-schema.js';
import { htmlStage, type NarrativeHtml } from './html/html-stage.js';
import type { Heading } from './html/finish-tree.js';
import { displayPath, type BriefingFiles } from '../edges/files/briefing-files.js';
import { loadBriefing, type ProseSource } from './load/load-briefing.js';
import { reportGlyphGaps, type SearchableText } from '../edges/fonts/glyph-gaps.js';
import { collectCitations, type Citations } from './markdown/citations.js';
import { embedImages } from './markdown/embed-images.js';
import { collectFigureRequests, type FigureRequest } from './markdown/figure-requests.js';
import type { ProseDocument } from './markdown/prose-document.js';
import { MessageLog } from '../messages/message-log.js';
import type { Message } from '../messages/message.js';
import { StageTimer, type Timings } from './stages.js';
import { builtinHelpers } from './prose/helpers/builtin-helpers.js';
import { evaluateHeadline, proseStage } from './prose/prose-stage.js';
import { labelsFor } from './templates/labels.js';
import { layoutStage, visibleText } from './templates/layout-stage.js';
import { compileTemplate } from './templates/render-template.js';
import { resolveTemplate } from './templates/resolve-template.js';
import type { Template, TemplateLibrary } from './templates/template.js';
import { VERSION } from '../version.js';

export interface RenderInput {
  files: BriefingFiles;
  templates: TemplateLibrary;
  /** Embeds font subsets; leave out for a page that relies on installed fonts. */
  fonts?: FontStore;
  /** Parameter values as given (`--param name=value`); declared defaults fill the rest. */
  params?: Readonly<Record<string, string>>;
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
  timings: Timings;
  /** Resolved parameter values (the period parameter holds the period id). */
  params: Readonly<Record<string, string | number | boolean>>;
  /** The briefing's period, for periodic briefings. */
  period: Period | undefined;
  /** The front matter's `headline`, evaluated (for the archive index). */
  headline: string | undefined;
  /** The results of the briefing's SQL datasets, as the engine gave them (stored with the output). */
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
}

export interface RenderInternals {
  prose: readonly ProseSource[];
  /** The narrative files after templating, as mdast (charts and citations already replaced by slots). */
  docs: readonly ProseDocument[];
  requests: readonly FigureRequest[];
  datasets: Datasets;
  /** Dataset names the prose helpers looked up. */
  helperDatasets: ReadonlySet<string>;
  /** Present once the html stage ran. */
  narrative?: NarrativeHtml;
}

/**
 * The in-memory API: a briefing folder in, one self-contained HTML page (and every problem found) out.
 * Stages run in the order `pipeline.ts` declares; problems are collected, not thrown, so one run
 * reports all of them.
 */
export async function renderBriefing(input: RenderInput): Promise<RenderResult> {
  const log = new MessageLog();
  const timer = new StageTimer(input.now ?? (() => 0));
  const fail = (extra: Partial<RenderResult> = {}): RenderResult => ({
    html: undefined, messages: log.messages, meta: undefined, template: undefined, headings: [], figures: [], timings: timer.timings,
    params: {}, period: undefined, headline: undefined, queryResults: [], ...extra,
  });
  const { files } = input;
  const loaded = timer.run('load', () => loadBriefing(files, log));
  if (!loaded) return fail();
  const { meta } = loaded;
  const template = timer.run('template', () => resolveTemplate(meta.template, input.templates, files, log));
  const querySources = timer.run('data', () => collectQuerySources(files, meta.data, log));
  const loadedData = await timer.runAsync('data', () => loadDataFiles(files, meta.data, log, new Set(querySources.map((q) => q.name))));
  const resolved = timer.run('data', () => paramsStage(meta, loadedData.datasets, input.params ?? {}, displayPath(files, 'brief.md'), log));
  const { params, period } = resolved;
  const { datasets, results: queryResults } = await timer.runAsync('data', () =>
    queryStage({ meta, sources: querySources, datasets: resolved.datasets, params, period, engine: input.queries, schemas: loadedData.schemas }, log),
  );
  const helperDatasets = new RecordingDatasets(datasets);
  const proseContext = {
    meta, datasets: helperDatasets, params, period: periodContext(period, meta.lang), helpers: [...builtinHelpers, ...(template?.helpers ?? [])],
  };
  const docs = timer.run('prose', () =>
    proseStage(loaded.prose, proseContext, log),
  );
  const headline = meta.headline === undefined ? undefined : evaluateHeadline(meta.headline, displayPath(files, 'brief.md'), proseContext, log);
  // Slot names carry a random prefix so raw HTML in content cannot forge one; they never reach the output.
  const slotPrefix = `s${randomUUID().slice(0, 8)}-`;
  const { requests, citations } = timer.run('markdown', () => {
    const requests: FigureRequest[] = [];
    for (const doc of docs) {
      requests.push(...collectFigureRequests(doc, requests.length + 1, slotPrefix, log));
      embedImages(doc, files, log);
    }
    return { requests, citations: collectCitations(docs, slotPrefix, log) };
  });
  const internals: RenderInternals = { prose: loaded.prose, docs, requests, datasets, helperDatasets: helperDatasets.looked };
  if (!template) return fail({ meta, internals });
  const compiled = compileTemplate(template);
  const labels = labelsFor(meta.lang);
  const slugger = new GithubSlugger();
  // Ids the default template uses for its own landmarks; a heading "Sources" becomes `sources-1`.
  for (const reserved of ['sources', 'sources-title', 'bs-main', 'bs-contents', 'bs-key-findings', 'bs-key-findings-title']) slugger.slug(reserved);
  const figures = await timer.runAsync('charts', () =>
    renderFigures(
      { requests, files, datasets, theme: template.chart, lang: meta.lang, labels, params: chartParams(params, period), interactive: meta.interactive, renderFigure: compiled.figure, reserve: (id) => slugger.slug(id, false) },
      log,
    ),
  );
  const narrative = timer.run('html', () => htmlStage({ docs, citations, figures, labels, slugger }));
  const summary = figures.map(({ html: _html, slot: _slot, ...rest }) => rest);
  if (log.hasErrors || !loaded.metaValid) return fail({ meta, template, headings: narrative.headings, figures: summary, internals: { ...internals, narrative } });
  const page = timer.run('layout', () =>
    layoutStage({
      meta, narrative, figures, labels, css: template.css, layout: compiled.layout, fonts: input.fonts,
      generator: `Briefsmith ${VERSION}`, params, period: periodContext(period, meta.lang),
    }),
  );
  const html = figures.some((f) => f.chart.live) ? withChartRuntime(page) : page;
  if (input.fonts) {
    const gaps = input.fonts.uncovered(visibleText(html));
    if (gaps.length > 0) reportGlyphGaps(gaps, searchableSources(files, loaded.prose), `templates/${template.name}`, log);
  }
  const document = briefingDocument(docs, figures, citations);
  return {
    html, messages: log.messages, meta, template, headings: narrative.headings, figures: summary, timings: timer.timings,
    params, period, headline, queryResults, internals: { ...internals, narrative }, document,
  };
}

function briefingDocument(docs: readonly ProseDocument[], figures: readonly RenderedFigure[], citations: Citations): BriefingDocument {
  const slots = new Map<string, { figure: string } | { citation: number }>();
  for (const figure of figures) slots.set(figure.slot, { figure: figure.id });
  for (const mark of citations.marks) slots.set(mark.slot, { citation: mark.number });
  return { docs, slots, citations: citations.list.map((c) => ({ number: c.number, label: c.label, content: c.content })) };
}

/** The author's files, in the order a missing glyph is looked for. */
function searchableSources(files: BriefingFiles, prose: readonly ProseSource[]): SearchableText[] {
  const others = ['data', 'charts'].flatMap((folder) =>
    files.list(folder).map((name) => ({ file: displayPath(files, `${folder}/${name}`), text: files.readText(`${folder}/${name}`) ?? '' })),
  );
  return [...prose.map((p) => ({ file: p.file, text: p.text, firstLine: p.firstLine })), ...others];
}
