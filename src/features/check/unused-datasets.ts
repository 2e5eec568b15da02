import { displayPath, type BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { RenderInternals, RenderResult } from '../../pipeline/render-briefing.js';
import { datasetNamesInProse, datasetsInSpec } from './dataset-usage.js';

/**
 * A data file nothing reads is usually a leftover or a typo in a name elsewhere. Used means: a
 * chart binds it (rendered, or requested and failed), a helper looked it up, or the text reads
 * `data.<name>`.
 */
export function reportUnusedDatasets(result: RenderResult, internals: RenderInternals, files: BriefingFiles, log: MessageLog): void {
  const used = new Set<string>([
    ...internals.helperDatasets,
    ...datasetNamesInProse(internals.prose.map((p) => p.text)),
    ...result.figures.flatMap((f) => f.chart.datasets),
  ]);
  for (const request of internals.requests) {
    const text = request.spec.kind === 'inline' ? request.spec.text : files.readText(request.spec.path);
    if (text !== undefined) for (const name of datasetsInSpec(text)) used.add(name);
  }
  // A period window (`weekly@current`) is a use of its dataset.
  for (const name of [...used]) used.add(name.split('@')[0] ?? name);
  for (const dataset of internals.datasets.values()) {
    if (!used.has(dataset.name) && !dataset.name.includes('@') && !dataset.broken) log.report(catalogue.datasetUnused(dataset.name), displayPath(files, dataset.path), { line: 1, column: 1 });
  }
}
