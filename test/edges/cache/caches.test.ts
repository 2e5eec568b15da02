import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskCache } from '../../../src/edges/cache/disk-cache.js';
import { layeredCache } from '../../../src/edges/cache/key-value-cache.js';
import { memoryCache } from '../../../src/edges/cache/memory-cache.js';
import { chartToolchainStamp, stampOf } from '../../../src/edges/cache/toolchain-stamp.js';

const isText = (value: unknown): value is { text: string } =>
  value !== null && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string';

const folder = () => mkdtempSync(join(tmpdir(), 'brief-cache-'));
const open = (dir: string, stamp = 's1', maxBytes = 1 << 20) => diskCache({ dir, stamp, maxBytes, isValue: isText });

describe('disk cache', () => {
  it('reads back what another instance wrote, only under the same stamp and key', () => {
    const dir = join(folder(), 'charts');
    open(dir).set('k', { text: 'drawn' });
    expect(open(dir).get('k')).toEqual({ text: 'drawn' });
    expect(open(dir).get('other')).toBeUndefined();
    expect(open(dir, 's2').get('k')).toBeUndefined();
    expect(readdirSync(dir).filter((name) => !name.endsWith('.json'))).toEqual([]); // no temporary file left
  });

  it('takes a damaged, foreign or unreadable entry for a miss', () => {
    const dir = folder();
    const cache = open(dir);
    cache.set('k', { text: 'drawn' });
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file ?? ''), '{"stamp": "s1", "key": "k", "val');
    expect(cache.get('k')).toBeUndefined();
    writeFileSync(join(dir, file ?? ''), JSON.stringify({ stamp: 's1', key: 'k', value: { text: 42 } }));
    expect(cache.get('k')).toBeUndefined();
  });

  it('is skipped, not fatal, when it cannot be written', () => {
    const blocked = join(folder(), 'file');
    writeFileSync(blocked, 'not a folder');
    const cache = open(join(blocked, 'charts'));
    expect(() => cache.set('k', { text: 'drawn' })).not.toThrow();
    expect(cache.get('k')).toBeUndefined();
  });

  it('prunes the least recently used entries down to its bound, and stale temporary files', () => {
    const dir = folder();
    const cache = open(dir, 's1', 250);
    const text = 'x'.repeat(60);
    for (const key of ['a', 'b', 'c', 'd']) cache.set(key, { text });
    // All written long ago, then b read just now: b is the one most recently used.
    for (const name of readdirSync(dir)) utimesSync(join(dir, name), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(cache.get('b')).toEqual({ text });
    writeFileSync(join(dir, '.tmp-1-abc'), 'half');
    utimesSync(join(dir, '.tmp-1-abc'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    const size = (name: string) => statSync(join(dir, name)).size;
    expect(readdirSync(dir).filter((n) => n.endsWith('.json')).reduce((sum, n) => sum + size(n), 0)).toBeGreaterThan(250);
    cache.prune();
    const left = readdirSync(dir);
    expect(left.some((name) => name.startsWith('.tmp-'))).toBe(false);
    expect(left.reduce((sum, n) => sum + size(n), 0)).toBeLessThanOrEqual(250);
    expect(cache.get('b')).toEqual({ text });
    expect(left.length).toBeGreaterThan(0);
    rmSync(dir, { recursive: true, force: true });
    expect(() => cache.prune()).not.toThrow(); // deleting the folder is always safe
    expect(cache.get('b')).toBeUndefined();
  });
});

describe('memory and layered caches', () => {
  it('drops the least recently used entry beyond its bound', () => {
    const cache = memoryCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });

  it('drops the least recently used entries beyond a bound in bytes too, but keeps one entry however large', () => {
    const cache = memoryCache<string>(10, { maxBytes: 10, sizeOf: (text) => text.length });
    cache.set('a', 'aaaa');
    cache.set('b', 'bbbb');
    expect(cache.get('a')).toBe('aaaa');
    cache.set('c', 'cccc');
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual(['aaaa', undefined, 'cccc', 2]);
    cache.set('a', 'a');
    cache.set('d', 'dddd');
    expect([cache.get('c'), cache.get('a'), cache.get('d')]).toEqual(['cccc', 'a', 'dddd']);
    cache.set('huge', 'x'.repeat(50));
    expect([cache.size, cache.get('huge')?.length]).toEqual([1, 50]);
  });

  it('copies a hit from a slower layer into the faster ones and writes new values to all', () => {
    const fast = memoryCache<{ text: string }>();
    const dir = folder();
    open(dir).set('old', { text: 'from disk' });
    const both = layeredCache(fast, open(dir));
    expect(fast.get('old')).toBeUndefined();
    expect(both.get('old')).toEqual({ text: 'from disk' });
    expect(fast.get('old')).toEqual({ text: 'from disk' });
    both.set('new', { text: 'drawn' });
    expect([fast.get('new'), open(dir).get('new')]).toEqual([{ text: 'drawn' }, { text: 'drawn' }]);
  });
});

describe('toolchain stamp', () => {
  it('is stable, and changes with a library version or a replaced font file', () => {
    expect(chartToolchainStamp()).toMatch(/^[0-9a-f]{64}$/);
    expect(chartToolchainStamp()).toBe(chartToolchainStamp());
    const font = join(folder(), 'noto-sans-latin-400-normal.woff2');
    writeFileSync(font, 'font v1');
    const input = { version: '0.1.0', packages: [['vega', '6.4.0']] as Array<[string, string]>, files: [font] };
    const before = stampOf(input);
    expect(stampOf(input)).toBe(before);
    expect(stampOf({ ...input, packages: [['vega', '6.4.1']] })).not.toBe(before);
    expect(stampOf({ ...input, version: '0.2.0' })).not.toBe(before);
    writeFileSync(font, 'font version 2');
    expect(stampOf(input)).not.toBe(before);
  });
});
