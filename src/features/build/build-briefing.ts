import type { BriefingFiles } from '../../edges/files/briefing-files.js';
import type { FontStore } from '../../edges/fonts/font-store.js';
import { outputIdOf, outputLabel, outputSegments, pdfName, variantText, type OutputId } from '../../edges/output/output-layout.js';
import type { OutputStore } from '../../edges/output/output-store.js';
import type { PdfMetadata } from '../../edges/pdf/finish-pdf.js';
import type { PdfPrinter } from '../../edges/pdf/pdf-printer.js';
import type { QueryEngine } from '../../edges/sql/query-engine.js';
import type { ChartCache } from '../../pipeline/charts/cached-chart.js';
import type { RenderCache } from '../../pipeline/render-cache.js';
import type { Meta } from '../../pipeline/frontmatter/meta-schema.js';
import type { Message } from '../../messages/message.js';
import { periodLabel, type Period } from '../../pipeline/periods/period.js';
import { renderBriefing, type RenderResult } from '../../pipeline/render-briefing.js';
import type { TemplateLibrary } from '../../pipeline/templates/template.js';
import { VERSION } from '../../version.js';
import { RECORD_FILE, type OutputRecord } from '../archive/output-record.js';
import type { BuildJob } from './build-jobs.js';
import type { Slots } from './print-slots.js';
import { inputsHash } from './input-hash.js';
import type { Format } from './output-verdict.js';
import { commitOutput, judgeExisting, type PendingOutput } from './commit-output.js';
import { offlineEngine, storedResults } from './stored-results.js';

export type { Format } from './output-verdict.js';

/** The world a build touches, handed in (as `BriefingFiles` is to the pipeline). */
export interface BuildEffects {
  /** Reads a briefing folder. */
  files(dir: string, shown: string): BriefingFiles;
  /** Writes outputs and archives, atomically, under locks. */
  store: OutputStore;
  /** Runs a briefing folder's SQL datasets: DuckDB over the folder, sources from briefsmith.config.json. */
  queries(dir: string): QueryEngine;
  /** Clock for timings only (seconds in progress lines); no output depends on it. */
  now(): number;
}

export interface BuildContext {
  templates: TemplateLibrary;
  fonts: FontStore;
  /** Present when a PDF is wanted. */
  printer: PdfPrinter | undefined;
  formats: readonly Format[];
  /** Replace outputs whose inputs changed since they were archived. */
  force: boolean;
  /** Answer SQL datasets from the results stored with each output instead of querying (`--offline`). */
  offline: boolean;
  effects: BuildEffects;
  /** Set on Ctrl-C: nothing more is written. */
  signal?: AbortSignal;
  /** Earlier chart renders, shared by the batch's jobs and kept on disk (`--no-cache`: none). */
  chartCache?: ChartCache | undefined;
  /** Compiled templates, prepared prose and parsed Markdown of the batch's earlier jobs (`--no-cache`: none). */
  renderCache?: RenderCache | undefined;
  /** Bounds the prints running at once (absent: as many as jobs in flight). */
  printSlots?: Slots | undefined;
}

export type BuildStatus = 'built' | 'up-to-date' | 'failed';

export interface BuildOutcome {
  dir: string;
  /** The job as shown in progress lines: folder, period, variant. */
  label: string;
  slug: string | undefined;
  status: BuildStatus;
  /** True unless it failed (an up-to-date output is fine). */
  ok: boolean;
  messages: readonly Message[];
  pages: number | undefined;
  seconds: number;
  /** The output folder, as shown (also for an up-to-date one). */
  written: string | undefined;
  /** The files the output folder holds now that this build wrote. */
  files: readonly string[];
  /** Not a content problem: browser crash, timeout, an archived output that changed, disk. Its `cause` is kept. */
  failure: Error | undefined;
  /** Files of an earlier build that were in the archive's way, moved into `superseded/`. */
  moved: readonly string[];
}

/**
 * One job → its output folder (`<out>/<slug>[/<period>][/<variant>]/`: `index.html`, the PDF, each
 * SQL dataset's result as `data/<name>.csv` and, for an archived output, `output.json`), written
 * together or not at all. An archived output whose inputs did not change is left alone ("up to
 * date"). Its SQL datasets run for that judgement too: their results are inputs (with `--offline`
 * they are read back from the stored results instead, and nothing is queried).
 */
export async function buildJob(job: BuildJob, ctx: BuildContext): Promise<BuildOutcome> {
  const { effects } = ctx;
  const started = effects.now();
  let label = job.label;
  const outcome = (extra: Partial<BuildOutcome>): BuildOutcome => ({
    dir: job.shown, label, slug: job.slug, status: 'failed', ok: false, messages: [], pages: undefined, written: undefined, files: [],
    failure: undefined, moved: [], seconds: (effects.now() - started) / 1000, ...extra,
  });
  try {
    const files = effects.files(job.dir, job.shown);
    const queries = ctx.offline ? offlineEngine(effects.store, job) : effects.queries(job.dir);
    const result = await renderBriefing({
      files, templates: ctx.templates, fonts: ctx.fonts, params: job.params, now: effects.now, queries,
      ...(ctx.chartCache ? { chartCache: ctx.chartCache } : {}), ...(ctx.renderCache ? { renderCache: ctx.renderCache } : {}),
    });
    if (!result.html || !result.meta || !result.template) return outcome({ messages: result.messages });
    const id = outputIdOf(job.slug, job.declared, job.periodParam, result.params);
    label = [job.shown, outputLabel(id)].filter(Boolean).join(' ');
    const done = await produceOutput(job, id, files, result, ctx);
    return outcome({ ...done, messages: result.messages });
  } catch (error) {
    return outcome({ failure: error instanceof Error ? error : new Error(String(error)) });
  }
}

type Produced = Pick<BuildOutcome, 'status' | 'ok' | 'pages' | 'written' | 'files' | 'failure' | 'moved'>;

async function produceOutput(job: BuildJob, id: OutputId, files: BriefingFiles, result: RenderResult, ctx: BuildContext): Promise<Produced> {
  const meta = result.meta as Meta;
  const segments = outputSegments(id);
  const archived = id.period !== undefined;
  const inputs = inputsHash(files, result);
  const pending: PendingOutput = { store: ctx.effects.store, id, segments, inputs, force: ctx.force, signal: ctx.signal };
  const written = ctx.effects.store.pathOf(segments);
  // Judged before printing, so an up-to-date issue costs a render, not a print.
  const ahead = archived ? judgeExisting(pending, ctx.formats) : { kind: 'build' as const, formats: ctx.formats };
  if (ahead.kind === 'up-to-date') return { status: 'up-to-date', ok: true, pages: undefined, written, files: [], failure: undefined, moved: [] };
  if (ahead.kind === 'refuse') return { status: 'failed', ok: false, pages: undefined, written: undefined, files: [], failure: new Error(`${ahead.reason} (nothing was changed)`), moved: [] };

  const out: Record<string, string | Uint8Array> = {};
  const pdf = pdfName(id);
  if (ahead.formats.includes('html')) out['index.html'] = result.html as string;
  let pages: number | undefined;
  if (ahead.formats.includes('pdf')) {
    if (!ctx.printer) throw new Error('a PDF is wanted but no browser was started');
    const variant = variantText(job.declared, job.periodParam, result.params);
    const { printer } = ctx;
    const print = { html: result.html as string, page: (result.template as NonNullable<RenderResult['template']>).page, meta: pdfMetadata(meta, result.period, variant) };
    const printed = await (ctx.printSlots ? ctx.printSlots.run(() => printer.print(print)) : printer.print(print));
    out[pdf] = printed.pdf;
    pages = printed.layout.pageCount;
  }
  const stored = storedResults(result.queryResults);
  Object.assign(out, stored.files);
  const recorded = { html: 'index.html' in out, pdf: pdf in out ? pdf : undefined, results: stored.record };
  if (archived) out[RECORD_FILE] = `${JSON.stringify(outputRecord(id, result, inputs, recorded), null, 2)}\n`;
  const template = result.template as NonNullable<RenderResult['template']>;
  const look = { writtenTitle: job.writtenTitle, lang: meta.lang, css: template.css, fonts: ctx.fonts };
  const committed = await commitOutput(pending, out, ahead.formats, look);
  if (committed.kind === 'up-to-date') return { status: 'up-to-date', ok: true, pages: undefined, written, files: [], failure: undefined, moved: [] };
  if (committed.kind === 'refuse') return { status: 'failed', ok: false, pages: undefined, written: undefined, files: [], failure: new Error(`${committed.reason} (nothing was changed)`), moved: [] };
  return { status: 'built', ok: true, pages, written, files: Object.keys(out).filter((f) => f !== RECORD_FILE), failure: undefined, moved: committed.moved };
}

interface RecordedFiles {
  html: boolean;
  pdf: string | undefined;
  /** The stored SQL results, by dataset name. */
  results: OutputRecord['results'];
}

function outputRecord(id: OutputId, result: RenderResult, inputs: string, files: RecordedFiles): OutputRecord {
  const meta = result.meta as Meta;
  const { period } = result;
  return {
    record: 1,
    slug: id.slug,
    ...(period ? { period: period.id, periodLabel: periodLabel(period, meta.lang), periodStart: period.start } : {}),
    ...(id.variant ? { variant: id.variant } : {}),
    params: { ...result.params },
    title: meta.title,
    ...(result.headline ? { headline: result.headline } : {}),
    ...(files.html ? { html: 'index.html' } : {}),
    ...(files.pdf ? { pdf: files.pdf } : {}),
    ...(files.results && Object.keys(files.results).length > 0 ? { results: files.results } : {}),
    inputs,
  };
}

/**
 * PDF metadata from front matter. The Title tells issues apart: the period's label and the
 * variant's values are added unless the (templated) title already says them.
 */
export function pdfMetadata(meta: Meta, period?: Period, variant?: string): PdfMetadata {
  const subject = meta.summary ?? meta.subtitle;
  const date = meta.date ?? period?.end;
  const label = period ? periodLabel(period, meta.lang) : undefined;
  const title = [meta.title, ...[label, variant].filter((part): part is string => part !== undefined && !meta.title.includes(part))].join(' — ');
  return {
    title,
    creator: `Briefsmith ${VERSION}`,
    ...(meta.authors.length > 0 ? { author: meta.authors.map((a) => a.name).join(', ') } : {}),
    ...(subject ? { subject } : {}),
    ...(meta.keywords.length > 0 ? { keywords: meta.keywords.join(', ') } : {}),
    ...(date ? { date } : {}),
  };
}
