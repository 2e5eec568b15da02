import type { PublishAsset } from '../document/publish-document.js';
import type { EntryRecord, PageRecord, PublishRecord } from '../record/publish-record.js';

/** A page as it should read after publishing. */
export interface DesiredPage {
  title: string;
  text: string;
  sha256: string;
  /** The output this page shows; absent for an index page. */
  entry?: EntryRecord;
}

/** A file as it should be after publishing, under the wiki's name for it. */
export interface DesiredFile {
  name: string;
  asset: PublishAsset;
  /** The page that shows it (Confluence attaches it there). */
  page: string;
}

/** A page as the wiki holds it now. */
export interface RemotePage {
  id: string;
  revision: string;
  sha256: string;
  /** MediaWiki: the revision's timestamp, sent back as `basetimestamp` for conflict safety. */
  timestamp?: string;
  /** The current revision was made by the account (or git author) this target publishes as. */
  byUs?: boolean;
  /** Confluence: the hash of the text we sent, kept in the version message of a version we made. */
  sentSha256?: string;
}

/** A file as the wiki holds it now; the hash the wiki can tell us (MediaWiki: SHA-1; Confluence: ours, in the comment). */
export interface RemoteFile {
  id?: string;
  sha256?: string;
  sha1?: string;
  /** The current version was uploaded by the account this target publishes as. */
  byUs?: boolean;
}

export interface RemoteState {
  pages: ReadonlyMap<string, RemotePage>;
  files: ReadonlyMap<string, RemoteFile>;
}

export type PageAction =
  | { action: 'create'; page: DesiredPage }
  | { action: 'update'; page: DesiredPage; remote: RemotePage; overwritesEdit: boolean }
  | { action: 'keep'; page: DesiredPage; remote: RemotePage };

export type FileAction =
  | { action: 'upload'; file: DesiredFile }
  | { action: 'replace'; file: DesiredFile; remote: RemoteFile }
  | { action: 'keep'; file: DesiredFile; remote: RemoteFile };

/** A page changed on the wiki by someone else since our last publish, or made by someone else. */
export interface Conflict {
  title: string;
  kind: 'edited' | 'foreign';
  recordedRevision: string | undefined;
  currentRevision: string;
}

export interface PublishPlan {
  pages: PageAction[];
  files: FileAction[];
  conflicts: Conflict[];
  /** Files we published before that this briefing no longer has. */
  obsolete: string[];
}

export interface PlanInput {
  pages: readonly DesiredPage[];
  files: readonly DesiredFile[];
  remote: RemoteState;
  record: PublishRecord;
  /** Overwrite pages edited on the wiki since the last publish. */
  force: boolean;
}

/**
 * Compares what should be published with what the wiki holds and what we last published. Pure:
 * every decision about what to send is made here, and the clients only carry it out.
 *
 * A page is up to date when the wiki's text is what we would write (or, when our text has not
 * changed since the last publish, what the wiki stored then). Otherwise it is updated — unless
 * its current revision is not the one we recorded and its text is not what we stored, which
 * means someone edited it on the wiki: that is a conflict, overridden only by `force`.
 */
export function computePlan(input: PlanInput): PublishPlan {
  const pages: PageAction[] = [];
  const conflicts: Conflict[] = [];
  for (const page of input.pages) {
    const remote = input.remote.pages.get(page.title);
    if (!remote) {
      pages.push({ action: 'create', page });
      continue;
    }
    const recorded = recognisedWrite(page.title, remote, input.record) ?? input.record.pages[page.title];
    const storedOfSame = recorded && recorded.sha256 === page.sha256 ? recorded.storedSha256 : undefined;
    if (remote.sha256 === page.sha256 || remote.sha256 === storedOfSame) {
      pages.push({ action: 'keep', page, remote });
      continue;
    }
    const editedSinceRecord = recorded !== undefined && remote.revision !== recorded.revision && remote.sha256 !== recorded.storedSha256;
    const foreign = recorded === undefined;
    if (editedSinceRecord || foreign) {
      conflicts.push({ title: page.title, kind: foreign ? 'foreign' : 'edited', recordedRevision: recorded?.revision, currentRevision: remote.revision });
    }
    pages.push({ action: 'update', page, remote, overwritesEdit: editedSinceRecord || foreign });
  }
  const files = input.files.map((file): FileAction => {
    const remote = input.remote.files.get(file.name);
    if (!remote) return { action: 'upload', file };
    return sameBytes(file, remote) ? { action: 'keep', file, remote } : { action: 'replace', file, remote };
  });
  return { pages, files, conflicts: input.force ? [] : conflicts, obsolete: obsoleteFiles(input) };
}

/**
 * A page this target sent before without hearing back (its answer was lost, or the run stopped
 * before recording it): the wiki's current revision is ours and holds exactly the text that was
 * sent. It counts as recorded, so the next change is an ordinary update, not someone else's page.
 */
function recognisedWrite(title: string, remote: RemotePage, record: PublishRecord): PageRecord | undefined {
  const sent = record.pending?.[title];
  const ours = remote.sentSha256 ?? (remote.byUs ? remote.sha256 : undefined);
  if (sent === undefined || ours !== sent) return undefined;
  return { id: remote.id, revision: remote.revision, sha256: sent, storedSha256: remote.sha256 };
}

/**
 * Files we published for the pages of this publish that they no longer use. Files of other pages
 * (another period or variant) are theirs; a file recorded without its page (by an older version)
 * is only judged when this publish is the briefing's one page.
 */
function obsoleteFiles(input: PlanInput): string[] {
  const wanted = new Set(input.files.map((f) => f.name));
  const pages = new Set(input.pages.map((p) => p.title));
  return Object.entries(input.record.files)
    .filter(([name, file]) => !wanted.has(name) && (file.page !== undefined ? pages.has(file.page) : input.pages.length === 1))
    .map(([name]) => name);
}

function sameBytes(file: DesiredFile, remote: RemoteFile): boolean {
  if (remote.sha256 !== undefined) return remote.sha256 === file.asset.sha256;
  if (remote.sha1 !== undefined) return remote.sha1 === file.asset.sha1;
  return false;
}

/** True when applying the plan would send nothing that changes the wiki. */
export function planIsEmpty(plan: PublishPlan): boolean {
  return plan.pages.every((p) => p.action === 'keep') && plan.files.every((f) => f.action === 'keep');
}
