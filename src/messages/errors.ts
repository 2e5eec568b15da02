import { catalogue } from './catalogue.js';
import type { Message } from './message.js';

/**
 * The request itself cannot be carried out as asked: a slug that is taken, a template or publish
 * target that does not exist, a parameter value that does not fit. Features throw it (or a
 * subclass) and the CLI shows it as a usage error (exit code 2); it is not a content problem
 * (those are Messages) and not a failure of the machine (those keep their `cause`).
 */
export class InputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Content that fails in a way no stage could place as a message (a template's own partial that
 * throws while the page renders): the author's to fix, exit 1, not a bug in Briefsmith.
 */
export class ContentFailure extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The exit code for a bug in Briefsmith (sysexits' EX_SOFTWARE), as opposed to bad input (1) or a bad call (2). */
export const EX_SOFTWARE = 70;

/**
 * A failure of Briefsmith itself: an exception that escaped a stage is one (a `StageError`).
 * Shown as one line asking for a report, never as a content problem; the stack is for --verbose.
 */
export class InternalError extends Error {
  constructor(
    /** Where it escaped, e.g. "the charts stage". */
    readonly where: string,
    cause: unknown,
  ) {
    super(`${where} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = new.target.name;
  }
}

/**
 * Whether `error` is a bug rather than bad input or a failing machine (a full disk, a missing
 * browser): an InternalError not caused by input, or a JavaScript runtime error (TypeError,
 * RangeError, ReferenceError) that nothing turned into a message.
 */
export function isInternal(error: unknown): boolean {
  if (error instanceof InputError) return false;
  if (error instanceof InternalError) return !(error.cause instanceof InputError) && !(error.cause instanceof ContentFailure) && !isEnvironmental(error.cause);
  return error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError;
}

/** A system call that failed (ENOSPC, EACCES…): the machine, not the code. */
function isEnvironmental(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === 'string' && typeof (error as { syscall?: unknown }).syscall === 'string';
}

/** `internal error in the charts stage: Cannot read … (please report; run with --verbose for the stack)`. */
export function internalErrorLine(error: unknown): string {
  const where = error instanceof InternalError ? ` in ${error.where}` : '';
  let innermost: unknown = error;
  while (innermost instanceof Error && innermost.cause !== undefined) innermost = innermost.cause;
  const detail = innermost instanceof Error ? innermost.message : String(innermost);
  return `internal error${where}: ${detail.split('\n')[0] ?? detail} (please report; run with --verbose for the stack)`;
}

/**
 * A briefing that failed as a whole (nothing placed it in a file), as the one message about its
 * folder that `brief check` and the preview show: an internal error asking for a report, or why
 * it could not be rendered.
 */
export function failureMessage(error: unknown, file: string): Message {
  const { ruleId, severity, reason } = isInternal(error) ? catalogue.internal(internalErrorLine(error)) : catalogue.renderFailed(error instanceof Error ? error.message : String(error));
  return { file, ruleId, severity, reason };
}
