import { basename, resolve } from 'node:path';
import type { FontStore } from '../fonts/font-store.js';
import type { Meta } from '../frontmatter/meta-schema.js';
import { diskFiles } from '../load/disk-files.js';
import type { Message } from '../messages/message.js';
import { writeFolderAtomically } from '../output/write-output.js';
import type { PdfMetadata } from '../pdf/finish-pdf.js';
import type { PdfPrinter } from '../pdf/pdf-printer.js';
import { renderBriefing } from '../render-briefing.js';
import type { TemplateLibrary } from '../templates/template.js';
import { VERSION } from '../version.js';

export type Format = 'html' | 'pdf';

export interface BuildContext {
  templates: TemplateLibrary;
  fonts: FontStore;
  /** Present when a PDF is wanted. */
  printer: PdfPrinter | undefined;
  formats: readonly Format[];
  out: string;
}

export interface BuildOutcome {
  dir: string;
  slug: string | undefined;
  ok: boolean;
  messages: readonly Message[];
  pages: number | undefined;
  seconds: number;
  written: string | undefined;
  /** A failure that is not a content problem (browser crash, timeout, disk). */
  failure: string | undefined;
}

/** One briefing folder → `<out>/<slug>/index.html` and `<slug>.pdf`, written together or not at all. */
export async function buildBriefing(dir: string, ctx: BuildContext): Promise<BuildOutcome> {
  const started = performance.now();
  const shown = dir.replace(/\/+$/, '') || '.';
  const outcome = (extra: Partial<BuildOutcome>): BuildOutcome => ({
    dir: shown, slug: undefined, ok: false, messages: [], pages: undefined, written: undefined, failure: undefined,
    seconds: (performance.now() - started) / 1000, ...extra,
  });
  try {
    const result = await renderBriefing({ files: diskFiles(dir, shown), templates: ctx.templates, fonts: ctx.fonts, now: () => performance.now() });
    if (!result.html || !result.meta || !result.template) return outcome({ messages: result.messages });
    const slug = result.meta.slug ?? basename(resolve(dir));
    const files: Record<string, string | Uint8Array> = {};
    if (ctx.formats.includes('html')) files['index.html'] = result.html;
    let pages: number | undefined;
    if (ctx.printer && ctx.formats.includes('pdf')) {
      const printed = await ctx.printer.print({ html: result.html, page: result.template.page, meta: pdfMetadata(result.meta) });
      files[`${slug}.pdf`] = printed.pdf;
      pages = printed.layout.pageCount;
    }
    const written = writeFolderAtomically(ctx.out, slug, files);
    return outcome({ slug, ok: true, messages: result.messages, pages, written });
  } catch (error) {
    return outcome({ failure: (error as Error).message });
  }
}

export function pdfMetadata(meta: Meta): PdfMetadata {
  const subject = meta.summary ?? meta.subtitle;
  return {
    title: meta.title,
    creator: `Briefsmith ${VERSION}`,
    ...(meta.authors.length > 0 ? { author: meta.authors.map((a) => a.name).join(', ') } : {}),
    ...(subject ? { subject } : {}),
    ...(meta.keywords.length > 0 ? { keywords: meta.keywords.join(', ') } : {}),
    ...(meta.date ? { date: meta.date } : {}),
  };
}
