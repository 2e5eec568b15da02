import type { FontStore } from '../../edges/fonts/font-store.js';
import type { PdfPrinter } from '../../edges/pdf/pdf-printer.js';
import { MessageLog } from '../../messages/message-log.js';
import { loadBriefing } from '../../pipeline/load/load-briefing.js';
import type { ParamRequest } from '../../pipeline/params/param-request.js';
import type { TemplateLibrary } from '../../pipeline/templates/template.js';
import { buildJob, type BuildEffects, type BuildOutcome, type Format } from './build-briefing.js';
import { expandJobs, type BuildJob } from './build-jobs.js';
import type { BuildChartCache } from './build-chart-cache.js';
import { slots } from './print-slots.js';
import { runPool } from './run-pool.js';
import type { RenderCache } from '../../pipeline/render-cache.js';

export interface BatchOptions {
  dirs: readonly string[];
  formats: readonly Format[];
  /** PDFs printing at once (one browser, one tab each); with PDFs one job more is in flight. */
  concurrency: number;
  request: ParamRequest;
  force: boolean;
  /** Rebuild from the SQL results stored with each output; query nothing. */
  offline: boolean;
}

/** A started browser's printer, and how to close it. */
export interface PrinterHandle {
  printer: PdfPrinter;
  close(): Promise<void>;
}

export interface BatchServices {
  templates: TemplateLibrary;
  fonts: FontStore;
  effects: BuildEffects;
  /** Starts the browser; called once, only when a PDF is wanted and there is a job. */
  startPrinter: () => Promise<PrinterHandle>;
  /** Rendered charts to reuse and keep (absent with `--no-cache`); closed once when the batch ends. */
  charts?: BuildChartCache | undefined;
  /** Compiled templates, prepared prose and parsed Markdown, shared by the batch's jobs (absent with `--no-cache`). */
  renderCache?: RenderCache | undefined;
  /** Each outcome as soon as it is known (progress lines). */
  onOutcome?: (outcome: BuildOutcome) => void;
}

export interface Batch {
  /** Every job's outcome, in job order (failed front matter first). */
  done: Promise<BuildOutcome[]>;
  /**
   * Ctrl-C: nothing more is written, staging folders are dropped, locks released, and the browser
   * is closed (even mid-start). Outputs already written and their archive stay as they are — each
   * was committed with its archive entry in one step.
   */
  interrupt(): Promise<void>;
}

/**
 * `brief build`: expands each briefing folder into jobs (periods × matrix variants), renders them
 * with bounded concurrency and one warm browser, and writes each output (and its archive entry)
 * as it finishes. A failing job does not stop the others. Parameter values that do not fit
 * throw ParamError before anything starts.
 */
export function startBatch(options: BatchOptions, services: BatchServices): Batch {
  const { jobs, failed } = planJobs(options.dirs, options.request, services.effects);
  const controller = new AbortController();
  // Kept as a promise so that an interrupt during the browser's start still waits for it and closes it.
  let printer: Promise<PrinterHandle> | undefined;
  const closePrinter = async () => (printer ? (await printer.catch(() => undefined))?.close() : undefined);
  const run = async (): Promise<BuildOutcome[]> => {
    for (const outcome of failed) services.onOutcome?.(outcome);
    try {
      if (options.formats.includes('pdf') && jobs.length > 0) printer = services.startPrinter();
      const ctx = {
        templates: services.templates, fonts: services.fonts, printer: printer ? (await printer).printer : undefined,
        formats: options.formats, force: options.force, offline: options.offline, effects: services.effects, signal: controller.signal,
        chartCache: services.charts?.cache, renderCache: services.renderCache, printSlots: slots(options.concurrency),
      };
      // With PDFs, one job more than print tabs: the next briefing renders while the tabs print.
      const limit = ctx.printer ? options.concurrency + 1 : options.concurrency;
      const outcomes = await runPool(jobs, limit, async (job) => {
        const outcome = await buildJob(job, ctx);
        services.onOutcome?.(outcome);
        return outcome;
      });
      return [...failed, ...outcomes];
    } finally {
      services.charts?.close();
      await closePrinter();
    }
  };
  return {
    done: run(),
    interrupt: async () => {
      controller.abort();
      services.effects.store.abandon();
      await closePrinter();
    },
  };
}

/** Reads each briefing's front matter and expands it into jobs; a folder whose front matter fails is a failed outcome. */
export function planJobs(dirs: readonly string[], request: ParamRequest, effects: BuildEffects): { jobs: BuildJob[]; failed: BuildOutcome[] } {
  const jobs: BuildJob[] = [];
  const failed: BuildOutcome[] = [];
  for (const dir of dirs) {
    const shown = dir.replace(/\/+$/, '') || '.';
    const log = new MessageLog();
    const loaded = loadBriefing(effects.files(dir, shown), log);
    if (!loaded || !loaded.metaValid) {
      failed.push({
        dir: shown, label: shown, slug: undefined, status: 'failed', ok: false, messages: log.messages, pages: undefined, seconds: 0,
        written: undefined, files: [], failure: undefined, moved: [],
      });
      continue;
    }
    jobs.push(...expandJobs(dir, loaded.meta, request));
  }
  return { jobs, failed };
}
