import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { LaunchedBrowser } from '../edges/browser/launch-browser.js';
import { buildJob, type BuildOutcome, type Format } from '../features/build/build-briefing.js';
import { buildChartCache } from '../features/build/build-chart-cache.js';
import { expandJobs, type BuildJob, type JobRequest } from '../features/build/build-jobs.js';
import { slots } from '../features/build/print-slots.js';
import { runPool } from '../features/build/run-pool.js';
import { fontsourceStore } from '../edges/fonts/font-store.js';
import { diskFiles } from '../edges/files/disk-files.js';
import { loadBriefing } from '../pipeline/load/load-briefing.js';
import { formatMessage } from '../messages/format-message.js';
import { MessageLog } from '../messages/message-log.js';
import { abandonStagedWrites } from '../edges/output/write-output.js';
import { ParamError } from '../pipeline/params/resolve-params.js';
import { diskTemplateLibrary, loadTemplateHelpers } from '../pipeline/templates/disk-template-library.js';
import { TEMPLATES_DIR } from '../paths.js';
import { updateArchives } from './archive-outcomes.js';
import type { Console } from './command.js';
import { summaryTable } from './summary-table.js';
import { UsageError } from './usage.js';
import { printCauses } from './verbose.js';

export interface BuildOptions {
  dirs: string[];
  out: string;
  formats: Format[];
  quiet: boolean;
  concurrency: number | undefined;
  request: JobRequest;
  force: boolean;
  /** Reuse charts rendered before (`<out>/.cache/charts/`) and share them between jobs; `--no-cache` turns it off. */
  cache: boolean;
  /** Print the cause chain of a failure. */
  verbose: boolean;
}

const FORMATS: readonly Format[] = ['html', 'pdf'];


export function parseFormats(value: string): Format[] {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  const bad = formats.filter((f) => !FORMATS.includes(f as Format));
  if (formats.length === 0 || bad.length > 0) {
    throw new UsageError(`unknown --format "${bad.join(',') || value}" (known: ${FORMATS.join(', ')})`);
  }
  return [...new Set(formats)] as Format[];
}

/**
 * `brief build`: expands each briefing folder into jobs (periods × matrix variants), renders them
 * (HTML in-process, PDF with one warm browser and bounded concurrency), writes each output folder
 * atomically, goes on past failures, and records periodic issues in their archive.
 */
export async function buildCommand(options: BuildOptions, console: Console): Promise<number> {
  if (options.dirs.length === 0) throw new UsageError('brief build needs at least one briefing folder');
  for (const dir of options.dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no such briefing folder: ${dir}`);
  }
  const { jobs, failed } = planJobs(options);
  for (const outcome of failed) report(outcome, options, console);
  const templates = diskTemplateLibrary(TEMPLATES_DIR, await loadTemplateHelpers(TEMPLATES_DIR));
  const fonts = fontsourceStore();
  const charts = options.cache && jobs.length > 0 ? buildChartCache(options.out) : undefined;
  // Kept as a promise so that Ctrl-C during the browser's start still waits for it and closes it.
  let browser: Promise<LaunchedBrowser> | undefined;
  const closeBrowser = async () => (browser ? (await browser.catch(() => undefined))?.close() : undefined);
  const interrupt = () => {
    console.err('brief: interrupted; closing the browser, nothing half-written is kept');
    abandonStagedWrites();
    void closeBrowser().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    let printer;
    if (options.formats.includes('pdf') && jobs.length > 0) {
      // puppeteer-core and the printer are loaded only when a PDF is wanted: `--format html` starts faster.
      browser = import('../edges/browser/launch-browser.js').then(({ launchBrowser }) => launchBrowser());
      const { PdfPrinter } = await import('../edges/pdf/pdf-printer.js');
      printer = new PdfPrinter((await browser).browser);
    }
    const tabs = options.concurrency ?? availableParallelism();
    const ctx = {
      templates, fonts, printer, formats: options.formats, out: options.out, force: options.force, chartCache: charts?.cache,
      printSlots: slots(tabs),
    };
    // With PDFs, one job more than print tabs: the next briefing renders while the tabs print.
    const limit = printer ? tabs + 1 : tabs;
    const outcomes = await runPool(jobs, limit, async (job) => {
      const outcome = await buildJob(job, ctx);
      report(outcome, options, console);
      return outcome;
    });
    const all = [...failed, ...outcomes];
    updateArchives(options.out, all, fonts);
    if (all.length > 1) console.out(summaryTable(all));
    return all.every((o) => o.ok) ? 0 : 1;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    charts?.close();
    await closeBrowser();
  }
}

/** Reads each briefing's front matter and expands it into jobs; a value that does not fit is a usage error. */
function planJobs(options: BuildOptions): { jobs: BuildJob[]; failed: BuildOutcome[] } {
  const jobs: BuildJob[] = [];
  const failed: BuildOutcome[] = [];
  for (const dir of options.dirs) {
    const shown = dir.replace(/\/+$/, '') || '.';
    const log = new MessageLog();
    const loaded = loadBriefing(diskFiles(dir, shown), log);
    if (!loaded || !loaded.metaValid) {
      failed.push({
        dir: shown, label: shown, slug: undefined, ok: false, messages: log.messages, pages: undefined, seconds: 0,
        written: undefined, failure: undefined, archive: undefined,
      });
      continue;
    }
    try {
      jobs.push(...expandJobs(dir, loaded.meta, options.request));
    } catch (error) {
      if (error instanceof ParamError) throw new UsageError(error.message);
      throw error;
    }
  }
  return { jobs, failed };
}

function report(outcome: BuildOutcome, options: BuildOptions, console: Console): void {
  for (const message of outcome.messages) console.err(formatMessage(message));
  if (outcome.failure) {
    console.err(`✗ ${outcome.label}: ${outcome.failure}`);
    printCauses(outcome.error, options.verbose, console.err);
  } else if (!outcome.ok) {
    const errors = outcome.messages.filter((m) => m.severity === 'error').length;
    console.err(`✗ ${outcome.label}: ${errors} error${errors === 1 ? '' : 's'}; nothing written`);
  } else if (!options.quiet) {
    const what = options.formats.map((f) => (f === 'html' ? 'index.html' : `${outcome.slug}.pdf`)).join(' + ');
    const pages = outcome.pages === undefined ? '' : `, ${outcome.pages} pages`;
    console.out(`✓ ${outcome.label} → ${join(outcome.written ?? '', '/')} (${what}${pages}, ${outcome.seconds.toFixed(1)} s)`);
  }
}
