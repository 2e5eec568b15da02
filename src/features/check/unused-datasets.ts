import { displayPath, type BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { RenderInternals, RenderResult } from '../../pipeline/render-briefing.js';
import { datasetsUsedBy } from '../../pipeline/data/dataset-usage.js';

/**
 * A data file nothing reads is usually a leftover or a typo in a name elsewhere. Used means: a
 * chart binds it (rendered, or requested and failed), a helper looked it up, the text reads
 * `data.<name>` — directly or through one of its period windows (`weekly@current` uses `weekly`) —
 * or a DuckDB query names its file (`FROM 'data/weekly.csv'`). The windows themselves are views,
 * not files: one nobody reads is not a problem.
 */
export function reportUnusedDatasets(result: RenderResult, internals: RenderInternals, files: BriefingFiles, log: MessageLog): void {
  const used = datasetsUsedBy(result, internals, files);
  for (const name of [...used]) if (name.includes('@')) used.add(name.slice(0, name.indexOf('@')));
  const duckdbSql = internals.queries.filter((q) => q.source === undefined).map((q) => q.sql);
  for (const dataset of internals.datasets.values()) {
    if (dataset.name.includes('@') || dataset.broken || used.has(dataset.name) || duckdbSql.some((sql) => sql.includes(dataset.path))) continue;
    log.report(catalogue.datasetUnused(dataset.name), displayPath(files, dataset.path), { line: 1, column: 1 });
  }
}
