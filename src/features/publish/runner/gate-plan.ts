import { planIsEmpty, type PublishPlan } from '../plan/compute-plan.js';
import { describeConflicts, formatPlan } from '../plan/format-plan.js';
import type { PublishContext } from '../publish-context.js';
import { PublishError } from '../publish-error.js';
import type { RecordKeeper } from '../record/record-keeper.js';

/**
 * Prints the plan, then decides: conflicts stop the publish (nothing has been sent), a dry run
 * stops after printing, and a plan with nothing to send or delete has nothing to apply.
 */
export function gatePlan(plan: PublishPlan, remove: readonly string[], ctx: PublishContext, heading: string): 'apply' | 'done' {
  for (const line of formatPlan(plan, heading, remove)) ctx.log(line);
  if (plan.conflicts.length > 0) throw new PublishError(ctx.name, 'plan', describeConflicts(plan.conflicts));
  if (ctx.dryRun) {
    ctx.log('dry run: nothing was sent');
    return 'done';
  }
  return planIsEmpty(plan) && remove.length === 0 ? 'done' : 'apply';
}

/**
 * Pages and files the wiki already holds as planned need no request, but belong in the record
 * (after a lost record, a lost answer, or a run that stopped between a request and its record).
 */
export function recordKept(plan: PublishPlan, keeper: RecordKeeper): void {
  if (plan.conflicts.length > 0) return;
  for (const page of plan.pages) {
    if (page.action !== 'keep') continue;
    const entry = page.page.entry ? { entry: page.page.entry } : {};
    keeper.page(page.page.title, { id: page.remote.id, revision: page.remote.revision, sha256: page.page.sha256, storedSha256: page.remote.sha256, ...entry });
  }
  for (const file of plan.files) {
    if (file.action === 'keep') keeper.file(file.file.name, { sha256: file.file.asset.sha256, ...(file.remote.id ? { id: file.remote.id } : {}), page: file.file.page });
  }
}
