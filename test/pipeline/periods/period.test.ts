import { describe, expect, it } from 'vitest';
import {
  isoWeekOf,
  isoWeeksInYear,
  parsePeriod,
  parsePeriodRange,
  periodContaining,
  periodLabel,
  previousPeriod,
  sameLastYear,
  shiftPeriod,
  trailingPeriods,
  type Period,
} from '../../../src/pipeline/periods/period.js';

const p = (id: string): Period => {
  const period = parsePeriod(id);
  if (!period) throw new Error(`bad period ${id}`);
  return period;
};
const ids = (periods: Period[]) => periods.map((x) => x.id);

describe('periods', () => {
  it('parses the four kinds with their first and last days', () => {
    expect(p('2026-W48')).toEqual({ kind: 'week', year: 2026, index: 48, id: '2026-W48', start: '2026-11-23', end: '2026-11-29' });
    expect(p('2026-11')).toMatchObject({ kind: 'month', start: '2026-11-01', end: '2026-11-30' });
    expect(p('2024-02')).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(p('2026-Q4')).toMatchObject({ kind: 'quarter', start: '2026-10-01', end: '2026-12-31' });
    expect(p('2026')).toMatchObject({ kind: 'year', start: '2026-01-01', end: '2026-12-31' });
    for (const bad of ['2026-W54', '2026-W00', '2025-W53', '2026-13', '2026-Q5', '26', '2026-1', 'latest']) expect(parsePeriod(bad), bad).toBeUndefined();
  });

  it('knows ISO years with 53 weeks and days that belong to the neighbouring ISO year', () => {
    expect([2015, 2020, 2026, 2032].map(isoWeeksInYear)).toEqual([53, 53, 53, 53]);
    expect([2021, 2024, 2025, 2027].map(isoWeeksInYear)).toEqual([52, 52, 52, 52]);
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf('2026-12-31')).toEqual({ year: 2026, week: 53 });
    expect(p('2026-W53')).toMatchObject({ start: '2026-12-28', end: '2027-01-03' });
    expect(p('2025-W01')).toMatchObject({ start: '2024-12-30', end: '2025-01-05' });
  });

  it('steps across year boundaries', () => {
    expect(previousPeriod(p('2027-W01')).id).toBe('2026-W53');
    expect(previousPeriod(p('2026-W01')).id).toBe('2025-W52');
    expect(shiftPeriod(p('2026-W53'), 1).id).toBe('2027-W01');
    expect(previousPeriod(p('2026-01')).id).toBe('2025-12');
    expect(shiftPeriod(p('2026-11'), 14).id).toBe('2028-01');
    expect(previousPeriod(p('2026-Q1')).id).toBe('2025-Q4');
    expect(shiftPeriod(p('2026-Q4'), 1).id).toBe('2027-Q1');
    expect(previousPeriod(p('2026')).id).toBe('2025');
  });

  it('finds the same period last year, week 53 included', () => {
    expect(sameLastYear(p('2026-W48')).id).toBe('2025-W48');
    expect(sameLastYear(p('2026-W53')).id).toBe('2025-W52');
    expect(sameLastYear(p('2021-W01')).id).toBe('2020-W01');
    expect(sameLastYear(p('2026-02')).id).toBe('2025-02');
    expect(sameLastYear(p('2026-Q3')).id).toBe('2025-Q3');
  });

  it('lists trailing periods and ranges, oldest first', () => {
    expect(ids(trailingPeriods(p('2026-W02'), 4))).toEqual(['2025-W51', '2025-W52', '2026-W01', '2026-W02']);
    expect(ids(trailingPeriods(p('2026-02'), 3))).toEqual(['2025-12', '2026-01', '2026-02']);
    const range = parsePeriodRange('2026-W40..2026-W48');
    expect(Array.isArray(range) && ids(range)).toEqual(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    const year = parsePeriodRange('2026-W01..2026-W53');
    expect(Array.isArray(year) && year.length).toBe(53);
    expect(parsePeriodRange('2026-W48..2026-11')).toBe('"2026-W48..2026-11": both ends of a range must be periods of the same kind');
    expect(parsePeriodRange('2026-W48..2026-W40')).toBe('"2026-W48..2026-W40": the range ends before it starts');
    expect(parsePeriodRange('soon')).toMatch(/is not a period/);
  });

  it('finds the period containing a day', () => {
    expect(periodContaining('week', '2026-11-29').id).toBe('2026-W48');
    expect(periodContaining('week', '2027-01-01').id).toBe('2026-W53');
    expect(periodContaining('quarter', '2026-09-30').id).toBe('2026-Q3');
    expect(periodContaining('month', '2026-02-28').id).toBe('2026-02');
  });

  it('labels periods in English and Chinese', () => {
    expect(periodLabel(p('2026-W48'), 'en')).toBe('Week 48, 2026');
    expect(periodLabel(p('2026-W48'), 'zh')).toBe('2026年第48周');
    expect(periodLabel(p('2026-11'), 'en')).toBe('November 2026');
    expect(periodLabel(p('2026-11'), 'zh-CN')).toBe('2026年11月');
    expect(periodLabel(p('2026-Q4'), 'en')).toBe('Q4 2026');
    expect(periodLabel(p('2026'), 'zh')).toBe('2026年');
  });
});
