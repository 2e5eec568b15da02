import { parseDataset } from '../../../src/pipeline/data/parse-dataset.js';
import type { Dataset } from '../../../src/pipeline/data/dataset.js';
import { memoryFiles, type BriefingFiles } from '../../../src/edges/files/briefing-files.js';
import { memoryCache } from '../../../src/edges/cache/memory-cache.js';
import { MessageLog } from '../../../src/messages/message-log.js';
import type { CachedChart, ChartCache } from '../../../src/pipeline/charts/cached-chart.js';
import type { Message, Place } from '../../../src/messages/message.js';
import { defaultChartTheme, type ChartTheme } from '../../../src/pipeline/charts/chart-theme.js';
import { renderChart, type ChartRequest, type RenderedChart } from '../../../src/pipeline/charts/render-chart.js';

export const FILE = 'brief/charts/a.vl.json';

export const CSV = {
  'data/releases.csv': 'model,lab,date,downloads\nR1,DeepSeek,2025-01-20,120\nV3,DeepSeek,2024-12-26,80.5\nLlama 3,Meta,2024-04-18,300\n',
  'data/prices.csv': 'lab,price\nDeepSeek,0.55\nMeta,0.9\n',
};

export function datasetsOf(files: BriefingFiles, paths: string[]): Map<string, Dataset> {
  const log = new MessageLog();
  const map = new Map<string, Dataset>();
  for (const path of paths) {
    const ds = parseDataset(path, files.readText(path) ?? '', path, log);
    if (ds) map.set(ds.name, ds);
  }
  return map;
}

export interface Rendered {
  chart: RenderedChart | undefined;
  messages: readonly Message[];
}

/** Renders a spec (object or text) against the sample briefing folder. */
export async function render(
  spec: object | string,
  options: {
    origin?: Place;
    file?: string;
    extraFiles?: Record<string, string | Uint8Array>;
    params?: ChartRequest['params'];
    lang?: string;
    theme?: ChartTheme;
    interactive?: boolean;
  } = {},
): Promise<Rendered> {
  const files = memoryFiles({ ...CSV, ...options.extraFiles }, 'brief');
  const text = typeof spec === 'string' ? spec : JSON.stringify(spec, null, 2);
  const log = new MessageLog();
  const req: ChartRequest = {
    source: { file: options.file ?? FILE, text, ...(options.origin ? { origin: options.origin } : {}) },
    files,
    datasets: datasetsOf(files, Object.keys(CSV)),
    theme: options.theme ?? defaultChartTheme,
    ...(options.params ? { params: options.params } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.interactive ? { interactive: true } : {}),
  };
  const chart = await renderChart(req, log);
  return { chart, messages: log.messages };
}

/** Messages without severity/file noise, for exact assertions. */
export function brief(messages: readonly Message[]) {
  return messages.map((m) => ({ ruleId: m.ruleId, reason: m.reason, place: m.place }));
}

/** A memory cache that counts how many charts were drawn (stored) and how many were reused. */
export function countingCache(): { cache: ChartCache; drawn: () => number; reused: () => number } {
  const inner = memoryCache<CachedChart>();
  let drawn = 0;
  let looked = 0;
  return {
    cache: {
      get: (key) => {
        looked += 1;
        return inner.get(key);
      },
      set: (key, value) => {
        drawn += 1;
        inner.set(key, value);
      },
    },
    drawn: () => drawn,
    reused: () => looked - drawn,
  };
}
