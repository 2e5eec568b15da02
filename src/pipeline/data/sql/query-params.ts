import type { SqlParam } from '../../../edges/sql/query-engine.js';
import type { ParamDeclaration } from '../../frontmatter/param-declarations.js';
import type { ParamValue } from '../../params/resolve-params.js';
import type { Period } from '../../periods/period.js';
import { windowRanges } from '../../periods/period-windows.js';

/**
 * The values a query may name: every declared parameter by its name, typed by its declaration
 * (a `date` parameter binds as a date, a `number` as a number), and with a period:
 *
 *   $period                          the period id, e.g. 2026-W02
 *   $period_start, $period_end       its first and last day (dates)
 *   $previous_start, $previous_end   the period before
 *   $lastyear_start, $lastyear_end   the same period a year earlier
 *   $trailing_start, $trailing_end   the last `trailing` periods (the dataset's, default 12), current included
 *
 * The period's names win over a declared parameter of the same name.
 */
export function queryParams(
  declared: Readonly<Record<string, ParamDeclaration>>,
  values: Readonly<Record<string, ParamValue>>,
  period: Period | undefined,
  trailing: number,
): Map<string, SqlParam> {
  const params = new Map<string, SqlParam>();
  for (const [name, declaration] of Object.entries(declared)) {
    const value = values[name];
    if (value === undefined) continue;
    if (declaration.type === 'date' && typeof value === 'string') params.set(name, { type: 'date', value });
    else if (typeof value === 'number') params.set(name, { type: 'number', value });
    else if (typeof value === 'boolean') params.set(name, { type: 'boolean', value });
    else params.set(name, { type: 'text', value: String(value) });
  }
  if (!period) return params;
  const ranges = windowRanges(period, trailing);
  params.set('period', { type: 'text', value: period.id });
  const windows = { period: ranges.current, previous: ranges.previous, lastyear: ranges.lastyear, trailing: ranges.trailing };
  for (const [window, range] of Object.entries(windows)) {
    params.set(`${window}_start`, { type: 'date', value: range.start });
    params.set(`${window}_end`, { type: 'date', value: range.end });
  }
  return params;
}
