import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { processAlive } from './process-alive.js';

/**
 * An exclusive lock on a folder, held by a file created with O_EXCL (`wx`): two processes can
 * never both create it. It serializes archive updates, so concurrent builds into one `--out`
 * (overlapping cron runs, a CI matrix) never lose each other's entries.
 *
 * A lock whose owner died (its pid is gone on this machine, or it is older than `staleAfterMs`) is
 * broken: renamed aside under a unique name first, so of two processes breaking it at once only
 * one succeeds, then checked to be the stale one before it is deleted. Locks are held only for
 * synchronous sections of milliseconds, so a minute-old lock is certainly stale.
 */
export interface LockOptions {
  /** Give up after this long (the error names the holder and the file to remove). */
  timeoutMs?: number;
  staleAfterMs?: number;
  now?: () => number;
}

interface Holder {
  pid: number;
  host: string;
  token: string;
  at: number;
}

export class LockTimeout extends Error {
  constructor(file: string, holder: string) {
    super(`${dirname(file)} is locked by ${holder}; if no brief command is running, remove ${file}`);
    this.name = 'LockTimeout';
  }
}

export class FolderLocks {
  /** Lock files this process holds, so an interrupt can release them. */
  readonly #held = new Map<string, string>();

  constructor(private readonly options: LockOptions = {}) {}

  /** Waits until `file` can be created, then returns the function that releases it. */
  async acquire(file: string): Promise<() => void> {
    const now = this.options.now ?? Date.now;
    const started = now();
    const token = randomBytes(8).toString('hex');
    mkdirSync(dirname(file), { recursive: true });
    for (let attempt = 0; ; attempt++) {
      const holder: Holder = { pid: process.pid, host: hostname(), token, at: now() };
      try {
        writeFileSync(file, JSON.stringify(holder), { flag: 'wx' });
        this.#held.set(file, token);
        return () => this.#release(file, token);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = readHolder(file);
      if (current !== 'gone' && this.#stale(file, current, now())) breakStale(file, current, token);
      else if (now() - started > (this.options.timeoutMs ?? 120_000)) throw new LockTimeout(file, describe(current));
      // Jittered waits keep a crowd of waiters from retrying in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.min(5 + attempt * 5, 50) + Math.random() * 20));
    }
  }

  /** Releases every lock this process holds (Ctrl-C). */
  releaseAll(): void {
    for (const [file, token] of this.#held) this.#release(file, token);
  }

  #release(file: string, token: string): void {
    this.#held.delete(file);
    const current = readHolder(file);
    if (current !== 'gone' && current !== 'unreadable' && current.token === token) unlinkSync(file);
  }

  #stale(file: string, holder: Holder | 'unreadable', now: number): boolean {
    const staleAfter = this.options.staleAfterMs ?? 60_000;
    if (holder === 'unreadable') {
      // Created but never written: its owner died between the two steps, or is in them right now.
      try {
        return now - statSync(file).mtimeMs > 2_000;
      } catch {
        return false;
      }
    }
    if (holder.host === hostname() && !processAlive(holder.pid)) return true;
    return now - holder.at > staleAfter;
  }
}

function readHolder(file: string): Holder | 'unreadable' | 'gone' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    return typeof value.pid === 'number' && typeof value.token === 'string' ? (value as Holder) : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/**
 * Moves the stale lock aside and deletes it if it is still the one judged stale. If in the
 * meantime its owner's successor created a fresh lock and that is what was moved, it is linked
 * back (linking fails rather than overwrite a third process's lock).
 */
function breakStale(file: string, judged: Holder | 'unreadable', token: string): void {
  const aside = `${file}.stale-${token}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // someone else broke it first
  }
  const moved = readHolder(aside);
  const same = judged === 'unreadable' ? moved === 'unreadable' : moved !== 'gone' && moved !== 'unreadable' && moved.token === judged.token;
  if (!same) {
    try {
      linkSync(aside, file);
    } catch {
      // A third process holds the lock now; the moved one's owner will find its file gone on release.
    }
  }
  unlinkSync(aside);
}

function describe(holder: Holder | 'unreadable' | 'gone'): string {
  if (holder === 'gone') return 'another process';
  if (holder === 'unreadable') return 'a process that did not write its name';
  return `process ${holder.pid} on ${holder.host} since ${new Date(holder.at).toISOString()}`;
}
