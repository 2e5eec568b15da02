import { Readable } from 'node:stream';

/**
 * The only door between the pipeline and a briefing folder. Paths are relative to the folder, use
 * forward slashes, and can never leave it: `..`, absolute paths, URLs and symlinks that point
 * outside are refused. The pure stages receive this interface; tests hand in `memoryFiles`.
 */
export interface BriefingFiles {
  /** Display prefix for messages, e.g. `content/deepseek-moment`. */
  readonly root: string;
  readBytes(path: string): Uint8Array | undefined;
  readText(path: string): string | undefined;
  /** Files directly inside a sub-folder (names only), sorted by name; empty when it does not exist. */
  list(folder: string): string[];
  /**
   * The file's bytes as a stream, confined like `readBytes`; undefined when it cannot be read.
   * Optional: large data files are parsed from it without holding the whole text in memory, and
   * callers fall back to `readText` when it is absent.
   */
  openStream?(path: string): Readable | undefined;
  /**
   * Every file of the folder (sub-folders included, hidden names and links leaving it excluded),
   * sorted. Optional: the build uses it to fingerprint a briefing's sources.
   */
  allFiles?(): string[];
}

/** Normalises a briefing-relative path; undefined when it would escape the folder. */
export function normalizeInside(path: string): string | undefined {
  if (path === '' || path.includes('\0') || path.includes('\\')) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/')) return undefined;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return undefined;
    parts.push(part);
  }
  return parts.length === 0 ? undefined : parts.join('/');
}

/**
 * The files in the folder `path` names (as briefing paths), for "did you mean" when `path` does
 * not exist: `charts/trends.vl.json` finds `charts/trend.vl.json`.
 */
export function filesBeside(files: BriefingFiles, path: string): string[] {
  const slash = path.lastIndexOf('/');
  // Files at the top of the folder are brief.md and its like: nothing a chart or image meant.
  const folder = slash === -1 ? undefined : normalizeInside(path.slice(0, slash));
  return folder === undefined ? [] : files.list(folder).map((name) => `${folder}/${name}`);
}

/** Display path of a file inside a briefing, as used in messages. */
export function displayPath(files: BriefingFiles, path: string): string {
  return files.root === '' || files.root === '.' ? path : `${files.root}/${path}`;
}

/** An in-memory briefing folder, for tests and for callers that already hold the files. */
export function memoryFiles(entries: Record<string, string | Uint8Array>, root = 'brief'): BriefingFiles {
  const map = new Map<string, Uint8Array>();
  for (const [k, v] of Object.entries(entries)) {
    const key = normalizeInside(k);
    if (key) map.set(key, typeof v === 'string' ? new TextEncoder().encode(v) : v);
  }
  const readBytes = (path: string): Uint8Array | undefined => {
    const key = normalizeInside(path);
    return key === undefined ? undefined : map.get(key);
  };
  return {
    root,
    readBytes,
    readText: (path) => {
      const bytes = readBytes(path);
      return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
    },
    openStream: (path) => {
      const bytes = readBytes(path);
      return bytes === undefined ? undefined : Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)], { objectMode: false });
    },
    allFiles: () => [...map.keys()].filter((k) => !k.split('/').some((part) => part.startsWith('.'))).sort(),
    list: (folder) => {
      const prefix = `${normalizeInside(folder) ?? ''}/`;
      return [...map.keys()]
        .filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
        .map((k) => k.slice(prefix.length))
        .sort();
    },
  };
}
