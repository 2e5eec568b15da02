import type { Cell, Dataset } from '../../data/dataset.js';
import { catalogue } from '../../../messages/catalogue.js';
import { HelperFailure, type HelperCall, type HelperPlugin } from '../helper-api.js';
import { describe } from './format-helpers.js';

/** Simple aggregates over a named dataset: `{{sum "releases" "count"}}`, `{{cell "orgs" "Baidu" "y2025"}}`. */
export const aggregateHelpers: HelperPlugin = (registry) => {
  const numeric = (name: string, reduce: (values: number[]) => number) =>
    registry.add(name, (call) => {
      const { dataset, column } = datasetColumn(call, name);
      const values = numbersOf(dataset, column, name);
      if (values.length === 0) throw new HelperFailure(catalogue.helperFailed(name, `column "${column}" has no numbers`));
      return reduce(values);
    });
  numeric('sum', (v) => v.reduce((a, b) => a + b, 0));
  numeric('mean', (v) => v.reduce((a, b) => a + b, 0) / v.length);
  numeric('min', (v) => Math.min(...v));
  numeric('max', (v) => Math.max(...v));
  registry.add('first', (call) => edge(call, 'first', (rows) => rows[0]));
  registry.add('last', (call) => edge(call, 'last', (rows) => rows[rows.length - 1]));
  registry.add('count', (call) => findDataset(call, 'count').rows.length);
  const extreme = (name: string, better: (a: number, b: number) => boolean) =>
    registry.add(name, (call) => {
      const { dataset, column } = datasetColumn(call, name);
      const label = stringArg(call, name, 2, 'the column to return');
      requireColumn(dataset, label);
      let best: Dataset['rows'][number] | undefined;
      for (const row of dataset.rows) {
        const v = row[column];
        if (typeof v === 'number' && (best === undefined || better(v, best[column] as number))) best = row;
      }
      if (!best) throw new HelperFailure(catalogue.helperFailed(name, `column "${column}" has no numbers`));
      return best[label] ?? null;
    });
  extreme('argmax', (a, b) => a > b);
  extreme('argmin', (a, b) => a < b);
  registry.add('cell', (call) => {
    const dataset = findDataset(call, 'cell');
    const key = call.args[1];
    const column = stringArg(call, 'cell', 2, 'a column name');
    const by = call.hash['by'] ?? dataset.columns[0];
    if (typeof by !== 'string') throw new HelperFailure(catalogue.helperFailed('cell', 'by must be a column name'));
    requireColumn(dataset, by);
    requireColumn(dataset, column);
    const row = dataset.rows.find((r) => String(r[by]) === String(key));
    if (!row) throw new HelperFailure(catalogue.keyNotFound(dataset.name, by, String(key)));
    return row[column];
  });
};

function edge(call: HelperCall, name: string, pick: (rows: Dataset['rows']) => Dataset['rows'][number] | undefined): Cell {
  const { dataset, column } = datasetColumn(call, name);
  const row = pick(dataset.rows);
  if (!row) throw new HelperFailure(catalogue.helperFailed(name, `dataset "${dataset.name}" is empty`));
  return row[column] ?? null;
}

/** Named arguments that are options, not column filters. */
const OPTIONS = new Set(['by', 'digits']);

/**
 * The dataset named by the first argument, narrowed by any named arguments that name columns:
 * `{{sum "weekly" "downloads" region="EU"}}` sums the rows whose region is EU.
 */
export function findDataset(call: HelperCall, name: string): Dataset {
  const id = stringArg(call, name, 0, 'a dataset name');
  const dataset = call.datasets.get(id);
  if (!dataset) throw new HelperFailure(catalogue.dataUnknown(id, [...call.datasets.keys()]));
  if (dataset.broken) throw new HelperFailure(catalogue.followOn(id));
  const filters = Object.entries(call.hash).filter(([key]) => !OPTIONS.has(key));
  if (filters.length === 0) return dataset;
  for (const [column] of filters) requireColumn(dataset, column);
  const keep = dataset.rows.map((row) => filters.every(([column, value]) => String(row[column]) === String(value)));
  return {
    ...dataset,
    rows: dataset.rows.filter((_, i) => keep[i]),
    rowPlaces: dataset.rowPlaces.filter((_, i) => keep[i]),
  };
}

function datasetColumn(call: HelperCall, name: string): { dataset: Dataset; column: string } {
  const dataset = findDataset(call, name);
  const column = stringArg(call, name, 1, 'a column name');
  requireColumn(dataset, column);
  return { dataset, column };
}

function requireColumn(dataset: Dataset, column: string): void {
  if (!dataset.columns.includes(column)) throw new HelperFailure(catalogue.columnUnknown(dataset.name, column, dataset.columns));
}

function stringArg(call: HelperCall, name: string, index: number, what: string): string {
  const value = call.args[index];
  if (typeof value === 'string' && value !== '') return value;
  throw new HelperFailure(catalogue.helperFailed(name, `argument ${index + 1} must be ${what}, got ${describe(value)}`));
}

function numbersOf(dataset: Dataset, column: string, name: string): number[] {
  const values: number[] = [];
  dataset.rows.forEach((row) => {
    const v = row[column];
    if (v === null || v === undefined) return;
    if (typeof v !== 'number') {
      throw new HelperFailure(catalogue.helperFailed(name, `column "${column}" of "${dataset.name}" holds the non-number ${describe(v)}`));
    }
    values.push(v);
  });
  return values;
}
