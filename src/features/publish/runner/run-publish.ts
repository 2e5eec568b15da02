import { sha256Hex } from '../assets/hash.js';
import type { PublishDocument } from '../document/publish-document.js';
import { indexEntries, type IndexEntry } from '../pages/index-page.js';
import { checkDistinct, entryTitle, indexTitle, PagePatternError } from '../pages/page-titles.js';
import { computePlan, type DesiredFile, type DesiredPage } from '../plan/compute-plan.js';
import { PublishError, atStep } from '../publish-error.js';
import type { PublishContext, PublishOutcome } from '../publish-context.js';
import { readRecord, type EntryRecord, type PublishRecord } from '../record/publish-record.js';
import { RecordKeeper } from '../record/record-keeper.js';
import { applyWrite } from './apply-write.js';
import { gatePlan, recordKept } from './gate-plan.js';
import type { PublishProvider } from './publish-provider.js';

/** What one publish puts on the wiki: a page per output, their files, and the index page. */
export interface DesiredState {
  pages: DesiredPage[];
  files: DesiredFile[];
  /** The page named in the closing line: the index, or the one output's page. */
  main: string;
}

/**
 * The one publish orchestration every wiki shares: read the record, work out the pages and files
 * this publish should leave, connect, read what the wiki holds, plan (pure), print the plan and
 * stop on conflicts or `--dry-run`, then apply the provider's writes one by one — each confirmed
 * by the wiki's answer or by reading back — recording each as it is confirmed.
 */
export async function runPublish(provider: PublishProvider, outputs: readonly PublishDocument[], pattern: string, ctx: PublishContext): Promise<PublishOutcome> {
  const record = readRecord(ctx.recordPath, { target: ctx.name, type: provider.type, location: provider.location });
  // Worked out before connecting: a page pattern that does not fit stops the run before any request.
  const desired = desiredState(provider, outputs, pattern, record, ctx.name);
  await provider.connect();
  const remote = await atStep(ctx.name, 'read', () => provider.readRemote(desired.pages, desired.files));
  const plan = computePlan({ pages: desired.pages, files: desired.files, remote, record, force: ctx.force });
  const remove = provider.removable?.(plan.obsolete) ?? [];
  const location = provider.where(desired.main);
  const keeper = new RecordKeeper(ctx.recordPath, record);
  const gate = gatePlan(plan, remove, ctx, provider.heading);
  if (!ctx.dryRun) recordKept(plan, keeper);
  if (gate === 'done') return { changes: 0, location };

  let changes = 0;
  for await (const write of provider.writes(plan, remove)) changes += await applyWrite(write, keeper, desired, ctx);
  return { changes, location };
}

/** What the record keeps about the output a page shows, for the index page. */
function entryOf(doc: PublishDocument): EntryRecord {
  const { period, variant } = doc.output;
  return { ...(period ? { period } : {}), ...(variant ? { variant } : {}), label: doc.label, ...(doc.headline ? { headline: doc.headline } : {}) };
}

/** Pages (each output's, then the index) and files, named as this wiki names them. */
export function desiredState(provider: PublishProvider, outputs: readonly PublishDocument[], pattern: string, record: PublishRecord, target: string): DesiredState {
  const first = outputs[0];
  if (!first) throw new PublishError(target, 'plan', 'nothing to publish');
  try {
    const pages: DesiredPage[] = [];
    const files: DesiredFile[] = [];
    for (const doc of outputs) {
      const title = provider.pageName(entryTitle(pattern, doc));
      const text = provider.entryText(doc);
      pages.push({ title, text, sha256: sha256Hex(text), entry: entryOf(doc) });
      files.push(...doc.assets.map((asset) => ({ name: provider.fileName(asset.name), asset, page: title })));
    }
    const rawIndex = indexTitle(pattern, first);
    const index = rawIndex === undefined ? undefined : provider.pageName(rawIndex);
    checkDistinct(pages.map((p) => ({ title: p.title, label: p.entry?.label ?? '' })), index, pattern);
    if (index === undefined) return { pages, files, main: pages[0]?.title ?? '' };
    const current: IndexEntry[] = pages.map((p) => ({ title: p.title, ...(p.entry ?? { label: '' }) }));
    const text = provider.indexText({ title: index, entries: indexEntries(record, current, index) });
    pages.push({ title: index, text, sha256: sha256Hex(text) });
    return { pages, files, main: index };
  } catch (error) {
    if (error instanceof PagePatternError) throw new PublishError(target, 'config', error.message, { cause: error });
    throw error;
  }
}

