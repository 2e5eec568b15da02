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
import type { Format, Verdict } from './output-verdict.js';
import { commitOutput, judgeExisting, type ArchiveLook, type PendingOutput } from './commit-output.js';
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
 * they are read back from the stored results instead, and nothing is queried). Rendering and
 * committing are two steps (`renderOutput`, `commitRendered`) so that a queued build can render on
 * a worker and commit on the coordinator with the same code.
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
    const judge: Judge = (id, segments, inputs, formats) =>
      id.period === undefined ? { kind: 'build', formats } : judgeExisting({ store: effects.store, id, segments, inputs, force: ctx.force, signal: ctx.signal }, formats);
    const queries = ctx.offline ? offlineEngine(effects.store, job) : effects.queries(job.dir);
    const rendered = await renderOutput(job, effects.files(job.dir, job.shown), { ...ctx, now: effects.now, queries }, judge);
    label = rendered.label;
    return outcome({ ...(await settleRendered(rendered, ctx)), messages: rendered.messages });
  } catch (error) {
    return outcome({ failure: error instanceof Error ? error : new Error(String(error)) });
  }
}

/** What to do with an output before it is printed, judged from what is already there. */
export type Judge = (id: OutputId, segments: readonly string[], inputs: string, formats: readonly Format[]) => Verdict | Promise<Verdict>;

/** What the archive page needs from the render that adds to it (the fonts come from whoever commits). */
export type RenderedLook = Omit<ArchiveLook, 'fonts'>;

/** An output rendered and printed, not yet written: everything `commitRendered` needs. */
export interface RenderedOutput {
  id: OutputId;
  segments: string[];
  inputs: string;
  /** The formats the folder will hold (a format an up-to-date output lacked is added to what it had). */
  formats: readonly Format[];
  files: Record<string, string | Uint8Array>;
  pages: number | undefined;
  look: RenderedLook;
}

export type Rendered = { label: string; messages: readonly Message[] } & (
  | { kind: 'content-errors' }
  | { kind: 'judged'; verdict: Exclude<Verdict, { kind: 'build' }>; segments: string[] }
  | { kind: 'ready'; output: RenderedOutput }
);

/** What rendering needs: the pipeline's libraries, the printer (and its slots), the formats asked for, what answers SQL datasets and the chart cache, if any. */
export type RenderContext = Pick<BuildContext, 'templates' | 'fonts' | 'printer' | 'formats' | 'chartCache' | 'renderCache' | 'printSlots'> & { now: () => number; queries: QueryEngine };

/**
 * Renders a job's briefing and, unless `judge` finds the output up to date (or refuses it),
 * prints it and assembles its folder's files. Writes nothing.
 */
export async function renderOutput(job: Omit<BuildJob, 'dir'>, files: BriefingFiles, ctx: RenderContext, judge: Judge): Promise<Rendered> {
  const result = await renderBriefing({
    files, templates: ctx.templates, fonts: ctx.fonts, params: job.params, now: ctx.now, queries: ctx.queries,
    ...(ctx.chartCache ? { chartCache: ctx.chartCache } : {}), ...(ctx.renderCache ? { renderCache: ctx.renderCache } : {}),
  });
  if (!result.html || !result.meta || !result.template) return { kind: 'content-errors', label: job.label, messages: result.messages };
  const meta = result.meta;
  const id = outputIdOf(job.slug, job.declared, job.periodParam, result.params);
  const label = [job.shown, outputLabel(id)].filter(Boolean).join(' ');
  const segments = outputSegments(id);
  const inputs = inputsHash(files, result);
  // Judged before printing, so an up-to-date issue costs a render, not a print.
  const ahead = await judge(id, segments, inputs, ctx.formats);
  if (ahead.kind !== 'build') return { kind: 'judged', label, messages: result.messages, verdict: ahead, segments };

  const out: Record<string, string | Uint8Array> = {};
  const pdf = pdfName(id);
  if (ahead.formats.includes('html')) out['index.html'] = result.html;
  let pages: number | undefined;
  if (ahead.formats.includes('pdf')) {
    if (!ctx.printer) throw new Error('a PDF is wanted but no browser was started');
    const variant = variantText(job.declared, job.periodParam, result.params);
    const { printer } = ctx;
    const print = { html: result.html, page: result.template.page, meta: pdfMetadata(meta, result.period, variant) };
    // Bounded apart from the jobs in flight (print-slots.ts), so the next briefing renders while the tabs print.
    const printed = await (ctx.printSlots ? ctx.printSlots.run(() => printer.print(print)) : printer.print(print));
    out[pdf] = printed.pdf;
    pages = printed.layout.pageCount;
  }
  const stored = storedResults(result.queryResults);
  Object.assign(out, stored.files);
  const recorded = { html: 'index.html' in out, pdf: pdf in out ? pdf : undefined, results: stored.record };
  if (id.period !== undefined) out[RECORD_FILE] = `${JSON.stringify(outputRecord(id, result, inputs, recorded), null, 2)}\n`;
  const look = { writtenTitle: job.writtenTitle, lang: meta.lang, css: result.template.css };
  return { kind: 'ready', label, messages: result.messages, output: { id, segments, inputs, formats: ahead.formats, files: out, pages, look } };
}

type Produced = Pick<BuildOutcome, 'status' | 'ok' | 'pages' | 'written' | 'files' | 'failure' | 'moved'>;

/** What becomes of a render: content errors fail, a verdict is reported, a ready output is committed. */
export async function settleRendered(rendered: Rendered, ctx: Pick<BuildContext, 'effects' | 'fonts' | 'force' | 'signal'>): Promise<Produced> {
  const none = { pages: undefined, files: [], failure: undefined, moved: [] };
  if (rendered.kind === 'content-errors') return { ...none, status: 'failed', ok: false, written: undefined };
  if (rendered.kind === 'judged') return verdictOutcome(rendered.verdict, ctx.effects.store.pathOf(rendered.segments));
  return commitRendered(rendered.output, ctx);
}

/** Writes a rendered output (an archived one under its archive's lock, judged again there). */
export async function commitRendered(output: RenderedOutput, ctx: Pick<BuildContext, 'effects' | 'fonts' | 'force' | 'signal'>): Promise<Produced> {
  const { store } = ctx.effects;
  const pending: PendingOutput = { store, id: output.id, segments: output.segments, inputs: output.inputs, force: ctx.force, signal: ctx.signal };
  const written = store.pathOf(output.segments);
  const committed = await commitOutput(pending, output.files, output.formats, { ...output.look, fonts: ctx.fonts });
  if (committed.kind !== 'written') return verdictOutcome(committed, written);
  return { status: 'built', ok: true, pages: output.pages, written, files: Object.keys(output.files).filter((f) => f !== RECORD_FILE), failure: undefined, moved: committed.moved };
}

function verdictOutcome(verdict: Exclude<Verdict, { kind: 'build' }>, written: string): Produced {
  if (verdict.kind === 'up-to-date') return { status: 'up-to-date', ok: true, pages: undefined, written, files: [], failure: undefined, moved: [] };
  return { status: 'failed', ok: false, pages: undefined, written: undefined, files: [], failure: new Error(`${verdict.reason} (nothing was changed)`), moved: [] };
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
