import type { OutputRecord } from '../archive/output-record.js';

export type Format = 'html' | 'pdf';

/** What to do with one archived output, given what is on disk. */
export type Verdict =
  | { kind: 'build'; formats: readonly Format[] }
  | { kind: 'up-to-date' }
  | { kind: 'refuse'; reason: string };

export interface ExistingOutput {
  /** Shown in messages: `out/open-model-weekly/2026-W10/EU`. */
  path: string;
  exists: boolean;
  /** Its `output.json`, when it has one we can read. */
  record: OutputRecord | undefined;
}

/**
 * Idempotent by default. A new output is built. An output built from the same inputs is up to
 * date (a format it lacks is added; nothing else changes). One built from other inputs is kept
 * and the build says so — replacing a published issue is a decision, made with `--force`.
 */
export function judgeOutput(existing: ExistingOutput, inputs: string, formats: readonly Format[], force: boolean): Verdict {
  if (!existing.exists || force) return { kind: 'build', formats };
  const { record } = existing;
  if (!record) {
    return { kind: 'refuse', reason: `${existing.path} exists but has no build record (built by an older brief?); rebuild it with --force to replace it` };
  }
  if (record.inputs !== inputs) {
    return { kind: 'refuse', reason: `${existing.path} was built from other inputs (its sources, parameters or data changed since); rebuild it with --force to replace it` };
  }
  const had: Format[] = [...(record.html ? (['html'] as const) : []), ...(record.pdf ? (['pdf'] as const) : [])];
  const missing = formats.filter((f) => !had.includes(f));
  return missing.length === 0 ? { kind: 'up-to-date' } : { kind: 'build', formats: [...new Set([...had, ...formats])] };
}
