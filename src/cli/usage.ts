import { InputError } from '../messages/errors.js';
import { didYouMean } from '../messages/closest.js';
import type { Command } from './command.js';

/** A mistake in how the command was called (exit code 2), as opposed to a content problem (exit 1). */
export class UsageError extends InputError {}

/**
 * The one line a usage error prints. Node's argument parser explains itself in its own terms
 * ("To specify a positional argument starting with a '-'…"); this names the option and, for an
 * unknown one, the closest option the command has.
 */
export function usageMessage(error: Error, command: Command | undefined): string {
  const code = (error as { code?: string }).code;
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
  const where = command ? `brief ${command.name}` : 'brief';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined) {
    const known = command ? [...command.usage.matchAll(/--[a-z-]+/g)].map((m) => m[0]) : [];
    return `unknown option ${option} for ${where}${didYouMean(option, [...known, '--verbose', '--help'], (s) => s)}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    return /argument missing/.test(error.message) ? `${option} needs a value (${option} VALUE)` : `${option} takes no value`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument: ${/'([^']*)'/.exec(error.message)?.[1] ?? error.message}`;
  return error.message;
}

export function helpText(commands: readonly Command[]): string {
  return `brief — turn briefing folders into self-contained HTML and print-quality PDF briefings

Usage:
${commands.map((c) => `  ${c.usage}\n      ${c.summary}`).join('\n')}
  brief --help | --version

Build options:
  --out DIR        where to write outputs: <slug>/[<period>/][<variant>/]index.html and the PDF (default: out)
  --format LIST    output formats, comma-separated: html, pdf (default: html,pdf)
  --concurrency N  briefings built at once with one browser (default: number of CPUs)
  --quiet          print only problems
  --queue URL      render on brief workers through Redis (redis://HOST:PORT[/DB]; password from $BRIEF_REDIS_PASSWORD)
  --force          replace archived outputs whose inputs changed (unchanged ones are up to date)

Every command: --verbose prints a failure's cause chain (numbered) and the original stack trace.

Exit codes: 0 success, 1 content errors (or a briefing failed), 2 usage errors, 70 a bug in Briefsmith (please report it).
Messages: file:line:column: severity: message [rule-id]
PDF output drives Debian's Chromium (/usr/bin/chromium or PUPPETEER_EXECUTABLE_PATH).
`;
}
