import type { RenderInternals, RenderResult } from '../render-briefing.js';
import Handlebars from 'handlebars';
import { parse as parseJsonc } from 'jsonc-parser';
import { datasetName } from './parse-dataset.js';
import { normalizeInside, type BriefingFiles } from '../../edges/files/briefing-files.js';
import { isCall, isPath, walk, type HbNode, type HbProgram } from '../prose/handlebars-ast.js';
import type { FigureRequest } from '../markdown/figure-requests.js';

/**
 * Names the narrative may use as datasets: `data.<name>` (also `../data.<name>`,
 * `@root.data.<name>`, `lookup data "<name>"`) and every string literal passed to a helper
 * (`{{sum "sales" "units"}}`). Static, from the Handlebars AST, so a call that was not evaluated
 * (inside an `{{#if}}` not taken, or next to an error) still counts. The caller intersects the
 * result with the real dataset names. A file that does not parse is skipped: the prose stage
 * reports its syntax error.
 */
export function datasetNamesInProse(texts: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const text of texts) {
    if (!text.includes('{{')) continue;
    let program: HbProgram;
    try {
      program = Handlebars.parse(text) as unknown as HbProgram;
    } catch {
      continue;
    }
    walk(program, (node) => {
      if (isPath(node)) {
        const parts = node.data && node.parts[0] === 'root' ? node.parts.slice(1) : node.parts;
        if (parts[0] === 'data' && parts[1] !== undefined) names.add(parts[1]);
      }
      if (isCall(node)) {
        for (const param of node.params) if (param.type === 'StringLiteral') names.add((param as HbNode & { value: string }).value);
      }
    });
  }
  return names;
}

/**
 * Briefing datasets a chart spec refers to: every `"data": {"name": …}` or `{"url": "data/…"}`
 * anywhere in it (top level, layers, lookup transforms). Read leniently, so a spec that fails
 * validation still counts as using its data and does not add a misleading "never used".
 */
export function datasetsInSpec(text: string): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const data = record['data'];
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      const { name, url } = data as Record<string, unknown>;
      if (typeof name === 'string') names.add(name);
      const path = typeof url === 'string' ? normalizeInside(url) : undefined;
      if (path?.startsWith('data/')) names.add(datasetName(path));
    }
    Object.values(record).forEach(visit);
  };
  visit(parseJsonc(text, [], { allowTrailingComma: true }));
  return names;
}

/** What a render read data through: helper lookups, the narrative's text, chart specs (requested or rendered). */
export interface DataReaders {
  helperDatasets: ReadonlySet<string>;
  proseTexts: readonly string[];
  requests: readonly FigureRequest[];
  /** Datasets the rendered charts bound. */
  chartDatasets: readonly string[];
  files: BriefingFiles;
}

/**
 * The dataset names a briefing reads (windows such as `weekly@current` included, as named).
 * `brief check` flags data files outside this set; the build hashes exactly these datasets' rows
 * to know whether an archived output is still up to date.
 */
export function usedDatasets(readers: DataReaders): Set<string> {
  const used = new Set<string>([...readers.helperDatasets, ...datasetNamesInProse(readers.proseTexts), ...readers.chartDatasets]);
  for (const request of readers.requests) {
    const text = request.spec.kind === 'inline' ? request.spec.text : readers.files.readText(request.spec.path);
    if (text !== undefined) for (const name of datasetsInSpec(text)) used.add(name);
  }
  return used;
}

/** The datasets a finished render read: the one question both the build's input hash and `check` ask. */
export function datasetsUsedBy(result: Pick<RenderResult, 'figures'>, internals: RenderInternals, files: BriefingFiles): Set<string> {
  return usedDatasets({
    helperDatasets: internals.helperDatasets,
    proseTexts: internals.prose.map((p) => p.text),
    requests: internals.requests,
    chartDatasets: result.figures.flatMap((f) => f.chart.datasets),
    files,
  });
}
