import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launchBrowser, type LaunchedBrowser } from '../browser/launch-browser.js';
import { buildBriefing, type BuildOutcome, type Format } from '../build/build-briefing.js';
import { runPool } from '../build/run-pool.js';
import { fontsourceStore } from '../fonts/font-store.js';
import { formatMessage } from '../messages/format-message.js';
import { abandonStagedWrites } from '../output/write-output.js';
import { diskTemplateLibrary, loadTemplateHelpers } from '../templates/disk-template-library.js';
import type { Console } from './command.js';
import { summaryTable } from './summary-table.js';
import { UsageError } from './usage.js';

export interface BuildOptions {
  dirs: string[];
  out: string;
  formats: Format[];
  quiet: boolean;
  concurrency: number | undefined;
}


const FORMATS: readonly Format[] = ['html', 'pdf'];

/** Where the project's named templates live (next to `src/` or `dist/`). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export function parseFormats(value: string): Format[] {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  const bad = formats.filter((f) => !FORMATS.includes(f as Format));
  if (formats.length === 0 || bad.length > 0) {
    throw new UsageError(`unknown --format "${bad.join(',') || value}" (known: ${FORMATS.join(', ')})`);
  }
  return [...new Set(formats)] as Format[];
}

/**
 * `brief build`: renders each briefing folder (HTML in-process, PDF with one warm browser and
 * bounded concurrency), writes each output folder atomically, and goes on past failures.
 */
export async function buildCommand(options: BuildOptions, console: Console): Promise<number> {
  if (options.dirs.length === 0) throw new UsageError('brief build needs at least one briefing folder');
  for (const dir of options.dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no such briefing folder: ${dir}`);
  }
  const templates = diskTemplateLibrary(TEMPLATES_DIR, await loadTemplateHelpers(TEMPLATES_DIR));
  const fonts = fontsourceStore();
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
    if (options.formats.includes('pdf')) {
      browser = launchBrowser();
      const { PdfPrinter } = await import('../pdf/pdf-printer.js');
      printer = new PdfPrinter((await browser).browser);
    }
    const ctx = { templates, fonts, printer, formats: options.formats, out: options.out };
    const limit = options.concurrency ?? availableParallelism();
    const outcomes = await runPool(options.dirs, limit, async (dir) => {
      const outcome = await buildBriefing(dir, ctx);
      report(outcome, options, console);
      return outcome;
    });
    if (options.dirs.length > 1) console.out(summaryTable(outcomes));
    return outcomes.every((o) => o.ok) ? 0 : 1;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    await closeBrowser();
  }
}

function report(outcome: BuildOutcome, options: BuildOptions, console: Console): void {
  for (const message of outcome.messages) console.err(formatMessage(message));
  if (outcome.failure) {
    console.err(`✗ ${outcome.dir}: ${outcome.failure}; nothing written`);
  } else if (!outcome.ok) {
    const errors = outcome.messages.filter((m) => m.severity === 'error').length;
    console.err(`✗ ${outcome.dir}: ${errors} error${errors === 1 ? '' : 's'}; nothing written`);
  } else if (!options.quiet) {
    const what = options.formats.map((f) => (f === 'html' ? 'index.html' : `${outcome.slug}.pdf`)).join(' + ');
    const pages = outcome.pages === undefined ? '' : `, ${outcome.pages} pages`;
    console.out(`✓ ${outcome.dir} → ${outcome.written}/ (${what}${pages}, ${outcome.seconds.toFixed(1)} s)`);
  }
}
