import type { BuildOutcome } from '../features/build/build-briefing.js';

/** A plain-text table: briefing, pages, seconds, result. */
export function summaryTable(outcomes: readonly BuildOutcome[]): string {
  const rows = outcomes.map((o) => [
    o.label,
    o.pages === undefined ? '-' : String(o.pages),
    o.seconds.toFixed(1),
    o.ok ? 'ok' : o.failure ? 'failed' : `${o.messages.filter((m) => m.severity === 'error').length} errors`,
  ]);
  const header = ['briefing', 'pages', 'seconds', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const ok = outcomes.filter((o) => o.ok).length;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), `${ok} of ${outcomes.length} built`].join('\n');
}
