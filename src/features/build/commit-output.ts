import type { FontStore } from '../../edges/fonts/font-store.js';
import type { OutputId } from '../../edges/output/output-layout.js';
import type { OutputStore } from '../../edges/output/output-store.js';
import type { OutputFiles } from '../../edges/output/write-output.js';
import { parseRecord, RECORD_FILE } from '../archive/output-record.js';
import { refreshArchive } from '../archive/refresh-archive.js';
import { archivePage } from '../archive/render-archive.js';
import { judgeOutput, type Format, type Verdict } from './output-verdict.js';

/** One output about to be written, and where. */
export interface PendingOutput {
  store: OutputStore;
  id: OutputId;
  /** `outputSegments(id)`. */
  segments: readonly string[];
  /** The fingerprint of what it is built from. */
  inputs: string;
  force: boolean;
  /** Aborted on Ctrl-C: nothing more is written. */
  signal: AbortSignal | undefined;
}

/** What the archive page needs from the build that updates it. */
export interface ArchiveLook {
  writtenTitle: string;
  lang: string;
  css: string;
  fonts: FontStore;
}

export type Committed = { kind: 'written'; moved: readonly string[] } | Exclude<Verdict, { kind: 'build' }>;

/** What should happen to an archived output, judged from its folder and record on disk now. */
export function judgeExisting(pending: PendingOutput, formats: readonly Format[]): Verdict {
  const { store, segments } = pending;
  const existing = { path: store.pathOf(segments), exists: store.exists(segments), record: parseRecord(store.readText([...segments, RECORD_FILE])) };
  return judgeOutput(existing, pending.inputs, formats, pending.force);
}

/**
 * Writes the output folder. An archived output (it has a period) is written under the archive's
 * lock, judged again there (a concurrent build may have written it meanwhile), and the archive is
 * rebuilt in the same locked section — synchronous, so neither Ctrl-C nor another process ever
 * sees the output without its archive entry, or the archive mid-write.
 */
export async function commitOutput(pending: PendingOutput, files: OutputFiles, formats: readonly Format[], archive: ArchiveLook): Promise<Committed> {
  const { store, segments, id } = pending;
  const interrupted = () => new Error('interrupted before writing (nothing was changed)');
  if (pending.signal?.aborted) throw interrupted();
  if (id.period === undefined) {
    store.writeFolder(segments, files);
    return { kind: 'written', moved: [] };
  }
  const release = await store.lock([id.slug]);
  try {
    if (pending.signal?.aborted) throw interrupted();
    const verdict = judgeExisting(pending, formats);
    if (verdict.kind !== 'build') return verdict;
    store.writeFolder(segments, files);
    const refreshed = refreshArchive(store, id.slug, archive.writtenTitle, archivePage(archive));
    return { kind: 'written', moved: refreshed.moved };
  } finally {
    release();
  }
}
