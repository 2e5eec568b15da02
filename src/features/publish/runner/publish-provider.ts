import type { PublishDocument } from '../document/publish-document.js';
import type { IndexPage } from '../pages/index-page.js';
import type { DesiredFile, DesiredPage, PublishPlan, RemoteState } from '../plan/compute-plan.js';
import type { PublishStep } from '../publish-error.js';
import type { FileRecord, PageRecord } from '../record/publish-record.js';

/**
 * What one kind of wiki must provide for the one publish runner (`run-publish.ts`): how it
 * names and writes pages, how it reads what it holds, and the writes that carry out a plan.
 * Everything else — the desired state, the plan, the gate, retries, the record — is shared.
 */
export interface PublishProvider {
  /** Kept in the record with `location`: a record made for another place does not apply. */
  readonly type: 'mediawiki' | 'git' | 'confluence';
  readonly location: string;
  /** First line of the printed plan. */
  readonly heading: string;
  /** Logs in, or clones and pulls (failures name their own step). */
  connect(): Promise<void>;
  /** The wiki's name for a page title (MediaWiki's normal form, a git file name …). */
  pageName(title: string): string;
  /** The wiki's name for a file of an output. */
  fileName(asset: string): string;
  /** An output's page in the wiki's format. */
  entryText(doc: PublishDocument): string;
  /** The index page in the wiki's format. */
  indexText(index: IndexPage): string;
  /** What the wiki holds now under those names. */
  readRemote(pages: readonly DesiredPage[], files: readonly DesiredFile[]): Promise<RemoteState>;
  /** Of the files no longer used, those this wiki deletes (a git wiki); others only mention them. */
  removable?(obsolete: readonly string[]): string[];
  /** The writes that carry out the plan, in the order this wiki needs them. */
  writes(plan: PublishPlan, remove: readonly string[]): AsyncIterable<Write>;
  /** Where a page can be seen, for the closing line. */
  where(page: string): string;
}

/** What the wiki confirmed it holds after a write: by its answer, or by reading back. */
export interface Confirmed {
  /** Record entries by page title (the runner adds which output each page shows). */
  pages?: Record<string, Omit<PageRecord, 'entry'>>;
  /** Record entries by file name (the runner adds the page that shows each file). */
  files?: Record<string, Omit<FileRecord, 'page'>>;
  /** Files removed from the wiki. */
  forgotten?: readonly string[];
  /** False when the wiki already held it (an edit that changed nothing). */
  changed?: boolean;
  /** The progress line, when it says more than the write's `done`. */
  note?: string;
}

/**
 * One request (or one commit and push) that changes the wiki. A write whose answer is lost may
 * still have been carried out, so it is never simply sent again: the runner first reads back,
 * and a wiki that holds exactly what was sent, written by this target's account, is taken as
 * the answer.
 */
export interface Write {
  step: PublishStep;
  /** The progress line once done: `uploaded File:X.svg`. */
  done: string;
  /** The page texts this write sends, noted in the record as pending before it goes out. */
  sends: ReadonlyArray<{ title: string; sha256: string }>;
  send(): Promise<Confirmed>;
  /** After a failed send: what the wiki holds of this write if it is exactly ours, else undefined. */
  readBack(): Promise<Confirmed | undefined>;
}
