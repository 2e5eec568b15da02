import { basename, resolve } from 'node:path';
import type { Meta } from '../../pipeline/frontmatter/meta-schema.js';
import { parsePeriodRange } from '../../pipeline/periods/period.js';
import { LATEST, ParamError, parseParamValue, periodParamName } from '../../pipeline/params/resolve-params.js';

/** What the user asked for on the command line, before it meets a briefing's declarations. */
export interface JobRequest {
  params: Readonly<Record<string, string>>;
  /** `--matrix region=EU,US,APAC`, in the order given. */
  matrix: ReadonlyArray<readonly [string, readonly string[]]>;
  /** `--period 2026-W48`, `2026-W40..2026-W48` or `latest`. */
  period: string | undefined;
}

/** One render of one briefing: a period and a variant of it. */
export interface BuildJob {
  dir: string;
  /** How the job is named in progress lines and the summary table. */
  label: string;
  slug: string;
  params: Record<string, string>;
  /** The variant's folder name (`EU`, `EU_retail`), or undefined without a matrix. */
  variant: string | undefined;
  /** True when the briefing has a period parameter: it is kept in an archive, one folder per period. */
  periodic: boolean;
}

/**
 * Expands a briefing folder into its jobs: every period of `--period` times every combination
 * of `--matrix`. Values are checked against the briefing's declarations here, so a bad value is a
 * usage error before anything renders.
 */
export function expandJobs(dir: string, meta: Meta, request: JobRequest): BuildJob[] {
  const shown = dir.replace(/\/+$/, '') || '.';
  const declared = meta.params;
  const check = (name: string, value: string) => {
    const declaration = declared[name];
    if (!declaration) throw new ParamError(`${shown}: unknown parameter "${name}" (declared: ${Object.keys(declared).join(', ') || 'none'})`);
    parseParamValue(name, declaration, value);
  };
  for (const [name, value] of Object.entries(request.params)) check(name, value);
  for (const [name, values] of request.matrix) for (const value of values) check(name, value);

  const periodName = periodParamName(declared);
  let periods: string[] = [request.params[periodName ?? ''] ?? ''];
  if (request.period !== undefined) {
    if (!periodName) throw new ParamError(`${shown} has no period parameter, so --period does not apply (declare one: params: { period: { type: period, kind: week } })`);
    if (request.period === LATEST) periods = [LATEST];
    else {
      const range = parsePeriodRange(request.period);
      if (typeof range === 'string') throw new ParamError(`--period ${range}`);
      for (const p of range) check(periodName, p.id);
      periods = range.map((p) => p.id);
    }
  }

  const combos = request.matrix.reduce<Array<Array<[string, string]>>>(
    (acc, [name, values]) => acc.flatMap((combo) => values.map((v) => [...combo, [name, v] as [string, string]])),
    [[]],
  );
  const slug = meta.slug ?? basename(resolve(dir));
  const jobs: BuildJob[] = [];
  for (const period of periods) {
    for (const combo of combos) {
      const params: Record<string, string> = { ...request.params, ...Object.fromEntries(combo) };
      if (periodName && period !== '') params[periodName] = period;
      const variant = combo.length > 0 ? combo.map(([, v]) => folderName(v)).join('_') : undefined;
      const label = [shown, period !== '' && period !== LATEST ? period : undefined, variant].filter(Boolean).join(' ');
      jobs.push({ dir, label, slug, params, variant, periodic: periodName !== undefined });
    }
  }
  return jobs;
}

/** A parameter value as a folder name: letters, digits, dot, dash and underscore. */
export function folderName(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'value';
}

/** `--matrix region=EU,US` → ['region', ['EU', 'US']]. */
export function parseMatrix(text: string): [string, string[]] {
  const at = text.indexOf('=');
  const values = text.slice(at + 1).split(',').map((v) => v.trim()).filter(Boolean);
  if (at <= 0 || values.length === 0) throw new ParamError(`--matrix takes name=value,value,…, got "${text}"`);
  return [text.slice(0, at).trim(), [...new Set(values)]];
}

/** Where a job's output goes, relative to `--out`: `<slug>[/<period>][/<variant>]`. */
export function jobFolder(job: BuildJob, periodId: string | undefined): string[] {
  return [job.slug, ...(job.periodic && periodId ? [periodId] : []), ...(job.variant ? [job.variant] : [])];
}
