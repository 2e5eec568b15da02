import { displayPath, type BriefingFiles } from '../load/briefing-files.js';
import { catalogue } from '../messages/catalogue.js';
import type { MessageLog } from '../messages/message-log.js';
import type { Dataset } from './dataset.js';
import { DATA_EXTENSIONS, datasetName, parseDataset } from './parse-dataset.js';

/** Loads every file in `data/`, keyed by file stem. Unreadable files are reported, not fatal here. */
export function loadDatasets(files: BriefingFiles, log: MessageLog): Map<string, Dataset> {
  const datasets = new Map<string, Dataset>();
  for (const name of files.list('data')) {
    if (name.startsWith('.')) continue;
    const path = `data/${name}`;
    const display = displayPath(files, path);
    if (!DATA_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) {
      if (!name.toLowerCase().endsWith('.md')) log.report(catalogue.dataFormat(path), display);
      continue;
    }
    const stem = datasetName(path);
    if (datasets.has(stem)) {
      log.report(catalogue.dataDuplicate(stem), display);
      continue;
    }
    const text = files.readText(path);
    if (text === undefined) continue;
    const dataset = parseDataset(path, text, display, log);
    if (dataset) datasets.set(stem, dataset);
  }
  return datasets;
}
