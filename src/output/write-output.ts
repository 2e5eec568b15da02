import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Replaces `<outDir>/<name>/` with a complete new folder, or leaves it untouched. Files are
 * written to a hidden sibling first and swapped in with renames, so a failure (or Ctrl-C)
 * never leaves a half-written briefing behind.
 */
export function writeFolderAtomically(outDir: string, name: string, files: Readonly<Record<string, string | Uint8Array>>): string {
  mkdirSync(outDir, { recursive: true });
  const target = join(outDir, name);
  const unique = `${process.pid}-${Date.now().toString(36)}`;
  const staging = join(outDir, `.${name}.tmp-${unique}`);
  const previous = join(outDir, `.${name}.old-${unique}`);
  try {
    for (const [path, content] of Object.entries(files)) {
      const file = join(staging, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    const hadPrevious = existsSync(target);
    if (hadPrevious) renameSync(target, previous);
    try {
      renameSync(staging, target);
    } catch (error) {
      if (hadPrevious) renameSync(previous, target);
      throw error;
    }
    if (hadPrevious) rmSync(previous, { recursive: true, force: true });
    return target;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
