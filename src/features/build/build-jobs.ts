import { basename, resolve } from 'node:path';
import type { Meta } from '../../pipeline/frontmatter/meta-schema.js';
import { expandRequest, type ParamRequest } from '../../pipeline/params/param-request.js';
import { periodParamName } from '../../pipeline/params/resolve-params.js';

/** One render of one briefing: a period and a variant of it. */
export interface BuildJob {
  dir: string;
  /** The folder as typed, for messages. */
  shown: string;
  /** How the job is named before it renders (the folder and the values asked for); the output's label replaces it. */
  label: string;
  slug: string;
  /** The values given; declared defaults fill the rest when it renders. */
  params: Record<string, string>;
  /** The briefing's parameters, in declaration order (the variant is named by all but the period). */
  declared: readonly string[];
  periodParam: string | undefined;
  /** The front matter title as written (a template, possibly), for the archive page. */
  writtenTitle: string;
}

/**
 * Expands a briefing folder into its jobs: every period of `--period` times every combination
 * of `--matrix`. A value that does not fit is a ParamError (a usage error) before anything renders.
 */
export function expandJobs(dir: string, meta: Meta, request: ParamRequest): BuildJob[] {
  const shown = dir.replace(/\/+$/, '') || '.';
  const slug = meta.slug ?? basename(resolve(dir));
  const declared = Object.keys(meta.params);
  const periodParam = periodParamName(meta.params);
  const asked = (params: Record<string, string>) => [...(periodParam ? [params[periodParam]] : []), ...request.matrix.map(([name]) => params[name])];
  return expandRequest(shown, meta.params, request).map((params) => ({
    dir, shown, slug, params, declared, periodParam, writtenTitle: meta.title,
    label: [shown, ...asked(params).filter((v) => v !== undefined && v !== 'latest')].join(' '),
  }));
}
