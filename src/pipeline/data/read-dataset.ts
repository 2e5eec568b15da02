import { displayPath, type BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import { MessageLog } from '../../messages/message-log.js';
import type { DatasetRules } from './dataset-builder.js';
import { datasetKey, frozenDataset, keyedReads, type DatasetCache } from './dataset-cache.js';
import type { Dataset } from './dataset.js';
import { DelimitedDataset } from './delimited-dataset.js';
import { DelimitedSyntaxError, readDelimitedStream } from './delimited-records.js';
import { datasetName, delimiterOf, parseDataset, reportSyntaxError } from './parse-dataset.js';

/**
 * Reads one data file of a briefing. CSV/TSV is streamed when the files can stream, so a
 * 100,000-row file is never held as one string next to its rows; JSON is read whole (it must be
 * parsed whole anyway to be an array). JSON that holds an object rather than an array is left to
 * the charts that read it by url (see `documentData`).
 */
export async function readDataset(files: BriefingFiles, path: string, rules: DatasetRules, log: MessageLog, cache?: DatasetCache): Promise<Dataset | undefined> {
  const display = displayPath(files, path);
  const key = cache && (await datasetKey(files, path, rules));
  if (!cache || key === undefined) return readUncached(files, path, display, rules, log);
  const hit = cache.get(key);
  if (hit) {
    for (const message of hit.messages) log.add({ ...message, file: display });
    return hit.dataset;
  }
  // Read into a log of its own, so the messages can be given again with the dataset on a hit;
  // kept only when the bytes parsed are the ones the key names (the file did not change meanwhile).
  const own = new MessageLog();
  const reads = keyedReads(files, path, rules);
  const dataset = await readUncached(reads.files, path, display, rules, own);
  const entry = { dataset: dataset && frozenDataset(dataset), messages: own.messages };
  for (const message of entry.messages) log.add(message);
  if (reads.key() === key) cache.set(key, entry);
  return entry.dataset;
}

async function readUncached(files: BriefingFiles, path: string, display: string, rules: DatasetRules, log: MessageLog): Promise<Dataset | undefined> {
  const name = datasetName(path);
  const delimiter = delimiterOf(path);
  const stream = delimiter ? files.openStream?.(path) : undefined;
  if (!delimiter || !stream) {
    const text = files.readText(path);
    // A JSON document (a GeoJSON map, a TopoJSON file named .json) is for charts, not a record set.
    if (text === undefined || (path.toLowerCase().endsWith('.json') && text.trimStart().startsWith('{'))) return undefined;
    return parseDataset(path, text, display, log, rules);
  }
  const dataset = new DelimitedDataset({ name, path, display, ...rules }, log);
  try {
    await readDelimitedStream(stream, delimiter, dataset.add);
  } catch (e) {
    if (e instanceof DelimitedSyntaxError) return reportSyntaxError(e, name, display, log);
    // The file vanished or became unreadable between listing and reading.
    log.report(catalogue.dataParse(name, `could not be read (${e instanceof Error ? e.message : String(e)})`), display);
    return undefined;
  }
  return dataset.finish();
}
