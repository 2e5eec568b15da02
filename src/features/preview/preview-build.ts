import { basename, resolve } from 'node:path';
import { failureMessage } from '../../messages/errors.js';
import { TEMPLATES_DIR } from '../../paths.js';
import { pdfMetadata } from '../build/build-briefing.js';
import { checkBriefing } from '../check/check-briefing.js';
import type { FontStore } from '../../edges/fonts/font-store.js';
import type { QueryEngine } from '../../edges/sql/query-engine.js';
import { diskFiles } from '../../edges/files/disk-files.js';
import { outputIdOf, pdfName, variantText } from '../../edges/output/output-layout.js';
import type { Message } from '../../messages/message.js';
import type { PrintJob } from '../../edges/pdf/pdf-printer.js';
import { periodParamName } from '../../pipeline/params/resolve-params.js';
import type { ChartCache } from '../../pipeline/charts/cached-chart.js';
import type { HelperPlugin } from '../../pipeline/prose/helper-api.js';
import { diskTemplateLibrary } from '../../pipeline/templates/disk-template-library.js';
import type { RenderCache } from '../../pipeline/render-cache.js';

export interface PreviewBuild {
  /** The page and what printing it needs; absent when the build had errors. */
  page: PrintJob | undefined;
  /** The PDF's file name, as `brief build` would name it (`weekly-2026-W10-eu.pdf`). */
  pdfName: string | undefined;
  /** The briefing's slug (its archive folder), once the front matter could be read. */
  slug: string | undefined;
  /** Every parameter's value as rendered (`latest` resolved), when the build succeeded. */
  resolved: Record<string, string> | undefined;
  messages: readonly Message[];
  seconds: number;
  /** What crashed the build (shown as a render-failed message), with its causes. */
  error?: unknown;
}

export interface PreviewSources {
  dir: string;
  /** How the folder is named in messages (as typed on the command line). */
  shown: string;
  fonts: FontStore;
  /** Template helpers, imported once at start (Node caches ES modules, so they cannot be reloaded). */
  helpers: ReadonlyMap<string, readonly HelperPlugin[]>;
  templatesDir?: string;
  /** Charts of earlier builds in this session: an edit to the prose redraws no chart. */
  chartCache?: ChartCache;
  /** Templates, prose and Markdown of earlier builds in this session: a prose edit parses and compiles one file. */
  renderCache?: RenderCache;
  queries?: QueryEngine | undefined;
}

/**
 * One preview build of one period and variant (`params`, as `--param` gives them): the same
 * pipeline and rules as `brief check` (everything but printing). The template library is
 * created anew each time because it caches what it read and templates/ is watched too. Never
 * throws: a crash becomes a message the overlay shows.
 */
export async function buildPreview(sources: PreviewSources, params: Readonly<Record<string, string>>, now: () => number): Promise<PreviewBuild> {
  const started = now();
  const seconds = () => (now() - started) / 1000;
  try {
    const templates = diskTemplateLibrary(sources.templatesDir ?? TEMPLATES_DIR, sources.helpers);
    const { render, messages } = await checkBriefing({
      files: diskFiles(sources.dir, sources.shown), templates, fonts: sources.fonts, params,
      ...(sources.chartCache ? { chartCache: sources.chartCache } : {}), ...(sources.renderCache ? { renderCache: sources.renderCache } : {}),
      ...(sources.queries ? { queries: sources.queries } : {}),
    });
    const meta = render.meta;
    const slug = meta ? (meta.slug ?? basename(resolve(sources.dir))) : undefined;
    if (!render.html || !meta || !render.template || slug === undefined) return { page: undefined, pdfName: undefined, slug, resolved: undefined, messages, seconds: seconds() };
    const declared = Object.keys(meta.params);
    const periodParam = periodParamName(meta.params);
    const page = { html: render.html, page: render.template.page, meta: pdfMetadata(meta, render.period, variantText(declared, periodParam, render.params)) };
    const resolved = Object.fromEntries(Object.entries(render.params).map(([k, v]) => [k, String(v)]));
    return { page, pdfName: pdfName(outputIdOf(slug, declared, periodParam, render.params)), slug, resolved, messages, seconds: seconds() };
  } catch (error) {
    return { page: undefined, pdfName: undefined, slug: undefined, resolved: undefined, messages: [failureMessage(error, sources.shown)], seconds: seconds(), error };
  }
}
