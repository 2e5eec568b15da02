import { formatMessage } from '../../messages/format-message.js';
import type { Message } from '../../messages/message.js';

/** One briefing folder's outcome. */
export interface CheckedBriefing {
  dir: string;
  messages: readonly Message[];
  /** Problems this variant shares with an earlier variant of the same folder: counted in its verdict, printed once. */
  shared?: readonly Message[];
}

export interface Summary {
  briefings: number;
  errors: number;
  warnings: number;
}

/** The `--format json` document, one object for the whole run (shape documented in the README). */
export interface JsonReport {
  messages: Array<{
    file: string;
    line: number | null;
    column: number | null;
    severity: Message['severity'];
    ruleId: string;
    message: string;
  }>;
  summary: Summary;
}

/** `--strict`: every warning becomes an error, in the output as in the exit code. */
export function strictMessages(messages: readonly Message[]): Message[] {
  return messages.map((m) => (m.severity === 'warning' ? { ...m, severity: 'error' } : m));
}

export function summarize(checked: readonly CheckedBriefing[]): Summary {
  const all = checked.flatMap((c) => c.messages);
  return {
    briefings: checked.length,
    errors: all.filter((m) => m.severity === 'error').length,
    warnings: all.filter((m) => m.severity === 'warning').length,
  };
}

export function jsonReport(checked: readonly CheckedBriefing[]): JsonReport {
  return {
    messages: checked.flatMap((c) =>
      c.messages.map((m) => ({
        file: m.file,
        line: m.place?.line ?? null,
        column: m.place?.column ?? null,
        severity: m.severity,
        ruleId: m.ruleId,
        message: m.reason,
      })),
    ),
    summary: summarize(checked),
  };
}

/** One line per message, then one verdict line per briefing. */
export function textReport(checked: readonly CheckedBriefing[]): string[] {
  return checked.flatMap((c) => {
    const shared = c.shared ?? [];
    const { errors, warnings } = summarize([{ dir: c.dir, messages: [...c.messages, ...shared] }]);
    const above = shared.length > 0 ? ` (${shared.length} as above)` : '';
    const verdict =
      errors + warnings === 0
        ? `✓ ${c.dir}: no problems`
        : `${errors > 0 ? '✗' : '!'} ${c.dir}: ${count(errors, 'error')}, ${count(warnings, 'warning')}${above}`;
    return [...c.messages.map(formatMessage), verdict];
  });
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
