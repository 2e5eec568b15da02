import type { Dataset } from '../data/dataset.js';
import type { DataDeclaration } from '../frontmatter/data-declarations.js';
import { periodContaining, previousPeriod, sameLastYear, trailingPeriods, type Period, type PeriodKind } from './period.js';

export const WINDOWS = ['current', 'previous', 'lastyear', 'trailing'] as const;

/** The windows of a period that datasets with a date column are sliced into. */
export function windowRanges(period: Period, trailing: number): Record<(typeof WINDOWS)[number], { start: string; end: string }> {
  const first = trailingPeriods(period, trailing)[0] ?? period;
  return {
    current: period,
    previous: previousPeriod(period),
    lastyear: sameLastYear(period),
    trailing: { start: first.start, end: period.end },
  };
}

/**
 * For each dataset that declares a `date` column, adds `<name>@current`, `@previous`, `@lastyear`
 * and `@trailing` (the last `trailing` periods, current included): rows whose date falls in the
 * window. Helpers and chart specs name them like any dataset.
 */
export function periodWindows(
  datasets: ReadonlyMap<string, Dataset>,
  declarations: Readonly<Record<string, DataDeclaration>>,
  period: Period,
): Map<string, Dataset> {
  const windows = new Map<string, Dataset>();
  for (const [name, declaration] of Object.entries(declarations)) {
    const dataset = datasets.get(name);
    const column = declaration.date?.column;
    if (!dataset || !column || !dataset.columns.includes(column)) continue;
    for (const [window, range] of Object.entries(windowRanges(period, declaration.trailing))) {
      const rows: Dataset['rows'] = [];
      const rowPlaces: Dataset['rowPlaces'] = [];
      dataset.rows.forEach((row, i) => {
        const value = row[column];
        const date = typeof value === 'string' ? value.slice(0, 10) : '';
        if (date >= range.start && date <= range.end) {
          rows.push(row);
          rowPlaces.push(dataset.rowPlaces[i] ?? { line: 0, column: 0 });
        }
      });
      windows.set(`${name}@${window}`, { ...dataset, name: `${name}@${window}`, rows, rowPlaces });
    }
  }
  return windows;
}

/** The latest period that any dated row falls in (`--period latest`). */
export function latestPeriod(
  kind: PeriodKind,
  datasets: ReadonlyMap<string, Dataset>,
  declarations: Readonly<Record<string, DataDeclaration>>,
): Period | undefined {
  let latest = '';
  for (const [name, declaration] of Object.entries(declarations)) {
    const dataset = datasets.get(name);
    const column = declaration.date?.column;
    if (!dataset || column === undefined) continue;
    for (const row of dataset.rows) {
      const value = row[column];
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && value.slice(0, 10) > latest) latest = value.slice(0, 10);
    }
  }
  return latest === '' ? undefined : periodContaining(kind, latest);
}

/** A dated dataset that has no row anywhere near the period: the period is before its first or after its last row. */
export interface UncoveredPeriod {
  dataset: Dataset;
  /** The periods of the period's kind holding the first and the last row; undefined when the dataset has no dated rows. */
  covers: { first: Period; last: Period } | undefined;
}

/**
 * The dated datasets the period lies entirely outside of. A gap inside the data (a quiet week) is a
 * real zero and builds; a period before the first or after the last row is a mistake (a typo in
 * `--period`, data not delivered yet) that would otherwise surface as dozens of empty-chart errors.
 */
export function uncoveredDatasets(
  datasets: ReadonlyMap<string, Dataset>,
  declarations: Readonly<Record<string, DataDeclaration>>,
  period: Period,
): UncoveredPeriod[] {
  const uncovered: UncoveredPeriod[] = [];
  for (const [name, declaration] of Object.entries(declarations)) {
    const dataset = datasets.get(name);
    const column = declaration.date?.column;
    if (!dataset || column === undefined || !dataset.columns.includes(column)) continue;
    let first = '';
    let last = '';
    for (const row of dataset.rows) {
      const value = row[column];
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) continue;
      const date = value.slice(0, 10);
      if (first === '' || date < first) first = date;
      if (date > last) last = date;
    }
    if (first !== '' && period.end >= first && period.start <= last) continue;
    const covers = first === '' ? undefined : { first: periodContaining(period.kind, first), last: periodContaining(period.kind, last) };
    uncovered.push({ dataset, covers });
  }
  return uncovered;
}
