import { createHash } from 'node:crypto';
import type { BriefingFiles } from '../../edges/files/briefing-files.js';

/** A file the render read, how, and a digest of what it got (null: the file was not there). */
export type RecordedRead = [method: 'bytes' | 'text' | 'list', path: string, digest: string | null];

const digest = (data: string | Uint8Array | undefined): string | null =>
  data === undefined ? null : createHash('sha256').update(data).digest('hex');

/**
 * The briefing folder as a render sees it, remembering every read: images a chart embeds are
 * named in its spec or computed by its expressions, so which files a chart depends on is known
 * only after drawing it. A cached chart is reused only while each of them still reads the same.
 * Streams are not offered: callers then read the whole file, which is recorded.
 */
export function recordingFiles(files: BriefingFiles): { files: BriefingFiles; reads(): RecordedRead[] } {
  const reads = new Map<string, RecordedRead>();
  const note = (read: RecordedRead) => reads.set(`${read[0]}\0${read[1]}`, read);
  return {
    files: {
      root: files.root,
      readBytes(path) {
        const bytes = files.readBytes(path);
        note(['bytes', path, digest(bytes)]);
        return bytes;
      },
      readText(path) {
        const text = files.readText(path);
        note(['text', path, digest(text)]);
        return text;
      },
      list(folder) {
        const names = files.list(folder);
        note(['list', folder, digest(names.join('\0'))]);
        return names;
      },
    },
    reads: () => [...reads.values()],
  };
}

/** Whether every recorded read gives the same result now. */
export function readsUnchanged(reads: readonly RecordedRead[], files: BriefingFiles): boolean {
  return reads.every(([method, path, recorded]) => {
    const now = method === 'bytes' ? files.readBytes(path) : method === 'text' ? files.readText(path) : files.list(path).join('\0');
    return digest(now) === recorded;
  });
}
