/** A mistake in how the command was called (exit code 2), as opposed to a content problem (exit 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const HELP = `brief — turn briefing folders into self-contained HTML briefings

Usage:
  brief build <briefing-dir>... [--out DIR] [--format html]
  brief --help | --version

Options:
  --out DIR        where to write <slug>/index.html (default: out)
  --format LIST    output formats, comma-separated (html)
  --quiet          print only problems
  -h, --help       show this help
  -v, --version    print the version

Exit codes: 0 success, 1 content errors, 2 usage errors.
Messages: file:line:column: severity: message [rule-id]
`;
