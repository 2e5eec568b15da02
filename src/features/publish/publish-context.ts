import type { HttpOptions } from './http/http-client.js';
import { PublishError } from './publish-error.js';

/** Everything a target needs from the run; the clock, network and environment are handed in. */
export interface PublishContext {
  /** The target's name (`--to wiki`), used in every message. */
  name: string;
  recordPath: string;
  /** A folder of our own under the output folder (git clones live there). */
  cacheDir: string;
  force: boolean;
  dryRun: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Progress and plan lines. */
  log: (line: string) => void;
  /** fetch, retry policy (and its sleep) for the HTTP clients and for writes sent again. */
  http: Pick<HttpOptions, 'fetch' | 'retry'>;
  /** Every credential read; the CLI removes them from anything it prints. */
  secrets: Set<string>;
}

export interface PublishOutcome {
  /** Requests (or commits) that changed the wiki. */
  changes: number;
  /** Where the page is, for the closing line. */
  location: string;
}

export const USER_AGENT = 'Briefsmith (brief publish)';

/** A credential from the environment variable the config names; its value is never printed. */
export function readCredential(ctx: PublishContext, variable: string, what: string): string {
  const value = ctx.env[variable];
  if (value === undefined || value === '') {
    throw new PublishError(ctx.name, 'credentials', `environment variable ${variable} is not set (it should hold ${what})`);
  }
  ctx.secrets.add(value);
  return value;
}
