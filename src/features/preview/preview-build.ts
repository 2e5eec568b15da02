import { TEMPLATES_DIR } from '../../paths.js';
import { pdfMetadata } from '../build/build-briefing.js';
import { checkBriefing } from '../check/check-briefing.js';
import type { FontStore } from '../../edges/fonts/font-store.js';
import { diskFiles } from '../../edges/files/disk-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { Message } from '../../messages/message.js';
import type { PrintJob } from '../../edges/pdf/pdf-printer.js';
import type { ChartCache } from '../../pipeline/charts/cached-chart.js';
import type { HelperPlugin } from '../../pipeline/prose/helper-api.js';
import { diskTemplateLibrary } from '../../pipeline/templates/disk-template-library.js';

export interface PreviewBuild {
  /** The page and what printing it needs; absent when the build had errors. */
  page: PrintJob | undefined;
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
}

/**
 * One preview build: the same pipeline and rules as `brief check` (everything but printing).
 * The template library is created anew each time because it caches what it read and templates/
 * is watched too. Never throws: a crash becomes a message the overlay shows.
 */
export async function buildPreview(sources: PreviewSources): Promise<PreviewBuild> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const templates = diskTemplateLibrary(sources.templatesDir ?? TEMPLATES_DIR, sources.helpers);
    const { render, messages } = await checkBriefing({
      files: diskFiles(sources.dir, sources.shown), templates, fonts: sources.fonts, ...(sources.chartCache ? { chartCache: sources.chartCache } : {}),
    });
    const page =
      render.html && render.meta && render.template
        ? { html: render.html, page: render.template.page, meta: pdfMetadata(render.meta) }
        : undefined;
    return { page, messages, seconds: seconds() };
  } catch (error) {
    const { ruleId, severity, reason } = catalogue.renderFailed((error as Error).message);
    return { page: undefined, messages: [{ file: sources.shown, ruleId, severity, reason }], seconds: seconds(), error };
  }
}
