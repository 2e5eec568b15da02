/**
 * What `--verbose` prints for a failure: the error and each of its causes on a numbered line,
 * with the class it came through (Eleventy's format), then the innermost error's stack.
 *
 *   1. charts stage failed: Parse error on line 2: … (via StageError)
 *   2. Parse error on line 2: …
 *
 *   Original error stack trace: Error: Parse error on line 2: …
 *       at …
 */
export function causeChain(error: unknown): string[] {
  const lines: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  let innermost: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    innermost = current;
    if (!(current instanceof Error)) {
      lines.push(`${lines.length + 1}. ${String(current)}`);
      break;
    }
    const via = current.name !== 'Error' ? ` (via ${current.name})` : '';
    lines.push(`${lines.length + 1}. ${current.message.trim() || '(no message)'}${via}`);
    current = current.cause;
  }
  if (innermost instanceof Error && innermost.stack) lines.push('', `Original error stack trace: ${innermost.stack}`);
  return lines.flatMap((line) => line.split('\n'));
}
