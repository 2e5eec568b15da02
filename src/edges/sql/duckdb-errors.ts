import type { QueryFailure } from './query-engine.js';

/** An error as DuckDB reports it with `errors_as_json`. */
export interface DuckdbError {
  exception_type?: string;
  exception_message: string;
  error_subtype?: string;
  /** Byte offset into the UTF-8 query text. */
  position?: string;
  name?: string;
  type?: string;
  candidates?: string;
}

/**
 * DuckDB's error as a failure placed in the author's text: byte positions become string
 * offsets, refused file access says what the rule is (and where the path is written, when
 * DuckDB gives no position), and a missing column keeps its candidates for "did you mean".
 */
export function duckdbFailure(error: DuckdbError, sql: string): QueryFailure {
  const detail = error.exception_message.split('\n')[0]?.trim() ?? '';
  let offset = error.position === undefined ? undefined : charOffset(sql, Number(error.position));
  const file = /^Cannot access (?:file|directory) "([^"]*)"/.exec(detail)?.[1];
  if (error.exception_type === 'Permission' || error.exception_type === 'Missing Extension') {
    const what = error.exception_type === 'Missing Extension' || /^[a-z][a-z0-9+.-]*:\/\//i.test(file ?? '')
      ? 'queries cannot reach the network or load extensions'
      : file !== undefined
        ? `reading "${file}" is refused: queries read only files inside the briefing folder`
        : `refused: ${detail}`;
    offset ??= file === undefined ? undefined : literalOffset(sql, file);
    return { kind: 'refused', message: what, ...(offset === undefined ? { offset: 0 } : { offset }) };
  }
  const name = error.name;
  if (error.error_subtype === 'COLUMN_NOT_FOUND' && name !== undefined) {
    return { kind: 'sql', message: `column "${name}" does not exist`, ...place(offset), missing: { name, candidates: splitCandidates(error.candidates) } };
  }
  if (error.exception_type === 'Catalog' && error.error_subtype === 'MISSING_ENTRY' && name !== undefined) {
    const entry = (error.type ?? 'entry').toLowerCase();
    // A quoted path DuckDB could not read as a file is reported as a missing table.
    if (entry === 'table' && /^([a-z][a-z0-9+.-]*:|\/|~)|(^|\/)\.\.(\/|$)/i.test(name)) {
      return { kind: 'refused', message: `reading "${name}" is refused: queries read only files inside the briefing folder`, ...place(offset) };
    }
    if (entry === 'table' && /[/.]/.test(name)) return { kind: 'sql', message: `no file "${name}" in the briefing folder (and no table of that name)`, ...place(offset) };
    const candidates = entry === 'table' ? [] : splitCandidates(error.candidates);
    return { kind: 'sql', message: `${entry} "${name}" does not exist`, ...place(offset), missing: { name, candidates } };
  }
  const pattern = /^No files found that match the pattern "([^"]*)"/.exec(detail)?.[1];
  if (pattern !== undefined) {
    return { kind: 'sql', message: `no file in the briefing folder matches "${pattern}"`, ...place(offset ?? literalOffset(sql, pattern)) };
  }
  const prefix = error.exception_type && error.exception_type !== 'Parser' && error.exception_type !== 'Binder' ? `${error.exception_type}: ` : '';
  return { kind: 'sql', message: `${prefix}${detail.replace(/!$/, '')}`, ...place(offset) };
}

const place = (offset: number | undefined) => (offset === undefined ? { offset: 0 } : { offset });

function splitCandidates(text: string | undefined): string[] {
  return (text ?? '').split(',').map((c) => c.trim().replace(/^"|"$/g, '')).filter(Boolean);
}

/** DuckDB counts UTF-8 bytes; JavaScript strings count UTF-16 units. */
export function charOffset(text: string, bytes: number): number {
  if (!Number.isFinite(bytes) || bytes <= 0) return 0;
  return Buffer.from(text, 'utf8').subarray(0, bytes).toString('utf8').length;
}

/** Where `'path'` is written in the SQL, for a refusal DuckDB did not place. */
function literalOffset(sql: string, path: string): number | undefined {
  const at = sql.indexOf(`'${path}'`);
  return at === -1 ? undefined : at;
}
