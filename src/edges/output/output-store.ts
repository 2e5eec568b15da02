import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FolderLocks, type LockOptions } from './folder-lock.js';
import { FolderWriter, type OutputFiles } from './write-output.js';

/** A path inside `--out`, as segments (`['open-model-weekly', '2026-W10', 'EU']`). */
export type OutputPath = readonly string[];

export interface OutputEntry {
  name: string;
  kind: 'file' | 'folder' | 'link';
}

/**
 * Everything build and archive do to the output folder, behind one small interface handed in
 * like `BriefingFiles`: features decide, this carries it out. `diskOutputStore` is the real one.
 */
export interface OutputStore {
  /** Where a path lives, as shown to the user (`out/open-model-weekly/2026-W10/EU`). */
  pathOf(path: OutputPath): string;
  exists(path: OutputPath): boolean;
  readText(path: OutputPath): string | undefined;
  /** What a folder holds, sorted by name; [] when it does not exist. */
  list(path: OutputPath): OutputEntry[];
  /** Replaces the folder with exactly these files, atomically: the old one stays until the new one is complete. */
  writeFolder(path: OutputPath, files: OutputFiles): void;
  /** Writes one file through a temporary sibling and a rename, so readers never see half of it. */
  writeFile(path: OutputPath, content: string | Uint8Array): void;
  /** Points a symlink at `target` (relative to its folder), replaced atomically; undefined removes it. */
  pointLink(path: OutputPath, target: string | undefined): void;
  move(from: OutputPath, to: OutputPath): void;
  remove(path: OutputPath): void;
  /** Waits for the folder's lock (stale locks of dead processes are broken) and returns its release. */
  lock(folder: OutputPath): Promise<() => void>;
  /** Drops staging folders of writes in flight and releases held locks (Ctrl-C). */
  abandon(): void;
}

export const LOCK_FILE = '.brief-lock';

export function diskOutputStore(out: string, lockOptions: LockOptions = {}): OutputStore {
  const writer = new FolderWriter();
  const locks = new FolderLocks(lockOptions);
  const at = (path: OutputPath): string => join(out, ...path);
  return {
    pathOf: at,
    exists: (path) => existsSync(at(path)),
    readText: (path) => {
      try {
        return readFileSync(at(path), 'utf8');
      } catch {
        return undefined;
      }
    },
    list: (path) => {
      try {
        return readdirSync(at(path), { withFileTypes: true })
          .map((e): OutputEntry => ({ name: e.name, kind: e.isSymbolicLink() ? 'link' : e.isDirectory() ? 'folder' : 'file' }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch {
        return [];
      }
    },
    writeFolder: (path, files) => {
      const parent = path.slice(0, -1);
      const name = path[path.length - 1];
      if (name === undefined) throw new Error('cannot replace the output folder itself');
      writer.write(at(parent), name, files);
    },
    writeFile: (path, content) => {
      const file = at(path);
      mkdirSync(dirname(file), { recursive: true });
      const staging = `${file}.tmp-${process.pid}`;
      writeFileSync(staging, content);
      renameSync(staging, file);
    },
    pointLink: (path, target) => {
      const link = at(path);
      if (target === undefined) {
        if (isLink(link)) rmSync(link);
        return;
      }
      const staging = `${link}.tmp-${process.pid}`;
      rmSync(staging, { force: true });
      symlinkSync(target, staging);
      renameSync(staging, link); // rename over the old link: the pointer is never missing
    },
    move: (from, to) => {
      mkdirSync(dirname(at(to)), { recursive: true });
      renameSync(at(from), at(to));
    },
    remove: (path) => rmSync(at(path), { recursive: true, force: true }),
    lock: (folder) => locks.acquire(join(at(folder), LOCK_FILE)),
    abandon: () => {
      writer.abandon();
      locks.releaseAll();
    },
  };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
