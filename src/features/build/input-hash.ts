import { createHash } from 'node:crypto';
import type { BriefingFiles } from '../../edges/files/briefing-files.js';
import { datasetsUsedBy } from '../../pipeline/data/dataset-usage.js';
import { DATA_EXTENSIONS } from '../../pipeline/data/parse-dataset.js';
import type { RenderResult } from '../../pipeline/render-briefing.js';

/**
 * What an output was built from, as one fingerprint (`sha256:…`): the briefing's sources (every
 * file but the data files), its template, the resolved parameters, and the rows of each dataset
 * the output read — windows as sliced (`weekly@current` holds this week's rows), whole datasets
 * only when read whole. Appending next week's rows therefore leaves last week's fingerprint
 * alone, while a corrected number in last week's rows changes it.
 *
 * Each SQL dataset's result counts as the rows it returned (whether or not anything reads it: it
 * is stored with the output), so "up to date" compares results, not just the query text. The
 * files a DuckDB query reads count only through its result, like windows: last week's query over
 * a file that gained this week's rows still gives last week's result.
 *
 * Briefsmith's own version is left out on purpose: upgrading must not turn every archived issue
 * into "changed"; rebuild with `--force` to re-render old issues with a new version.
 */
export function inputsHash(files: BriefingFiles, result: RenderResult): string {
  const hash = createHash('sha256');
  const part = (label: string, value: string | Uint8Array) => {
    hash.update(`${label}\0${typeof value === 'string' ? Buffer.byteLength(value) : value.byteLength}\0`);
    hash.update(value);
  };
  for (const path of sourcePaths(files)) part(`file ${path}`, files.readBytes(path) ?? '');
  const template = result.template;
  if (template) {
    const { name, layout, partials, css, page, chart } = template;
    part('template', stableJson({ name, layout, partials, css, page, chart }));
  }
  part('params', stableJson(result.params));
  const internals = result.internals;
  if (internals) {
    const used = datasetsUsedBy(result, internals, files);
    for (const name of [...used].sort()) {
      const dataset = internals.datasets.get(name);
      if (dataset) part(`data ${name}`, JSON.stringify([dataset.columns, dataset.rows]));
    }
  }
  const results = [...result.queryResults].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const query of results) part(`query ${query.name}`, JSON.stringify([query.columns, query.rows]));
  return `sha256:${hash.digest('hex')}`;
}

/** Every file of the briefing except data files (their rows count as used, above); schema sidecars are sources. */
function sourcePaths(files: BriefingFiles): string[] {
  const all = files.allFiles?.() ?? ['brief.md', ...['sections', 'charts', 'partials'].flatMap((f) => files.list(f).map((n) => `${f}/${n}`))];
  return all.filter((path) => {
    if (!path.startsWith('data/') || path.slice(5).includes('/')) return true;
    const lower = path.toLowerCase();
    return lower.includes('.schema.') || !DATA_EXTENSIONS.some((ext) => lower.endsWith(ext));
  });
}

/** JSON with object keys sorted, so the fingerprint does not depend on key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
