import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/pipeline/data/dataset.js';
import { parsePeriod } from '../../../src/pipeline/periods/period.js';
import { latestPeriod, periodWindows } from '../../../src/pipeline/periods/period-windows.js';

const weeks = ['2025-11-24', '2025-12-29', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-25'];
const releases: Dataset = {
  name: 'releases',
  path: 'data/releases.csv',
  columns: ['week', 'n'],
  rows: weeks.map((week, i) => ({ week, n: i + 1 })),
  rowPlaces: weeks.map((_, i) => ({ line: i + 2, column: 1 })),
};
const datasets = new Map([['releases', releases]]);
const declarations = { releases: { date: { column: 'week' }, trailing: 3 } };

describe('period windows', () => {
  it('slices dated datasets into current, previous, same-week-last-year and trailing windows', () => {
    const period = parsePeriod('2026-W48');
    if (!period) throw new Error('period');
    const windows = periodWindows(datasets, declarations, period);
    const ns = (name: string) => windows.get(name)?.rows.map((r) => r['n']);
    expect(ns('releases@current')).toEqual([5, 6]);
    expect(ns('releases@previous')).toEqual([4]);
    expect(ns('releases@lastyear')).toEqual([1]);
    expect(ns('releases@trailing')).toEqual([3, 4, 5, 6]);
    expect(windows.get('releases@previous')?.rowPlaces).toEqual([{ line: 5, column: 1 }]);
  });

  it('finds the latest period present in the data', () => {
    expect(latestPeriod('week', datasets, declarations)?.id).toBe('2026-W48');
    expect(latestPeriod('month', datasets, declarations)?.id).toBe('2026-11');
    expect(latestPeriod('week', datasets, {})).toBeUndefined();
  });
});
