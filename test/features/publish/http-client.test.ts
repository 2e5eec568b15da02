import { describe, expect, it } from 'vitest';
import { HttpClient, HttpError, TransportError, triedTimes } from '../../../src/features/publish/http/http-client.js';
import { backoffMs, type RetryPolicy } from '../../../src/features/publish/http/retry.js';
import { atStep, PublishError, redactSecrets } from '../../../src/features/publish/publish-error.js';

function scripted(answers: Array<Response | Error>) {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string> });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

function retry(sleeps: number[]): RetryPolicy {
  return { tries: 3, baseMs: 100, capMs: 150, sleep: async (ms) => void sleeps.push(ms) };
}

describe('HttpClient', () => {
  it('retries network failures and 5xx with capped exponential backoff, then succeeds', async () => {
    const sleeps: number[] = [];
    const { fetch, calls } = scripted([new TypeError('fetch failed'), new Response('busy', { status: 503 }), new Response('{"ok":true}')]);
    const client = new HttpClient({ fetch, retry: retry(sleeps) });
    expect(await client.json({ method: 'GET', url: 'http://127.0.0.1:9/x' })).toEqual({ ok: true });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([100, 150]);
  });

  it('gives up after the last try with the server\'s message and how often it tried', async () => {
    const { fetch } = scripted([new Response('', { status: 500 }), new Response('', { status: 502 }), new Response('{"message":"down for maintenance"}', { status: 503 })]);
    const failure = await new HttpClient({ fetch, retry: retry([]) }).send({ method: 'GET', url: 'http://127.0.0.1:9/rest/api/content?title=x' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HttpError);
    expect((failure as Error).message).toBe('HTTP 503 from GET /rest/api/content: down for maintenance (3 tries)');
  });

  it('says in words why no answer came, and how often it tried: a closed connection is not "cannot connect"', async () => {
    const noAnswer = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('other side closed'), { code }) });
    const closed = scripted([noAnswer('UND_ERR_SOCKET'), noAnswer('UND_ERR_SOCKET'), noAnswer('ECONNRESET')]);
    const failure = await new HttpClient({ fetch: closed.fetch, retry: retry([]) }).send({ method: 'GET', url: 'http://127.0.0.1:9/api.php' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TransportError);
    expect((failure as Error).message).toBe('the connection was closed before the wiki answered (3 tries)');
    const refused = scripted([noAnswer('ECONNREFUSED'), noAnswer('ECONNREFUSED'), noAnswer('ECONNREFUSED')]);
    await expect(new HttpClient({ fetch: refused.fetch, retry: retry([]) }).send({ method: 'GET', url: 'http://127.0.0.1:9/a' })).rejects.toThrow('cannot connect (connection refused) (3 tries)');
  });

  it('sends a write once: what a lost answer means is for its caller to find out by reading back', async () => {
    const { fetch, calls } = scripted([Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_SOCKET' } })]);
    const failure = await new HttpClient({ fetch, retry: retry([]) }).send({ method: 'POST', url: 'http://127.0.0.1:9/api.php', body: 'action=edit', once: true }).catch((e: unknown) => e);
    expect(calls).toHaveLength(1);
    expect((failure as Error).message).toBe('the connection was closed before the wiki answered (1 try)');
    expect((triedTimes(failure, 3) as Error).message).toBe('the connection was closed before the wiki answered (3 tries)');
  });

  it('does not retry a 4xx, and does not follow redirects (credentials go to the configured host only)', async () => {
    const { fetch, calls } = scripted([new Response('nope', { status: 403 })]);
    await expect(new HttpClient({ fetch, retry: retry([]) }).send({ method: 'POST', url: 'http://127.0.0.1:9/a' })).rejects.toThrow('HTTP 403 from POST /a: nope');
    expect(calls).toHaveLength(1);
    const moved = scripted([new Response(null, { status: 302, headers: { Location: 'https://elsewhere.example/login' } })]);
    await expect(new HttpClient({ fetch: moved.fetch, retry: retry([]) }).send({ method: 'GET', url: 'http://127.0.0.1:9/a' })).rejects.toThrow(
      'HTTP 302 from GET /a: redirected to https://elsewhere.example/login; check the configured URL',
    );
  });

  it('keeps session cookies between requests when asked', async () => {
    const { fetch, calls } = scripted([new Response('{}', { headers: { 'Set-Cookie': 'session=abc; path=/; HttpOnly' } }), new Response('{}')]);
    const client = new HttpClient({ fetch, cookies: true });
    await client.send({ method: 'GET', url: 'http://127.0.0.1:9/a' });
    await client.send({ method: 'GET', url: 'http://127.0.0.1:9/b' });
    expect(calls[1]?.headers['Cookie']).toBe('session=abc');
  });

  it('backs off 500, 1000, 2000 … up to the cap', () => {
    const policy: RetryPolicy = { tries: 6, baseMs: 500, capMs: 4000, sleep: async () => {} };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(policy, n))).toEqual([500, 1000, 2000, 4000, 4000]);
  });
});

describe('publish errors', () => {
  it('name the target and the step, with the connection failure explained', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const failure = await atStep('wiki', 'login', () => Promise.reject(refused)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PublishError);
    expect((failure as Error).message).toBe('publish to "wiki" failed at login: cannot connect (ECONNREFUSED)');
  });

  it('redact secrets in plain, URL-encoded and Base64 form', () => {
    const secret = 's3cr3t/+pass';
    const text = `a ${secret} b ${encodeURIComponent(secret)} c ${Buffer.from(secret).toString('base64')}`;
    expect(redactSecrets(text, [secret])).toBe('a *** b *** c ***');
  });
});
