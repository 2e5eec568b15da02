import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { diskFiles } from '../../../edges/files/disk-files.js';
import type { FontStore } from '../../../edges/fonts/font-store.js';
import { archivedEngine } from '../../../edges/sql/archived-results.js';
import { outputSegments, pdfName, variantOf, type OutputId } from '../../../edges/output/output-layout.js';
import type { Message } from '../../../messages/message.js';
import type { Meta } from '../../../pipeline/frontmatter/meta-schema.js';
import { periodParamName } from '../../../pipeline/params/resolve-params.js';
import { renderBriefing } from '../../../pipeline/render-briefing.js';
import type { TemplateLibrary } from '../../../pipeline/templates/template.js';
import type { ParamRequest } from '../../../pipeline/params/param-request.js';
import { expandJobs } from '../../build/build-jobs.js';
import { briefingToDocument } from '../document/briefing-to-document.js';
import type { PublishDocument } from '../document/publish-document.js';
import { buildCommand } from './build-hint.js';

export interface CollectInput {
  dir: string;
  out: string;
  meta: Meta;
  request: ParamRequest;
  templates: TemplateLibrary;
  fonts: FontStore;
  /** Notes for the terminal (a missing PDF). */
  log: (line: string) => void;
}

export type Collected =
  | { kind: 'outputs'; outputs: PublishDocument[] }
  | { kind: 'content errors'; messages: readonly Message[] }
  /** Outputs not built as the sources now render them, each with the command that builds it. */
  | { kind: 'not built'; problems: string[] };

/**
 * The outputs a publish asks for — `--period` (one, a range, `latest`) × `--matrix`, with
 * `--param`, expanded exactly as `brief build` expands them — each rendered again (no browser;
 * SQL datasets read from the results stored with the build) for the document tree the wiki
 * formats are made from, and checked against its build: the
 * built index.html must be byte-identical to the render, so the page, its charts and the PDF all
 * come from the same sources. Where each output is built comes from `output-layout.ts`.
 */
export async function collectOutputs(input: CollectInput): Promise<Collected> {
  const shown = input.dir.replace(/\/+$/, '') || '.';
  const slug = input.meta.slug ?? basename(resolve(input.dir));
  const declared = Object.keys(input.meta.params);
  const periodParam = periodParamName(input.meta.params);
  const outputs: PublishDocument[] = [];
  const problems: string[] = [];
  for (const job of expandJobs(input.dir, input.meta, input.request)) {
    // SQL datasets are answered from the results the build stored with the output: the wiki gets what was built.
    const queries = archivedEngine((request) => join(input.out, ...outputSegments({ slug, period: request.period, variant: variantOf(declared, periodParam, request.values ?? {}) })));
    const result = await renderBriefing({ files: diskFiles(input.dir, shown), templates: input.templates, fonts: input.fonts, params: job.params, queries });
    if (!result.html || !result.meta || !result.document) return { kind: 'content errors', messages: result.messages };
    const id: OutputId = { slug, period: result.period?.id, variant: variantOf(declared, periodParam, result.params) };
    const folder = join(input.out, ...outputSegments(id));
    const built = join(folder, 'index.html');
    const exists = existsSync(built);
    if (!exists || readFileSync(built, 'utf8') !== result.html) {
      const given = Object.fromEntries(Object.entries(job.params).filter(([name]) => name !== periodParam));
      const command = buildCommand({ dir: shown, out: input.out, period: id.period, params: given, stale: exists });
      problems.push(`${built} ${exists ? "is older than the briefing's sources" : 'does not exist'}; run "${command}" first`);
      continue;
    }
    const pdfPath = join(folder, pdfName(id));
    const pdf = existsSync(pdfPath) ? new Uint8Array(readFileSync(pdfPath)) : undefined;
    if (!pdf) input.log(`note: no ${pdfPath} (built without --format pdf?); publishing without a PDF`);
    outputs.push(briefingToDocument({ result, id, pdf }));
  }
  return problems.length > 0 ? { kind: 'not built', problems } : { kind: 'outputs', outputs };
}
