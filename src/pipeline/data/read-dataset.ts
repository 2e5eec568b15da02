import { displayPath, type BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { DatasetRules } from './dataset-builder.js';
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
export async function readDataset(files: BriefingFiles, path: string, rules: DatasetRules, log: MessageLog): Promise<Dataset | undefined> {
  const name = datasetName(path);
  const display = displayPath(files, path);
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
