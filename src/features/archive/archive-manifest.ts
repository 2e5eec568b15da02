import { z } from 'zod';

/** A SQL dataset's result as stored with an output: its file (relative to the output folder), rows and hash. */
export const storedResultSchema = z.strictObject({
  file: z.string(),
  rows: z.number().int().min(0),
  /** `sha256:…` of the stored CSV bytes. */
  hash: z.string(),
});

export type StoredResult = z.output<typeof storedResultSchema>;

/** One published issue of a periodic briefing: a period and, with a matrix, a variant. */
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
  html: z.string().optional(),
  pdf: z.string().optional(),
  /** The SQL results, by dataset name (files relative to the archive root). */
  results: z.record(z.string(), storedResultSchema).optional(),
});

export const archiveManifestSchema = z.object({
  slug: z.string(),
  title: z.string(),
  entries: z.array(archiveEntrySchema),
});

export type ArchiveEntry = z.output<typeof archiveEntrySchema>;
export type ArchiveManifest = z.output<typeof archiveManifestSchema>;

/** Adds or replaces entries (by path); newest period first, then variant — a stable order, so rewrites are identical. */
export function upsertEntries(manifest: ArchiveManifest, entries: readonly ArchiveEntry[]): ArchiveManifest {
  const byPath = new Map(manifest.entries.map((e) => [e.path, e]));
  for (const entry of entries) byPath.set(entry.path, entry);
  const sorted = [...byPath.values()].sort(
    (a, b) => (b.periodStart ?? '').localeCompare(a.periodStart ?? '') || (a.variant ?? '').localeCompare(b.variant ?? '') || a.path.localeCompare(b.path),
  );
  return { ...manifest, entries: sorted };
}

/** The folder of the latest period (the `latest` pointer's target). */
export function latestPath(manifest: ArchiveManifest): string | undefined {
  const newest = manifest.entries[0];
  return newest?.period;
}
