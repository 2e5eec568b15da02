import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * What Briefsmith last published to one target: for each page its id, revision and the hash of
 * the text, for each file the hash of its bytes. With it a re-publish sends nothing when nothing
 * changed, and a page whose current revision is not ours (and whose text differs) is known to
 * have been edited by someone on the wiki.
 */
/** Which output of the briefing a page shows, for the index page that lists them all. */
const entryRecord = z.strictObject({
  period: z.string().optional(),
  variant: z.string().optional(),
  /** `2026-W10 EU` */
  label: z.string(),
  headline: z.string().optional(),
});

const pageRecord = z.strictObject({
  id: z.string(),
  revision: z.string(),
  /** SHA-256 of the text we sent. */
  sha256: z.string(),
  /** SHA-256 of the text the wiki stored (Confluence normalizes storage format on save). */
  storedSha256: z.string(),
  /** Set for a page that shows one (period, variant) output; absent for an index page. */
  entry: entryRecord.optional(),
});

const fileRecord = z.strictObject({
  sha256: z.string(),
  id: z.string().optional(),
  /** The page that shows the file; only that page's publish may call it obsolete. */
  page: z.string().optional(),
});

export const publishRecordSchema = z.strictObject({
  format: z.literal(1),
  target: z.string(),
  type: z.string(),
  /** Where the target is (api URL, clone URL, Confluence space): a record for another place does not apply. */
  location: z.string(),
  pages: z.record(z.string(), pageRecord),
  files: z.record(z.string(), fileRecord),
  /**
   * Pages sent but not yet confirmed: title → SHA-256 of the text sent. Written before the
   * request goes out, so when its answer is lost and the run stops, the next run can still tell
   * its own write (latest revision by us, with exactly this text) from someone else's page.
   */
  pending: z.record(z.string(), z.string()).optional(),
});

export type PublishRecord = z.output<typeof publishRecordSchema>;
export type PageRecord = z.output<typeof pageRecord>;
export type FileRecord = z.output<typeof fileRecord>;
export type EntryRecord = z.output<typeof entryRecord>;

export function emptyRecord(target: string, type: string, location: string): PublishRecord {
  return { format: 1, target, type, location, pages: {}, files: {} };
}

/** The page confirmed as published; it is no longer pending. */
export function withPage(record: PublishRecord, title: string, page: PageRecord): PublishRecord {
  return withoutPending({ ...record, pages: sortKeys({ ...record.pages, [title]: page }) }, title);
}

export function withPending(record: PublishRecord, title: string, sha256: string): PublishRecord {
  return { ...record, pending: sortKeys({ ...record.pending, [title]: sha256 }) };
}

function withoutPending(record: PublishRecord, title: string): PublishRecord {
  if (!record.pending || !(title in record.pending)) return record;
  const { [title]: _sent, ...rest } = record.pending;
  const { pending: _all, ...without } = record;
  return Object.keys(rest).length > 0 ? { ...without, pending: rest } : without;
}

export function withFile(record: PublishRecord, name: string, file: FileRecord): PublishRecord {
  return { ...record, files: sortKeys({ ...record.files, [name]: file }) };
}

export function withoutFile(record: PublishRecord, name: string): PublishRecord {
  const files = { ...record.files };
  delete files[name];
  return { ...record, files };
}

/** `<out>/.publish/<slug>/<target>.json`: outside `<out>/<slug>/`, which `brief build` replaces whole. */
export function recordPath(outDir: string, slug: string, target: string): string {
  return join(outDir, '.publish', slug, `${target}.json`);
}

/**
 * Reads the record; one that is missing, unreadable or about another place counts as none (the
 * plan then trusts only what the wiki holds, and treats pages it did not make as foreign).
 */
export function readRecord(path: string, expected: { target: string; type: string; location: string }): PublishRecord {
  const empty = emptyRecord(expected.target, expected.type, expected.location);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return empty;
  }
  const parsed = publishRecordSchema.safeParse(raw);
  if (!parsed.success) return empty;
  const record = parsed.data;
  return record.type === expected.type && record.location === expected.location ? { ...record, target: expected.target } : empty;
}

/** Written to a temporary file and renamed over the old one, so a crash never leaves half a record. */
export function writeRecord(path: string, record: PublishRecord): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function sortKeys<T>(object: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
