/**
 * Plain, locale-neutral cell text for the data table: numbers with at most four decimals (four
 * significant digits below one), temporal values as ISO dates, in local time as Vega draws them.
 */
export function formatCell(value: unknown, temporal: boolean): string {
  if (value === null || value === undefined) return '';
  if (temporal && (value instanceof Date || typeof value === 'number')) return isoDate(new Date(value));
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  const rounded = Math.abs(n) >= 1 ? Number(n.toFixed(4)) : Number(n.toPrecision(4));
  return String(rounded);
}

function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const midnight = d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0;
  return midnight ? date : `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
