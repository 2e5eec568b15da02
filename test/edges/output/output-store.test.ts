import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderLocks, LockTimeout } from '../../../src/edges/output/folder-lock.js';
import { diskOutputStore, LOCK_FILE } from '../../../src/edges/output/output-store.js';
import { recoverInterrupted } from '../../../src/edges/output/write-output.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'brief-store-'));

/** A pid that certainly names no running process: a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((done) => child.on('exit', done));
  return child.pid ?? 999_999;
}

describe('the output store on disk', () => {
  it('replaces a folder with exactly the new files, and keeps the old one when writing fails', () => {
    const out = fresh();
    const store = diskOutputStore(out);
    store.writeFolder(['w', '2026-W10', 'EU'], { 'index.html': 'one', 'old.pdf': 'x' });
    store.writeFolder(['w', '2026-W10', 'EU'], { 'index.html': 'two' });
    expect(readdirSync(join(out, 'w', '2026-W10', 'EU'))).toEqual(['index.html']);
    expect(() => store.writeFolder(['w', '2026-W10', 'EU'], { 'index.html': 'three', 'a\0b': 'bad' })).toThrow();
    expect(readFileSync(join(out, 'w', '2026-W10', 'EU', 'index.html'), 'utf8')).toBe('two');
    expect(readdirSync(join(out, 'w', '2026-W10')).filter((n) => n.startsWith('.'))).toEqual([]);
    store.pointLink(['w', 'latest'], '2026-W10');
    expect(readlinkSync(join(out, 'w', 'latest'))).toBe('2026-W10');
  });

  it('puts back a previous version a killed write had moved aside, and drops its staging folder', async () => {
    const out = fresh();
    const dead = await deadPid();
    mkdirSync(join(out, `.EU.old-${dead}-abc`));
    writeFileSync(join(out, `.EU.old-${dead}-abc`, 'index.html'), 'previous');
    mkdirSync(join(out, `.EU.tmp-${dead}-abc`));
    mkdirSync(join(out, `.EU.tmp-${process.pid}-zzz`)); // a live writer's: left alone
    recoverInterrupted(out, 'EU');
    expect(readFileSync(join(out, 'EU', 'index.html'), 'utf8')).toBe('previous');
    expect(readdirSync(out).sort()).toEqual([`.EU.tmp-${process.pid}-zzz`, 'EU']);
  });
});

describe('folder locks', () => {
  it('lets one holder in at a time and the next in when it releases', async () => {
    const file = join(fresh(), LOCK_FILE);
    const locks = new FolderLocks();
    const release = await locks.acquire(file);
    const order: string[] = [];
    const second = new FolderLocks().acquire(file).then((r) => {
      order.push('second');
      r();
    });
    await new Promise((r) => setTimeout(r, 100));
    order.push('first released');
    release();
    await second;
    expect(order).toEqual(['first released', 'second']);
    expect(existsSync(file)).toBe(false);
  });

  it('breaks the lock of a process that died holding it', async () => {
    const file = join(fresh(), LOCK_FILE);
    writeFileSync(file, JSON.stringify({ pid: await deadPid(), host: (await import('node:os')).hostname(), token: 'dead', at: Date.now() }));
    const release = await new FolderLocks({ timeoutMs: 5_000 }).acquire(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid });
    release();
    expect(readdirSync(join(file, '..'))).toEqual([]);
  });

  it('gives up on a live holder after the timeout, naming it and the file to remove', async () => {
    const file = join(fresh(), LOCK_FILE);
    const held = await new FolderLocks().acquire(file);
    await expect(new FolderLocks({ timeoutMs: 200 }).acquire(file)).rejects.toThrow(LockTimeout);
    await expect(new FolderLocks({ timeoutMs: 200 }).acquire(file)).rejects.toThrow(`is locked by process ${process.pid}`);
    held();
  });

  it('treats a very old lock as stale even if its pid is alive (pid reused)', async () => {
    let now = 1_000_000;
    const file = join(fresh(), LOCK_FILE);
    writeFileSync(file, JSON.stringify({ pid: process.pid, host: 'elsewhere', token: 'old', at: now - 120_000 }));
    const release = await new FolderLocks({ now: () => (now += 10) }).acquire(file);
    release();
  });
});
