import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveEntry } from '../archive/archive-manifest.js';
import type { FontStore } from '../../edges/fonts/font-store.js';
import type { ChartCache } from '../../pipeline/charts/cached-chart.js';
import type { Meta } from '../../pipeline/frontmatter/meta-schema.js';
import { diskFiles } from '../../edges/files/disk-files.js';
import type { Message } from '../../messages/message.js';
import { writeFolderAtomically } from '../../edges/output/write-output.js';
import type { PdfMetadata } from '../../edges/pdf/finish-pdf.js';
import type { PdfPrinter } from '../../edges/pdf/pdf-printer.js';
import { periodLabel, type Period } from '../../pipeline/periods/period.js';
import { renderBriefing } from '../../pipeline/render-briefing.js';
import type { TemplateLibrary } from '../../pipeline/templates/template.js';
import { VERSION } from '../../version.js';
import { jobFolder, type BuildJob } from './build-jobs.js';
import type { Slots } from './print-slots.js';

export type Format = 'html' | 'pdf';

export interface BuildContext {
  templates: TemplateLibrary;
  fonts: FontStore;
  /** Present when a PDF is wanted. */
  printer: PdfPrinter | undefined;
  formats: readonly Format[];
  out: string;
  /** Rebuild a period that is already in the archive. */
  force: boolean;
  /** Bounds the prints running at once (absent: as many as jobs in flight). */
  printSlots?: Slots | undefined;
  /** Earlier chart renders (`--no-cache`: none). */
  chartCache?: ChartCache | undefined;
}

/** What a periodic job adds to its briefing's archive. */
export interface ArchiveAddition {
  slug: string;
  title: string;
  lang: string;
  css: string;
  entry: ArchiveEntry;
}

export interface BuildOutcome {
  dir: string;
  /** The job as shown in progress lines: folder, period, variant. */
  label: string;
  slug: string | undefined;
  ok: boolean;
  messages: readonly Message[];
  pages: number | undefined;
  seconds: number;
  written: string | undefined;
  /** A failure that is not a content problem (browser crash, timeout, existing period, disk). */
  failure: string | undefined;
  /** The error behind `failure`, with its cause chain (for `--verbose`). */
  error?: unknown;
  archive: ArchiveAddition | undefined;
}

/** One job → `<out>/<slug>[/<period>][/<variant>]/index.html` and `<slug>.pdf`, written together or not at all. */
export async function buildJob(job: BuildJob, ctx: BuildContext): Promise<BuildOutcome> {
  const started = performance.now();
  const shown = job.dir.replace(/\/+$/, '') || '.';
  const outcome = (extra: Partial<BuildOutcome>): BuildOutcome => ({
    dir: shown, label: job.label, slug: job.slug, ok: false, messages: [], pages: undefined, written: undefined, failure: undefined,
    archive: undefined, seconds: (performance.now() - started) / 1000, ...extra,
  });
  try {
    const result = await renderBriefing({
      files: diskFiles(job.dir, shown), templates: ctx.templates, fonts: ctx.fonts, params: job.params, now: () => performance.now(),
      ...(ctx.chartCache ? { chartCache: ctx.chartCache } : {}),
    });
    if (!result.html || !result.meta || !result.template) return outcome({ messages: result.messages });
    const folder = jobFolder(job, result.period?.id);
    const label = [shown, result.period?.id, job.variant].filter(Boolean).join(' ');
    const parent = join(ctx.out, ...folder.slice(0, -1));
    const leaf = folder[folder.length - 1] ?? job.slug;
    if (job.periodic && !ctx.force && existsSync(join(parent, leaf))) {
      return outcome({
        label, messages: result.messages,
        failure: `${join(parent, leaf)} already exists; rebuilding a published period needs --force (nothing was changed)`,
      });
    }
    const files: Record<string, string | Uint8Array> = {};
    if (ctx.formats.includes('html')) files['index.html'] = result.html;
    let pages: number | undefined;
    if (ctx.printer && ctx.formats.includes('pdf')) {
      const { printer } = ctx;
      const print = { html: result.html, page: result.template.page, meta: pdfMetadata(result.meta, result.period) };
      const printed = await (ctx.printSlots ? ctx.printSlots.run(() => printer.print(print)) : printer.print(print));
      files[`${job.slug}.pdf`] = printed.pdf;
      pages = printed.layout.pageCount;
    }
    const written = writeFolderAtomically(parent, leaf, files);
    const relative = folder.slice(1).join('/');
    const archive: ArchiveAddition | undefined = job.periodic
      ? {
          slug: job.slug,
          title: result.meta.title,
          lang: result.meta.lang,
          css: result.template.css,
          entry: {
            path: relative,
            ...(result.period ? { period: result.period.id, periodLabel: periodLabel(result.period, result.meta.lang), periodStart: result.period.start } : {}),
            ...(job.variant ? { variant: job.variant } : {}),
            params: { ...result.params },
            title: result.meta.title,
            ...(result.headline ? { headline: result.headline } : {}),
            ...(files['index.html'] ? { html: `${relative}/index.html` } : {}),
            ...(files[`${job.slug}.pdf`] ? { pdf: `${relative}/${job.slug}.pdf` } : {}),
          },
        }
      : undefined;
    return outcome({ label, ok: true, messages: result.messages, pages, written, archive });
  } catch (error) {
    return outcome({ failure: (error as Error).message, error });
  }
}

/** PDF metadata from front matter; a periodic issue is titled and dated by its period. */
export function pdfMetadata(meta: Meta, period?: Period): PdfMetadata {
  const subject = meta.summary ?? meta.subtitle;
  const date = meta.date ?? period?.end;
  return {
    title: period ? `${meta.title} — ${periodLabel(period, meta.lang)}` : meta.title,
    creator: `Briefsmith ${VERSION}`,
    ...(meta.authors.length > 0 ? { author: meta.authors.map((a) => a.name).join(', ') } : {}),
    ...(subject ? { subject } : {}),
    ...(meta.keywords.length > 0 ? { keywords: meta.keywords.join(', ') } : {}),
    ...(date ? { date } : {}),
  };
}
