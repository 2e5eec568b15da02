import { z } from 'zod';
import { archiveEntrySchema, type ArchiveEntry } from './archive-manifest.js';

/** The file in every archived output folder that says what it is and what it was built from. */
export const RECORD_FILE = 'output.json';

/**
 * An output's own record. File names (the page, the PDF, stored SQL results) are relative to its
 * folder; `inputs` is the fingerprint the next build compares with (`up to date`, or changed and
 * needing `--force`).
 */
export const outputRecordSchema = archiveEntrySchema.omit({ path: true, html: true, pdf: true }).extend({
  record: z.literal(1),
  slug: z.string(),
  html: z.string().optional(),
  pdf: z.string().optional(),
  inputs: z.string(),
});

export type OutputRecord = z.output<typeof outputRecordSchema>;

/** Parses a record file; undefined when it is missing or not a record (then the folder is not ours). */
export function parseRecord(text: string | undefined): OutputRecord | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = outputRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The archive entry of a record found at `path` (relative to the archive root). */
export function entryOf(record: OutputRecord, path: string): ArchiveEntry {
  const { record: _version, slug: _slug, html, pdf, results, ...rest } = record;
  return {
    path, ...rest,
    ...(html ? { html: `${path}/${html}` } : {}),
    ...(pdf ? { pdf: `${path}/${pdf}` } : {}),
    ...(results ? { results: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, { ...r, file: `${path}/${r.file}` }])) } : {}),
  };
}
