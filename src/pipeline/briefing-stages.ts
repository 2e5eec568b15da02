import type { BriefingFiles } from '../edges/files/briefing-files.js';
import { displayPath } from '../edges/files/briefing-files.js';
import type { FontStore } from '../edges/fonts/font-store.js';
import { reportGlyphGaps, type SearchableText } from '../edges/fonts/glyph-gaps.js';
import type { MessageLog } from '../messages/message-log.js';
import { VERSION } from '../version.js';
import type { QueryEngine } from '../edges/sql/query-engine.js';
import type { Datasets } from './data/dataset.js';
import { withChartRuntime } from './charts/live-runtime.js';
import { loadDataFiles } from './data/load-datasets.js';
import { RecordingDatasets } from './data/recording-datasets.js';
import type { ChartCache } from './charts/cached-chart.js';
import type { RenderCache } from './render-cache.js';
import { collectQuerySources, type QuerySource } from './data/sql/query-sources.js';
import { queryStage } from './data/sql/query-stage.js';
import type { QueryResultRecord } from './data/sql/run-queries.js';
import { renderFigures, type RenderedFigure } from './figures/render-figures.js';
import type { DatasetSchema } from './frontmatter/data-declarations.js';
import { frontmatterStage, type FrontMatterStageOutput } from './frontmatter/frontmatter-stage.js';
import type { Meta } from './frontmatter/meta-schema.js';
import { htmlStage, type NarrativeHtml } from './html/html-stage.js';
import { pageIdSlugger } from './html/page-ids.js';
import { loadStage, type LoadedFiles, type ProseSource } from './load/load-briefing.js';
import { markdownStage, type MarkdownStageOutput } from './markdown/markdown-stage.js';
import { chartParams, paramsStage, periodContext, type ParamsStageResult } from './params/params-stage.js';
import { builtinHelpers } from './prose/helpers/builtin-helpers.js';
import { evaluateFrontMatterTexts } from './prose/front-matter-texts.js';
import { proseStage, type ProseText } from './prose/prose-stage.js';
import { STOP, type StageTable } from './stages.js';
import { labelsFor, type Labels } from './templates/labels.js';
import { layoutStage } from './templates/layout-stage.js';
import { compileTemplate, type CompiledTemplate } from './templates/render-template.js';
import { resolveTemplate } from './templates/resolve-template.js';
import type { Template, TemplateLibrary } from './templates/template.js';

/** What each stage adds to the run; a stage reads only what the stages declared before it added. */
export interface StageOutputs {
  load: LoadedFiles;
  frontmatter: FrontMatterStageOutput;
  template: { template: Template | undefined; compiled: CompiledTemplate | undefined; labels: Labels };
  /** The briefing's own datasets, as read from `data/`; its SQL datasets, not yet run, and the schemas of both. */
  data: { briefingData: Datasets; querySources: readonly QuerySource[]; schemas: ReadonlyMap<string, DatasetSchema> };
  /** Parameters, the period, and the datasets with the period's windows added. */
  params: ParamsStageResult;
  /** The SQL datasets, run with the parameters bound, join the datasets (with their windows); their results are kept for the archive. */
  queries: { datasets: Datasets; queryResults: readonly QueryResultRecord[] };
  prose: {
    /** The front matter with its templated texts (title, subtitle, summary, headline) evaluated. */
    meta: Meta;
    texts: ProseText[];
    headline: string | undefined;
    /** Dataset names the prose helpers looked up (for `brief check`). */
    helperDatasets: ReadonlySet<string>;
  };
  markdown: MarkdownStageOutput;
  /** Charts need a template, so from here on there is one: the stage stops the run without it. */
  charts: { figures: RenderedFigure[]; template: Template; compiled: CompiledTemplate };
  html: { narrative: NarrativeHtml };
  layout: { html: string };
}

/** What every stage may use besides the state: the run's inputs and its message log. */
export interface BriefingRun {
  files: BriefingFiles;
  templates: TemplateLibrary;
  fonts: FontStore | undefined;
  /** Earlier chart renders to reuse, handed in by the caller; absent: every chart is drawn. */
  chartCache: ChartCache | undefined;
  /** Compiled templates, prepared prose and parsed Markdown of earlier renders, handed in by the caller; absent: all made anew. */
  renderCache: RenderCache | undefined;
  /** Parameter values as given (`--param name=value`). */
  given: Readonly<Record<string, string>>;
  /** Starts every slot name; random per run so raw HTML in content cannot forge a slot. */
  slotPrefix: string;
  log: MessageLog;
  /** Runs SQL datasets (an edge handed in by the caller); without it a SQL dataset is an error. */
  queries?: QueryEngine;
}

/** The pipeline: one function per declared stage, each wiring the state into that stage's module. */
export const BRIEFING_STAGES: StageTable<StageOutputs, BriefingRun> = {
  load: (_state, run) => loadStage(run.files, run.log) ?? STOP,

  frontmatter: (loaded, run) => frontmatterStage(loaded, run.log),

  template: ({ meta }, run) => {
    const template = resolveTemplate(meta.template, run.templates, run.files, run.log);
    return { template, compiled: template && compileTemplate(template, run.renderCache?.templates), labels: labelsFor(meta.lang) };
  },

  data: async ({ meta }, run) => {
    const querySources = collectQuerySources(run.files, meta.data, run.log);
    const loaded = await loadDataFiles(run.files, meta.data, run.log, new Set(querySources.map((q) => q.name)), run.renderCache?.datasets);
    return { briefingData: loaded.datasets, querySources, schemas: loaded.schemas };
  },

  params: ({ meta, briefingData }, run) => paramsStage(meta, briefingData, run.given, (path) => displayPath(run.files, path), run.log),

  queries: async ({ meta, querySources, schemas, datasets, params, period, noData }, run) => {
    // A period outside the data has been reported once per dataset; every later stage would only echo it,
    // and no query needs to run for it.
    if (noData) return STOP;
    const { datasets: all, results } = await queryStage({ meta, sources: querySources, datasets, params, period, engine: run.queries, schemas }, run.log);
    return { datasets: all, queryResults: results };
  },

  prose: ({ meta: written, frontMatter, template, datasets, params, period, prose }, run) => {
    const recording = new RecordingDatasets(datasets);
    const helpers = [...builtinHelpers, ...(template?.helpers ?? [])];
    const writtenContext = { meta: written, datasets: recording, params, period: periodContext(period, written.lang), helpers, prepared: run.renderCache?.prose };
    // Title, subtitle, summary and headline are templates too: each period and variant has its own.
    const front = evaluateFrontMatterTexts(written, frontMatter, writtenContext, run.log);
    const meta: Meta = { ...written, ...front };
    const texts = proseStage(prose, { ...writtenContext, meta }, run.log);
    return { meta, texts, headline: front.headline, helperDatasets: recording.looked };
  },

  markdown: ({ texts, labels }, run) => markdownStage({ texts, files: run.files, slotPrefix: run.slotPrefix, labels, parsed: run.renderCache?.markdown }, run.log),

  charts: async ({ meta, template, compiled, labels, requests, datasets, params, period }, run) => {
    if (!template || !compiled) return STOP;
    const ids = pageIdSlugger();
    const figures = await renderFigures(
      {
        requests, files: run.files, datasets, theme: template.chart, lang: meta.lang, labels, params: chartParams(params, period),
        interactive: meta.interactive, renderFigure: compiled.figure, reserve: (id) => ids.slug(id, false), cache: run.chartCache,
      },
      run.log,
    );
    return { figures, template, compiled };
  },

  html: ({ docs, citations, figures, labels, images, references }) => ({ narrative: htmlStage({ docs, citations, figures, labels, images, references }) }),

  layout: ({ meta, metaValid, template, compiled, labels, narrative, figures, params, period, prose }, run) => {
    if (run.log.hasErrors || !metaValid) return STOP;
    const { html: page, text } = layoutStage({
      meta, narrative, figures, labels, css: template.css, options: template.options, layout: compiled.layout, fonts: run.fonts,
      generator: `Briefsmith ${VERSION}`, params, period: periodContext(period, meta.lang),
    });
    // Live charts need Vega's runtime in the page, once.
    const html = figures.some((f) => f.chart.live) ? withChartRuntime(page) : page;
    // The page's visible text: the face rules and Vega's runtime, added since, are in <style> and <script>, which show none.
    const gaps = run.fonts?.uncovered(text) ?? [];
    if (gaps.length > 0) reportGlyphGaps(gaps, searchableSources(run.files, prose), `templates/${template.name}`, run.log);
    return { html };
  },
};

/** The author's files, in the order a missing glyph is looked for. */
function searchableSources(files: BriefingFiles, prose: readonly ProseSource[]): SearchableText[] {
  const others = ['data', 'charts'].flatMap((folder) =>
    files.list(folder).map((name) => ({ file: displayPath(files, `${folder}/${name}`), text: files.readText(`${folder}/${name}`) ?? '' })),
  );
  return [...prose.map((p) => ({ file: p.file, text: p.text, firstLine: p.firstLine })), ...others];
}
