/** The named steps of a publish, used in every failure message ("failed at login: …"). */
export type PublishStep =
  | 'config'
  | 'credentials'
  | 'build'
  | 'login'
  | 'read'
  | 'plan'
  | 'upload'
  | 'edit'
  | 'clone'
  | 'pull'
  | 'write'
  | 'commit'
  | 'push'
  | 'create page'
  | 'update page'
  | 'attach'
  | 'record';

/** A publish that stopped: which target, at which step, and why. Secrets never reach `detail`. */
export class PublishError extends Error {
  constructor(
    readonly target: string,
    readonly step: PublishStep,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`publish to "${target}" failed at ${step}: ${detail}`, options);
    this.name = 'PublishError';
  }
}

/**
 * Runs one step; any failure that is not already a `PublishError` becomes one naming the target
 * and the step, with the underlying error's message as the detail.
 */
export async function atStep<T>(target: string, step: PublishStep, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PublishError) throw error;
    throw new PublishError(target, step, errorDetail(error), { cause: error });
  }
}

/** A readable one-line reason, including the system error code of a failed connection. */
export function errorDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  if (error.message === 'fetch failed' && cause) return `cannot connect (${cause.code ?? cause.message ?? 'network error'})`;
  return error.message;
}

/** Replaces every secret (and its URL-encoded and Base64 forms) with `***` before anything is printed. */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])) out = out.split(form).join('***');
  }
  return out;
}
