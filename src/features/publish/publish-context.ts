import type { PublishDocument } from './document/publish-document.js';
import type { HttpOptions } from './http/http-client.js';
import { planIsEmpty, type PublishPlan } from './plan/compute-plan.js';
import { describeConflicts, formatPlan } from './plan/format-plan.js';
import { PublishError } from './publish-error.js';
import type { RecordKeeper } from './record/record-keeper.js';

/** Everything a target needs from the run; the clock, network and environment are handed in. */
export interface PublishContext {
  /** The target's name (`--to wiki`), used in every message. */
  name: string;
  document: PublishDocument;
  recordPath: string;
  /** A folder of our own under the output folder (git clones live there). */
  cacheDir: string;
  force: boolean;
  dryRun: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Progress and plan lines. */
  log: (line: string) => void;
  /** fetch, retry policy (and its sleep) for the HTTP clients. */
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

/**
 * Prints the plan, then decides: conflicts stop the publish (nothing has been sent), a dry run
 * stops after printing, and an empty plan has nothing to apply.
 */
export function gatePlan(plan: PublishPlan, ctx: PublishContext, heading: string): 'apply' | 'done' {
  for (const line of formatPlan(plan, heading)) ctx.log(line);
  if (plan.conflicts.length > 0) throw new PublishError(ctx.name, 'plan', describeConflicts(plan.conflicts));
  if (ctx.dryRun) {
    ctx.log('dry run: nothing was sent');
    return 'done';
  }
  return planIsEmpty(plan) ? 'done' : 'apply';
}

/**
 * Pages and files the wiki already holds as planned need no request, but belong in the record
 * (after a lost record, or a run that stopped between a request and its record write).
 */
export function recordKept(plan: PublishPlan, keeper: RecordKeeper): void {
  if (plan.conflicts.length > 0) return;
  for (const page of plan.pages) {
    if (page.action !== 'keep') continue;
    keeper.page(page.page.title, { id: page.remote.id, revision: page.remote.revision, sha256: page.page.sha256, storedSha256: page.remote.sha256 });
  }
  for (const file of plan.files) {
    if (file.action === 'keep') keeper.file(file.file.name, { sha256: file.file.asset.sha256, ...(file.remote.id ? { id: file.remote.id } : {}) });
  }
}
