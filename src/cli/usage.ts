import { InputError } from '../messages/errors.js';
import type { Command } from './command.js';

/** A mistake in how the command was called (exit code 2), as opposed to a content problem (exit 1). */
export class UsageError extends InputError {}

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

Exit codes: 0 success, 1 content errors (or a briefing failed), 2 usage errors.
Messages: file:line:column: severity: message [rule-id]
PDF output drives Debian's Chromium (/usr/bin/chromium or PUPPETEER_EXECUTABLE_PATH).
`;
}
