import { InputError } from '../../messages/errors.js';

/** The environment variable that holds the Redis password; it is never printed. */
export const PASSWORD_ENV = 'BRIEF_REDIS_PASSWORD';

/** Where the queue lives, as ioredis and BullMQ take it. */
export interface QueueConnection {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls?: Record<string, never>;
  /** BullMQ's workers block on Redis; they must not give up on a command after a few retries. */
  maxRetriesPerRequest: null;
  /** `redis://host:port/db`, without credentials: the only form that is printed. */
  shown: string;
}

/**
 * `--queue redis://HOST:PORT[/DB]` (or `rediss://` for TLS). The password comes from
 * `BRIEF_REDIS_PASSWORD`, so it is not in a command line or a shell history; one written into the
 * URL works too, but is left out of everything printed.
 */
export function parseQueueUrl(text: string, env: NodeJS.ProcessEnv = process.env): QueueConnection {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(`--queue takes redis://HOST:PORT[/DB], got "${redact(text)}"`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new InputError(`--queue takes redis://HOST:PORT[/DB] (or rediss:// for TLS), got "${redact(text)}"`);
  }
  const path = url.pathname.replace(/^\/+/, '');
  const db = path === '' ? 0 : Number(path);
  if (!Number.isInteger(db) || db < 0 || db > 15) throw new InputError(`--queue: the database number must be 0 to 15, got "${path}"`);
  const port = url.port === '' ? 6379 : Number(url.port);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === '') throw new InputError(`--queue names no host: "${redact(text)}"`);
  const password = env[PASSWORD_ENV] || (url.password ? decodeURIComponent(url.password) : undefined);
  const username = url.username ? decodeURIComponent(url.username) : undefined;
  return {
    host,
    port,
    db,
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    shown: `${url.protocol}//${url.host}/${db}`,
  };
}

/** The URL without whatever credentials it carries. */
function redact(text: string): string {
  return text.replace(/\/\/[^@/]*@/, '//***@');
}
