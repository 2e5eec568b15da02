import { isRetryable, triedTimes } from '../http/http-client.js';
import { backoffMs, DEFAULT_RETRY } from '../http/retry.js';
import type { PublishContext } from '../publish-context.js';
import { errorDetail, PublishError } from '../publish-error.js';
import type { RecordKeeper } from '../record/record-keeper.js';
import type { Confirmed, Write } from './publish-provider.js';
import type { DesiredState } from './run-publish.js';

/**
 * Carries out one write so that a lost answer never turns into a duplicate or a false failure:
 * the page texts it sends are noted as pending first; when sending fails in any way, the wiki is
 * read back, and if it holds exactly what was sent, written by us, that is the answer. Only a
 * failure that may pass (no answer, a 5xx) is sent again, after a backoff. Returns the number
 * of changes made (0 for an edit the wiki found identical).
 */
export async function applyWrite(write: Write, keeper: RecordKeeper, desired: DesiredState, ctx: PublishContext): Promise<number> {
  for (const sent of write.sends) keeper.pending(sent.title, sent.sha256);
  const policy = ctx.http.retry ?? DEFAULT_RETRY;
  for (let tried = 1; ; tried++) {
    let confirmed: Confirmed | undefined;
    let failure: unknown;
    try {
      confirmed = await write.send();
    } catch (error) {
      failure = error;
    }
    if (confirmed) {
      record(confirmed, keeper, desired, ctx.name);
      ctx.log(`✓ ${confirmed.note ?? write.done}`);
      return confirmed.changed === false ? 0 : 1;
    }
    const seen = await write.readBack().catch(() => undefined);
    if (seen) {
      record(seen, keeper, desired, ctx.name);
      ctx.log(`✓ ${seen.note ?? write.done} (its answer was lost: confirmed by reading it back)`);
      return 1;
    }
    if (!isRetryable(failure) || tried >= policy.tries) {
      if (failure instanceof PublishError) throw failure;
      throw new PublishError(ctx.name, write.step, errorDetail(triedTimes(failure, tried)), { cause: failure });
    }
    await policy.sleep(backoffMs(policy, tried));
  }
}

/** Writes what was confirmed to the record, with which output each page shows and which page each file belongs to. */
function record(confirmed: Confirmed, keeper: RecordKeeper, desired: DesiredState, target: string): void {
  try {
    recordConfirmed(confirmed, keeper, desired);
  } catch (error) {
    throw new PublishError(target, 'record', errorDetail(error), { cause: error });
  }
}

function recordConfirmed(confirmed: Confirmed, keeper: RecordKeeper, desired: DesiredState): void {
  for (const [title, page] of Object.entries(confirmed.pages ?? {})) {
    const entry = desired.pages.find((p) => p.title === title)?.entry;
    keeper.page(title, { ...page, ...(entry ? { entry } : {}) });
  }
  for (const [name, file] of Object.entries(confirmed.files ?? {})) {
    const owner = desired.files.find((f) => f.name === name)?.page;
    keeper.file(name, { ...file, ...(owner ? { page: owner } : {}) });
  }
  for (const name of confirmed.forgotten ?? []) keeper.forgetFile(name);
}
