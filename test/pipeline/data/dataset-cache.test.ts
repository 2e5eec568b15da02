import { describe, expect, it } from 'vitest';
import { memoryFiles, type BriefingFiles } from '../../../src/edges/files/briefing-files.js';
import { datasetBytes, datasetKey, frozenDataset } from '../../../src/pipeline/data/dataset-cache.js';
import { parseDataset } from '../../../src/pipeline/data/parse-dataset.js';
import { MessageLog } from '../../../src/messages/message-log.js';
import { memoryCache } from '../../../src/edges/cache/memory-cache.js';
import type { CachedDataset } from '../../../src/pipeline/data/dataset-cache.js';
import { readDataset } from '../../../src/pipeline/data/read-dataset.js';

const CSV = 'month,units\nJan,3\nFeb,5\n';
const schema = { decimal: '.' as const, columns: { units: { type: 'integer' as const, required: true } } };

/** The same files without `openStream`: the key is then made from `readBytes`. */
const withoutStreams = (files: BriefingFiles): BriefingFiles => ({ root: files.root, readBytes: files.readBytes, readText: files.readText, list: files.list });

describe('the dataset cache key', () => {
  it('is the same for the same bytes, path and rules, in any folder, streamed or read whole', async () => {
    const key = await datasetKey(memoryFiles({ 'data/sales.csv': CSV }, 'content/a'), 'data/sales.csv', {});
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await datasetKey(memoryFiles({ 'data/sales.csv': CSV }, 'content/b'), 'data/sales.csv', {})).toBe(key);
    expect(await datasetKey(withoutStreams(memoryFiles({ 'data/sales.csv': CSV })), 'data/sales.csv', {})).toBe(key);
  });

  it('changes with a byte of the file, its path, its schema or its date column', async () => {
    const files = memoryFiles({ 'data/sales.csv': CSV, 'data/sales.tsv': CSV, 'data/other.csv': CSV.replace('5', '6') });
    const keys = await Promise.all([
      datasetKey(files, 'data/sales.csv', {}),
      datasetKey(files, 'data/sales.tsv', {}),
      datasetKey(files, 'data/other.csv', {}),
      datasetKey(files, 'data/sales.csv', { schema }),
      datasetKey(files, 'data/sales.csv', { date: { column: 'month' } }),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is undefined for a file that cannot be read, so the uncached read reports it', async () => {
    expect(await datasetKey(memoryFiles({}), 'data/missing.csv', {})).toBeUndefined();
    expect(await datasetKey(withoutStreams(memoryFiles({})), 'data/missing.csv', {})).toBeUndefined();
  });
});

describe('a cached dataset', () => {
  it('is frozen through its rows, and its size estimate grows with rows and columns', () => {
    const dataset = parseDataset('data/sales.csv', CSV, 'brief/data/sales.csv', new MessageLog());
    if (!dataset) throw new Error('the CSV did not parse');
    const frozen = frozenDataset(dataset);
    expect(() => {
      (frozen.rows[0] as Record<string, unknown>)['units'] = 4;
    }).toThrow(TypeError);
    expect(() => frozen.rows.push({})).toThrow(TypeError);
    const bigger = parseDataset('data/sales.csv', `${CSV}Mar,7\n`, 'brief/data/sales.csv', new MessageLog());
    expect(datasetBytes({ dataset: bigger, messages: [] })).toBeGreaterThan(datasetBytes({ dataset: frozen, messages: [] }));
  });
});

describe('reading through the cache', () => {
  /** Files whose `data/sales.csv` is `first` when first opened and `later` after (a save while a rebuild reads it). */
  const changing = (first: string, later: string, streams: boolean): BriefingFiles => {
    let opened = 0;
    const pick = () => memoryFiles({ 'data/sales.csv': opened++ === 0 ? first : later });
    const files: BriefingFiles = {
      root: 'brief',
      list: () => ['sales.csv'],
      readBytes: (p) => pick().readBytes(p),
      readText: (p) => pick().readText(p),
    };
    return streams ? { ...files, openStream: (p) => pick().openStream?.(p) } : files;
  };

  it('keeps the parse under the key of the bytes read, and nothing when the file changed between hashing and reading', async () => {
    for (const streams of [true, false]) {
      const steady = memoryCache<CachedDataset>();
      const files = streams ? memoryFiles({ 'data/sales.csv': CSV }) : withoutStreams(memoryFiles({ 'data/sales.csv': CSV }));
      await readDataset(files, 'data/sales.csv', {}, new MessageLog(), steady);
      expect(steady.size).toBe(1);

      const cache = memoryCache<CachedDataset>();
      const later = CSV.replace('5', '9');
      const read = await readDataset(changing(CSV, later, streams), 'data/sales.csv', {}, new MessageLog(), cache);
      expect(read?.rows.map((r) => r['units'])).toEqual([3, 9]);
      expect(cache.size).toBe(0);
    }
  });
});
