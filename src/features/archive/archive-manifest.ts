import { z } from 'zod';

/** A SQL dataset's result as stored with an output: its file, rows and hash. */
export const storedResultSchema = z.strictObject({
  /** In an output record relative to the output folder (`data/top_orgs.csv`); in the archive relative to its root. */
  file: z.string(),
  rows: z.number().int().min(0),
  /** `sha256:…` of the stored CSV bytes. */
  hash: z.string(),
});

export type StoredResult = z.output<typeof storedResultSchema>;

/**
 * One archived output of a periodic briefing: a period and a variant. Each output folder holds
 * its own record (`output.json`, written with the output in one atomic swap); `archive.json` is
 * rebuilt from those records, so it lists exactly the outputs that exist.
 */
export const archiveEntrySchema = z.object({
  /** Folder relative to the briefing's archive root, e.g. `2026-W48/EU`. */
  path: z.string(),
  period: z.string().optional(),
  periodLabel: z.string().optional(),
  periodStart: z.string().optional(),
  variant: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  title: z.string(),
  headline: z.string().optional(),
  /** Relative to the archive root, e.g. `2026-W48/EU/index.html`. */
  html: z.string().optional(),
  pdf: z.string().optional(),
  /** The output's SQL results, by dataset name: exactly the rows it was built from. */
  results: z.record(z.string(), storedResultSchema).optional(),
  /** What the output was built from: sources, parameters, the data rows and SQL results it used (`sha256:…`). */
  inputs: z.string().optional(),
});

export const archiveManifestSchema = z.object({
  slug: z.string(),
  title: z.string(),
  entries: z.array(archiveEntrySchema),
});

export type ArchiveEntry = z.output<typeof archiveEntrySchema>;
export type ArchiveManifest = z.output<typeof archiveManifestSchema>;

/** Newest period first, then variant: a stable order, so rewrites of an unchanged archive are identical. */
export function sortEntries(entries: readonly ArchiveEntry[]): ArchiveEntry[] {
  return [...entries].sort(
    (a, b) => (b.periodStart ?? '').localeCompare(a.periodStart ?? '') || (a.variant ?? '').localeCompare(b.variant ?? '') || a.path.localeCompare(b.path),
  );
}

/** The folder of the latest period (the `latest` pointer's target). */
export function latestPath(manifest: ArchiveManifest): string | undefined {
  return manifest.entries[0]?.period;
}

/**
 * The archive page's heading: the front matter title as written; a title that is itself a
 * template (it names a variant or period) takes the newest issue's.
 */
export function archiveTitle(writtenTitle: string, entries: readonly ArchiveEntry[]): string {
  return writtenTitle.includes('{{') ? (entries[0]?.title ?? writtenTitle.replace(/\{\{[^}]*\}\}/g, '').trim()) : writtenTitle;
}
