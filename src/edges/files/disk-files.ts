import { createReadStream, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { normalizeInside, type BriefingFiles } from './briefing-files.js';

/** A briefing folder on disk, confined to `dir` (symlinks resolving outside it are refused). */
export function diskFiles(dir: string, root: string = dir): BriefingFiles {
  const realRoot = realpathSync(dir);
  const resolve = (path: string): string | undefined => {
    const rel = normalizeInside(path);
    if (rel === undefined) return undefined;
    try {
      const real = realpathSync(join(realRoot, rel));
      const inside = relative(realRoot, real);
      if (inside.startsWith('..') || inside.startsWith(sep) || inside === '') return undefined;
      return statSync(real).isFile() ? real : undefined;
    } catch {
      return undefined;
    }
  };
  const readBytes = (path: string): Uint8Array | undefined => {
    const real = resolve(path);
    return real === undefined ? undefined : new Uint8Array(readFileSync(real));
  };
  return {
    root: root.replace(/\/+$/, ''),
    readBytes,
    readText: (path) => {
      const real = resolve(path);
      return real === undefined ? undefined : readFileSync(real, 'utf8');
    },
    openStream: (path) => {
      const real = resolve(path);
      return real === undefined ? undefined : createReadStream(real);
    },
    allFiles: () => {
      const found: string[] = [];
      const walk = (rel: string): void => {
        for (const entry of readdirSync(join(realRoot, rel), { withFileTypes: true })) {
          if (entry.name.startsWith('.')) continue;
          const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
          if (entry.isDirectory()) walk(path);
          else if (resolve(path) !== undefined) found.push(path);
        }
      };
      walk('');
      return found.sort();
    },
    list: (folder) => {
      const rel = normalizeInside(folder);
      if (rel === undefined) return [];
      try {
        return readdirSync(join(realRoot, rel), { withFileTypes: true })
          .filter((e) => e.isFile() || e.isSymbolicLink())
          .map((e) => e.name)
          .sort();
      } catch {
        return [];
      }
    },
  };
}
