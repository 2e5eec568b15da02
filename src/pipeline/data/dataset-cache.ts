import { createHash, type Hash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { KeyValueCache } from '../../edges/cache/key-value-cache.js';
import type { BriefingFiles } from '../../edges/files/briefing-files.js';
import type { Message } from '../../messages/message.js';
import type { DatasetRules } from './dataset-builder.js';
import type { Dataset } from './dataset.js';

/**
 * A data file as read: its dataset (none when it could not be read) and the messages reading it
 * gave, all about that file (the briefing's copy of it names the file they are given with).
 */
export interface CachedDataset {
  readonly dataset: Dataset | undefined;
  readonly messages: readonly Message[];
}

/** Parsed data files by content: a preview session or a batch reads an unchanged file once. */
export type DatasetCache = KeyValueCache<CachedDataset>;

/** Bump when parsing or typing cells changes, so no entry made by the old code is read. */
const KEY_FORMAT = 1;

/**
 * The digest of everything reading a data file depends on: its bytes, its path in the briefing
 * (the dataset's name and the parser follow the extension), and the schema and date column it is
 * read with. Not the folder: copies of a briefing (a batch of them) share the parse. The bytes are streamed through the hash when the files can stream, so
 * a large file is not held whole for it. Undefined when the file cannot be read (the uncached
 * read then reports why).
 */
export async function datasetKey(files: BriefingFiles, path: string, rules: DatasetRules): Promise<string | undefined> {
  const hash = keyHash(path, rules);
  const stream = files.openStream?.(path);
  if (stream) {
    try {
      for await (const chunk of stream) hash.update(chunk as Buffer);
    } catch {
      return undefined;
    }
  } else {
    const bytes = files.readBytes(path);
    if (bytes === undefined) return undefined;
    hash.update(bytes);
  }
  return hash.digest('hex');
}

function keyHash(path: string, rules: DatasetRules): Hash {
  return createHash('sha256').update(JSON.stringify([KEY_FORMAT, path, rules.schema ?? null, rules.date ?? null])).update('\0');
}

/**
 * The files as a reader sees them, with what it reads of `path` going through the hash a key is
 * made with: `key()` is the key of the bytes actually parsed. A file changed (or gone) between
 * making the key and reading it gives another key, and the caller caches nothing under the first.
 * Text is hashed as its UTF-8 encoding, which is the file's bytes for any well-formed UTF-8 file
 * (one that is not only misses the cache).
 */
export function keyedReads(files: BriefingFiles, path: string, rules: DatasetRules): { files: BriefingFiles; key: () => string } {
  const hash = keyHash(path, rules);
  const openStream = files.openStream;
  const wrapped: BriefingFiles = {
    ...files,
    readText: (p) => {
      const text = files.readText(p);
      if (p === path && text !== undefined) hash.update(Buffer.from(text, 'utf8'));
      return text;
    },
    ...(openStream
      ? {
          openStream: (p: string) => {
            const stream = openStream.call(files, p);
            if (p !== path || !stream) return stream;
            const counted = new PassThrough();
            stream.on('error', (error) => counted.destroy(error));
            counted.on('data', (chunk: Buffer) => hash.update(chunk));
            return stream.pipe(counted);
          },
        }
      : {}),
  };
  return { files: wrapped, key: () => hash.digest('hex') };
}

/**
 * Freezes a dataset before it is shared between renders: rows, row places and the arrays that
 * hold them. Every reader copies what it changes (charts bind copies of rows, period windows
 * build new arrays), and freezing makes a forgotten copy an error instead of a page that depends
 * on what an earlier render did.
 */
export function frozenDataset(dataset: Dataset): Dataset {
  for (const row of dataset.rows) Object.freeze(row);
  Object.freeze(dataset.rows);
  Object.freeze(dataset.rowPlaces);
  Object.freeze(dataset.columns);
  return Object.freeze(dataset);
}

/** Estimated heap bytes of a cached dataset: rows × columns cells, a few dozen bytes each. */
export function datasetBytes(entry: CachedDataset): number {
  const dataset = entry.dataset;
  return dataset === undefined ? 256 : 256 + dataset.rows.length * (64 + dataset.columns.length * 48);
}
