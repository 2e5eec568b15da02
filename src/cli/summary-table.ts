import type { BuildOutcome } from '../features/build/build-briefing.js';

/** A plain-text table: briefing, pages, seconds, result. */
export function summaryTable(outcomes: readonly BuildOutcome[]): string {
  const rows = outcomes.map((o) => [
    o.label,
    o.pages === undefined ? '-' : String(o.pages),
    o.seconds.toFixed(1),
    o.status === 'built' ? 'ok' : o.status === 'up-to-date' ? 'up to date' : o.failure ? 'failed' : errorCount(o.messages.filter((m) => m.severity === 'error').length),
  ]);
  const header = ['briefing', 'pages', 'seconds', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const built = outcomes.filter((o) => o.status === 'built').length;
  const current = outcomes.filter((o) => o.status === 'up-to-date').length;
  const total = `${built} of ${outcomes.length} built${current > 0 ? `, ${current} up to date` : ''}`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), total].join('\n');
}

/** "1 error", "3 errors". */
function errorCount(n: number): string {
  return `${n} error${n === 1 ? '' : 's'}`;
}
