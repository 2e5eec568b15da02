import { createHash } from 'node:crypto';
import type { KeyValueCache } from '../../edges/cache/key-value-cache.js';
import { MessageLog } from '../../messages/message-log.js';
import type { Message } from '../../messages/message.js';
import { bindData } from './bind-data.js';
import { parseSpecJson } from './parse-spec-json.js';
import { readsUnchanged, recordingFiles, type RecordedRead } from './recorded-reads.js';
import type { ChartRequest, RenderedChart } from './render-chart.js';

/** A rendered chart with what its render reported and read, so a reuse is indistinguishable from a render. */
export interface CachedChart {
  chart: RenderedChart;
  /** Warnings reported while rendering (a chart with errors is never cached). */
  messages: Message[];
  reads: RecordedRead[];
}

/** Handed in by the caller (memory for preview and batches, disk for rebuilds); the pipeline only asks and tells. */
export type ChartCache = KeyValueCache<CachedChart>;

/** Bump when what a key covers or what an entry holds changes, so old entries are never read. */
const KEY_FORMAT = 2;

/**
 * Renders a chart, or reuses an earlier render of the same chart. A rendered chart is a pure
 * function of the spec as written (and where it is written: messages carry positions), the data
 * it binds, the theme, parameters, language and interactivity, plus the files it reads while
 * drawing (images), which are checked again on reuse. Library versions and fonts are the cache's
 * own stamp. Vega and Vega-Lite are imported only when a chart has to be drawn.
 */
export async function renderChartCached(req: ChartRequest, log: MessageLog, cache: ChartCache | undefined): Promise<RenderedChart | undefined> {
  const key = cache ? chartKey(req) : undefined;
  const hit = key === undefined ? undefined : cache?.get(key);
  if (hit && readsUnchanged(hit.reads, req.files)) {
    for (const message of hit.messages) log.add(message);
    return hit.chart;
  }
  const { renderChart } = await import('./render-chart.js');
  if (key === undefined || !cache) return renderChart(req, log);
  const recorder = new MessageLog();
  const recording = recordingFiles(req.files);
  const chart = await renderChart({ ...req, files: recording.files }, recorder);
  for (const message of recorder.messages) log.add(message);
  if (chart && !recorder.hasErrors) cache.set(key, { chart, messages: [...recorder.messages], reads: recording.reads() });
  return chart;
}

/**
 * The digest of everything a chart depends on in the briefing, with its data bound inline (so a
 * changed row, data file or SQL result changes it) and the columns of each data source; undefined
 * when the spec does not parse or bind, since such a chart is rendered only to report its errors.
 */
export function chartKey(req: ChartRequest): string | undefined {
  const scratch = new MessageLog();
  const { file, text, origin } = req.source;
  try {
    const parsed = parseSpecJson(text, origin ?? { line: 1, column: 1 }, file, scratch);
    if (!parsed) return undefined;
    const bound = bindData(parsed.value, req, { file, positions: parsed.positions, log: scratch });
    if (!bound.ok || scratch.hasErrors) return undefined;
    // The field check reads each data source's columns, which rows alone do not carry when there are none.
    const columns = [...bound.sources].map(([path, source]) => [path, source.name, source.columns ?? null]);
    const inputs = [KEY_FORMAT, req.files.root, file, origin ?? null, text, req.theme, req.params ?? {}, req.lang ?? null, req.interactive === true, bound.spec, columns];
    return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
  } catch {
    return undefined;
  }
}

/** Shape check of an entry read back from disk (another version may have written it, or a person). */
export function isCachedChart(value: unknown): value is CachedChart {
  if (!isRecord(value) || !Array.isArray(value['messages']) || !Array.isArray(value['reads'])) return false;
  const chart = value['chart'];
  if (!isRecord(chart) || typeof chart['svg'] !== 'string' || !Array.isArray(chart['datasets'])) return false;
  const table = chart['table'];
  return isRecord(table) && Array.isArray(table['columns']) && Array.isArray(table['rows']);
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
