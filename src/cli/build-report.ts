import type { BuildOutcome, Format } from '../features/build/build-briefing.js';
import { internalErrorLine, isInternal } from '../messages/errors.js';
import { formatMessage } from '../messages/format-message.js';
import type { Console } from './command.js';
import { printCauses } from './verbose.js';

export interface ReportOptions {
  formats: readonly Format[];
  /** Successes are not printed, only problems. */
  quiet: boolean;
  /** A failure is followed by its numbered cause chain. */
  verbose: boolean;
}

/** One outcome as progress lines: problems always (stderr), successes unless `--quiet` (stdout). */
export function reportOutcome(outcome: BuildOutcome, { formats, quiet, verbose }: ReportOptions, console: Console): void {
  for (const message of outcome.messages) console.err(formatMessage(message));
  for (const moved of outcome.moved) console.err(`! ${outcome.label}: a file left by an earlier build was in the archive's way; moved it to ${moved}`);
  if (outcome.failure) {
    console.err(`✗ ${outcome.label}: ${isInternal(outcome.failure) ? internalErrorLine(outcome.failure) : outcome.failure.message}`);
    printCauses(outcome.failure, verbose, console.err);
    return;
  }
  if (!outcome.ok) {
    const errors = outcome.messages.filter((m) => m.severity === 'error').length;
    console.err(`✗ ${outcome.label}: ${errors} error${errors === 1 ? '' : 's'}; nothing written`);
    return;
  }
  if (quiet) return;
  if (outcome.status === 'up-to-date') {
    console.out(`= ${outcome.label} is up to date (${outcome.written ?? ''}/)`);
    return;
  }
  const what = outcome.files.length > 0 ? outcome.files.join(' + ') : formats.join(' + ');
  const pages = outcome.pages === undefined ? '' : `, ${outcome.pages} pages`;
  console.out(`✓ ${outcome.label} → ${outcome.written ?? ''}/ (${what}${pages}, ${outcome.seconds.toFixed(1)} s)`);
}
