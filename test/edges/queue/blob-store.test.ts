import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobHash, BlobStore } from '../../../src/edges/queue/blob-store.js';
import { startTestRedis, type TestRedis } from '../../support/redis-server.js';

/** Content-addressed blobs in a real redis-server on loopback. */
describe('the blob store', () => {
  let server: TestRedis;
  let redis: Redis;
  beforeAll(async () => {
    server = await startTestRedis();
    redis = new Redis({ host: '127.0.0.1', port: server.port });
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  it('stores bytes once by their hash, gives them back, and refuses bytes that do not match their name', async () => {
    const store = new BlobStore(redis, 60);
    const css = new TextEncoder().encode('body { color: black }');
    const hash = await store.put(css);
    expect(hash).toBe(blobHash(css));
    expect((await store.getAll([hash, 'sha256:missing'])).map((b) => b?.toString('utf8'))).toEqual(['body { color: black }', undefined]);
    await redis.set(`brief:blob:${hash}`, 'tampered');
    expect(await store.getAll([hash])).toEqual([undefined]);
  });

  it('keeps each job\'s results in a space of their own: removing one job\'s collected results leaves another job\'s same bytes', async () => {
    const css = new TextEncoder().encode('the template CSS every output carries');
    const [a, b, shared] = [new BlobStore(redis, 60, 'result:job-a'), new BlobStore(redis, 60, 'result:job-b'), new BlobStore(redis, 60)];
    const hash = await a.put(css);
    await b.put(css);
    await shared.put(css);
    await a.remove([hash]);
    expect(await a.getAll([hash])).toEqual([undefined]);
    expect((await b.getAll([hash]))[0]?.toString('utf8')).toBe('the template CSS every output carries');
    expect((await shared.getAll([hash]))[0]?.toString('utf8')).toBe('the template CSS every output carries');
  });
});
