import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry.js';

/** An answer the caller did not accept; `detail` is the server's own message when it gave one. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly detail: string,
    /** How often the request was sent; said in the message when more than once. */
    readonly tries = 1,
  ) {
    super(`HTTP ${status} from ${method} ${path}${detail ? `: ${detail}` : ''}${tries > 1 ? ` (${tries} tries)` : ''}`);
    this.name = 'HttpError';
  }
}

/**
 * No answer came: the connection could not be made, was closed before the answer, or timed out.
 * The message says which, in words, and how often the request was sent — a request whose
 * connection closed may well have been carried out by the server.
 */
export class TransportError extends Error {
  constructor(
    readonly reason: string,
    readonly tries: number,
    options?: { cause?: unknown },
  ) {
    super(`${reason} (${tries} ${tries === 1 ? 'try' : 'tries'})`, options);
    this.name = 'TransportError';
  }
}

/** The same failure, said to have been tried `tries` times. */
export function triedTimes(error: unknown, tries: number): unknown {
  if (error instanceof TransportError) return new TransportError(error.reason, tries, { cause: error.cause });
  if (error instanceof HttpError) return new HttpError(error.status, error.method, error.path, error.detail, tries);
  return error;
}

/** Failures that may pass: no answer at all, or a 5xx answer. */
export function isRetryable(error: unknown): boolean {
  return error instanceof TransportError || (error instanceof HttpError && error.status >= 500);
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface HttpOptions {
  /** Injected in tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  retry?: RetryPolicy;
  /** Sent with every request (authorization, user agent). */
  headers?: Record<string, string>;
  /** Keep session cookies between requests (MediaWiki logins live in a cookie). */
  cookies?: boolean;
  timeoutMs?: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers?: Record<string, string>;
  /** Strings, URLSearchParams and FormData can all be sent again on a retry. */
  body?: string | URLSearchParams | FormData;
  /** Statuses below 500 that are answers rather than failures (e.g. 404 for "no such page"). */
  accept?: readonly number[];
  /**
   * Sent once, never retried here: a write whose answer was lost may have been carried out, so
   * its caller reads back before sending it again (`runner/apply-write.ts`).
   */
  once?: boolean;
}

/**
 * A thin fetch wrapper shared by the wiki clients: bounded retries for network failures and 5xx
 * answers, an `HttpError` for any other unaccepted status, optional cookie session. It never
 * logs, and its errors carry the method and path only: no headers, no bodies sent.
 */
export class HttpClient {
  readonly #cookies = new Map<string, string>();

  constructor(private readonly options: HttpOptions = {}) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    const retry = this.options.retry ?? DEFAULT_RETRY;
    return withRetry(() => this.#attempt(request), isRetryable, request.once ? { ...retry, tries: 1 } : retry, triedTimes);
  }

  async json<T>(request: HttpRequest): Promise<T> {
    const response = await this.send({ ...request, headers: { Accept: 'application/json', ...request.headers } });
    try {
      return JSON.parse(response.text) as T;
    } catch {
      throw new HttpError(response.status, request.method, new URL(request.url).pathname, 'the answer is not JSON');
    }
  }

  async #attempt(request: HttpRequest): Promise<HttpResponse> {
    const doFetch = this.options.fetch ?? fetch;
    const headers: Record<string, string> = { ...this.options.headers, ...request.headers };
    if (this.options.cookies && this.#cookies.size > 0) {
      headers['Cookie'] = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const init: RequestInit = { method: request.method, headers, redirect: 'manual', signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000) };
    if (request.body !== undefined) init.body = request.body;
    let response: Response;
    try {
      response = await doFetch(request.url, init);
    } catch (error) {
      throw new TransportError(noAnswerReason(error, this.options.timeoutMs ?? 60_000), 1, { cause: error });
    }
    if (this.options.cookies) this.#remember(response.headers);
    const text = await response.text();
    if ((response.status >= 200 && response.status < 300) || request.accept?.includes(response.status)) return { status: response.status, headers: response.headers, text };
    // Redirects are not followed: credentials go to the configured address and nowhere else.
    const location = response.headers.get('location');
    const detail = location ? `redirected to ${location}; check the configured URL` : serverMessage(text, response.statusText);
    throw new HttpError(response.status, request.method, new URL(request.url).pathname, detail);
  }

  #remember(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === 'deleted';
      if (expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }
}

/**
 * Why fetch got no answer, in words. fetch rejects with a TypeError whose `cause` carries the
 * system's or undici's code; a timeout aborts.
 */
function noAnswerReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `the wiki did not answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code ?? '';
  if (['UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNRESET', 'EPIPE'].includes(code)) return 'the connection was closed before the wiki answered';
  if (code === 'ECONNREFUSED') return 'cannot connect (connection refused)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'cannot connect (the host name does not resolve)';
  return `cannot connect (${code || cause?.message || (error instanceof Error ? error.message : String(error))})`;
}

/** Confluence answers `{"message": …}`; others plain text or HTML. One short line either way. */
function serverMessage(text: string, statusText: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: unknown; error?: { info?: unknown } };
    if (typeof parsed.message === 'string') return parsed.message;
    if (typeof parsed.error?.info === 'string') return parsed.error.info;
  } catch {
    // not JSON
  }
  const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return (plain || statusText).slice(0, 200);
}
