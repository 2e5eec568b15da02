import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { processAlive } from './process-alive.js';

export type OutputFiles = Readonly<Record<string, string | Uint8Array>>;

/**
 * Replaces `<parent>/<name>/` with a complete new folder, or leaves it untouched. Files are
 * written to a hidden sibling first and swapped in with renames, so a failure (or Ctrl-C) never
 * leaves a half-written output behind. One writer per run: it remembers the staging folders in
 * flight so an interrupt can remove them (`abandon`), and before each write it tidies what a
 * killed earlier run left beside the same folder.
 */
export class FolderWriter {
  readonly #staging = new Set<string>();
  #counter = 0;

  write(parent: string, name: string, files: OutputFiles): string {
    mkdirSync(parent, { recursive: true });
    recoverInterrupted(parent, name);
    const target = join(parent, name);
    const unique = `${process.pid}-${Date.now().toString(36)}-${(this.#counter++).toString(36)}`;
    const stage = join(parent, `.${name}.tmp-${unique}`);
    const previous = join(parent, `.${name}.old-${unique}`);
    this.#staging.add(stage);
    try {
      for (const [path, content] of Object.entries(files)) {
        const file = join(stage, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
      const hadPrevious = existsSync(target);
      if (hadPrevious) renameSync(target, previous);
      try {
        renameSync(stage, target);
      } catch (error) {
        if (hadPrevious) renameSync(previous, target);
        throw error;
      }
      if (hadPrevious) rmSync(previous, { recursive: true, force: true });
      return target;
    } finally {
      rmSync(stage, { recursive: true, force: true });
      this.#staging.delete(stage);
    }
  }

  /** Removes the staging folders of writes that will never finish (Ctrl-C). */
  abandon(): void {
    for (const dir of this.#staging) rmSync(dir, { recursive: true, force: true });
    this.#staging.clear();
  }
}

const LEFTOVER = /^\.(.+)\.(tmp|old)-(\d+)-[0-9a-z]+(?:-[0-9a-z]+)?$/;

/**
 * What a run killed mid-write (SIGKILL, power loss) left beside `<parent>/<name>`: a staging
 * folder is dropped; a previous version moved aside but never replaced is put back. Leftovers
 * of processes still running are theirs and stay.
 */
export function recoverInterrupted(parent: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  for (const entry of entries) {
    const match = LEFTOVER.exec(entry);
    if (!match || match[1] !== name || processAlive(Number(match[3]))) continue;
    const path = join(parent, entry);
    if (match[2] === 'old' && !existsSync(join(parent, name))) renameSync(path, join(parent, name));
    else rmSync(path, { recursive: true, force: true });
  }
}
