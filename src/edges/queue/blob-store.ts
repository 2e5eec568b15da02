import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** `sha256:<hex>` of some bytes: a blob's name, the same on every machine. */
export function blobHash(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * Content-addressed bytes in Redis, shared by the coordinator and the workers instead of a
 * file system: a briefing's files on the way out, a job's HTML and PDF on the way back. Each blob
 * is stored once however many jobs use it, and expires unless something uses it again, so Redis
 * holds at most what the batches in flight need.
 */
export class BlobStore {
  constructor(
    private readonly redis: Redis,
    /** How long a blob outlives its last use, in seconds. */
    private readonly ttl: number,
    /**
     * Whose blobs these are: `blob` for what every job may share (briefing files); a job's
     * results get a space of their own, so removing them once collected takes nothing another
     * job still needs (two outputs of one template carry the same CSS).
     */
    private readonly space = 'blob',
  ) {}

  private key(hash: string): string {
    return `brief:${this.space}:${hash}`;
  }

  /** Stores the blobs Redis lacks and refreshes the expiry of those it has. */
  async putAll(blobs: ReadonlyMap<string, Uint8Array>): Promise<void> {
    const hashes = [...blobs.keys()];
    if (hashes.length === 0) return;
    const refreshed = await this.redis.pipeline(hashes.map((h) => ['expire', this.key(h), String(this.ttl)])).exec();
    const missing = hashes.filter((_, i) => refreshed?.[i]?.[1] !== 1);
    const upload = this.redis.pipeline();
    for (const hash of missing) upload.set(this.key(hash), Buffer.from(blobs.get(hash) as Uint8Array), 'EX', this.ttl);
    if (missing.length > 0) await upload.exec();
  }

  async put(bytes: Uint8Array): Promise<string> {
    const hash = blobHash(bytes);
    await this.putAll(new Map([[hash, bytes]]));
    return hash;
  }

  /** The blobs' bytes, in the order asked; undefined for one that expired or never was. */
  async getAll(hashes: readonly string[]): Promise<Array<Buffer | undefined>> {
    if (hashes.length === 0) return [];
    const found = await this.redis.mgetBuffer(...hashes.map((h) => this.key(h)));
    return found.map((bytes, i) => (bytes && blobHash(bytes) === hashes[i] ? bytes : undefined));
  }

  async remove(hashes: readonly string[]): Promise<void> {
    if (hashes.length > 0) await this.redis.del(...hashes.map((h) => this.key(h)));
  }
}

/**
 * A worker's copy of blobs it has fetched, so the files of a briefing rendered for 52 weeks cross
 * the network once. Bounded by bytes; the least recently used go first.
 */
export class BlobCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(
    private readonly store: BlobStore,
    private readonly limit = 256 * 1024 * 1024,
  ) {}

  /** Every blob asked for, or the hashes that are in neither the cache nor Redis. */
  async getAll(hashes: readonly string[]): Promise<{ found: Map<string, Buffer>; missing: string[] }> {
    const found = new Map<string, Buffer>();
    const wanted = [...new Set(hashes)];
    const absent: string[] = [];
    for (const hash of wanted) {
      const cached = this.entries.get(hash);
      if (cached) {
        this.entries.delete(hash);
        this.entries.set(hash, cached); // most recently used last
        found.set(hash, cached);
      } else absent.push(hash);
    }
    const fetched = await this.store.getAll(absent);
    const missing: string[] = [];
    absent.forEach((hash, i) => {
      const bytes = fetched[i];
      if (!bytes) return void missing.push(hash);
      found.set(hash, bytes);
      this.remember(hash, bytes);
    });
    return { found, missing };
  }

  private remember(hash: string, bytes: Buffer): void {
    if (bytes.byteLength > this.limit) return;
    this.entries.set(hash, bytes);
    this.bytes += bytes.byteLength;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.limit) break;
      this.entries.delete(oldest);
      this.bytes -= old.byteLength;
    }
  }
}
