import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry.js';

/** An answer the caller did not accept; `detail` is the server's own message when it gave one. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly detail: string,
  ) {
    super(`HTTP ${status} from ${method} ${path}${detail ? `: ${detail}` : ''}`);
    this.name = 'HttpError';
  }
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
    return withRetry(() => this.#attempt(request), isRetryable, retry);
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
    const response = await doFetch(request.url, init);
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

function isRetryable(error: unknown): boolean {
  if (error instanceof HttpError) return error.status >= 500;
  // fetch rejects with a TypeError for connection failures; a timeout aborts.
  return error instanceof TypeError || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'));
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
