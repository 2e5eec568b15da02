import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Replaces `<outDir>/<name>/` with a complete new folder, or leaves it untouched. Files are
 * written to a hidden sibling first and swapped in with renames, so a failure (or Ctrl-C)
 * never leaves a half-written briefing behind.
 */
/** Staging folders being written right now, so an interrupt can remove them before exiting. */
const staging = new Set<string>();

/** Removes staging folders of writes that will never finish (Ctrl-C). */
export function abandonStagedWrites(): void {
  for (const dir of staging) rmSync(dir, { recursive: true, force: true });
  staging.clear();
}

export function writeFolderAtomically(outDir: string, name: string, files: Readonly<Record<string, string | Uint8Array>>): string {
  mkdirSync(outDir, { recursive: true });
  const target = join(outDir, name);
  const unique = `${process.pid}-${Date.now().toString(36)}`;
  const stage = join(outDir, `.${name}.tmp-${unique}`);
  staging.add(stage);
  const previous = join(outDir, `.${name}.old-${unique}`);
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
    staging.delete(stage);
  }
}
