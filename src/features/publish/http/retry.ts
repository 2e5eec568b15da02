/**
 * Bounded exponential backoff: a few tries, waits doubling from `baseMs` up to `capMs`. Only
 * failures that may pass (a dropped connection, a 5xx answer) are retried; the sleep is
 * injectable so tests run without waiting.
 */
export interface RetryPolicy {
  tries: number;
  baseMs: number;
  capMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  tries: 3,
  baseMs: 500,
  capMs: 4000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function backoffMs(policy: RetryPolicy, failedTries: number): number {
  return Math.min(policy.capMs, policy.baseMs * 2 ** (failedTries - 1));
}

/**
 * Runs `attempt` until it succeeds, fails with an error that is not `retryable`, or has been
 * tried `policy.tries` times. The last error is passed to `gaveUp` with the number of tries made,
 * so the message can say how often it was tried.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  retryable: (error: unknown) => boolean,
  policy: RetryPolicy,
  gaveUp: (error: unknown, tries: number) => unknown = (error) => error,
): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (!retryable(error)) throw error;
      if (tried >= policy.tries) throw gaveUp(error, tried);
      await policy.sleep(backoffMs(policy, tried));
    }
  }
}
