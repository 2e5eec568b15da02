import { csvParseRows, tsvParseRows } from 'd3-dsv';
import type { Datasets } from '../../pipeline/data/dataset.js';
import { displayPath, type BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';

/**
 * A CSV/TSV row with more or fewer cells than the header. The data stage quietly drops extra
 * cells and fills missing ones with null, so a stray comma shifts values into the wrong column
 * without a word; `brief check` reports it at the row's line.
 */
export function checkDataRows(datasets: Datasets, files: BriefingFiles, log: MessageLog): void {
  for (const dataset of datasets.values()) {
    // Period windows (`weekly@current`) share their dataset's file: its rows are checked once, there.
    if (dataset.name.includes('@') || dataset.broken) continue;
    const lower = dataset.path.toLowerCase();
    if (!lower.endsWith('.csv') && !lower.endsWith('.tsv')) continue;
    const text = files.readText(dataset.path);
    if (text === undefined) continue;
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const table = lower.endsWith('.csv') ? csvParseRows(body) : tsvParseRows(body);
    const width = table[0]?.length ?? 0;
    // Same blank-line rule as the data stage, so the k-th record here is dataset.rows[k].
    const records = table.slice(1).filter((cells) => !(cells.length === 1 && cells[0] === ''));
    records.forEach((cells, k) => {
      if (cells.length === width) return;
      const place = dataset.rowPlaces[k];
      log.report(catalogue.dataRowWidth(dataset.name, k + 1, cells.length, width), displayPath(files, dataset.path), place);
    });
  }
}
