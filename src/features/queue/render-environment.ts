import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fontPackageVersions } from '../../edges/fonts/font-store.js';
import { TEMPLATES_DIR } from '../../paths.js';
import { VERSION } from '../../version.js';

/**
 * What, besides the briefing, decides the bytes of an output: Briefsmith's version, the named
 * templates it ships (their files, hashed) and the pinned font packages. A coordinator stamps it
 * on every job; a worker whose environment differs refuses the job, because its output would not
 * be the one a local build makes.
 */
export interface RenderEnvironment {
  briefsmith: string;
  /** `sha256:…` of every file under `templates/`. */
  templates: string;
  fonts: string[];
}

let cached: RenderEnvironment | undefined;

export function renderEnvironment(): RenderEnvironment {
  cached ??= { briefsmith: VERSION, templates: folderHash(TEMPLATES_DIR), fonts: fontPackageVersions() };
  return cached;
}

/** Why a job made in `wanted` cannot run in `here`, or undefined when they match. */
export function environmentMismatch(wanted: RenderEnvironment, here: RenderEnvironment): string | undefined {
  if (wanted.briefsmith !== here.briefsmith) {
    return `this worker runs Briefsmith ${here.briefsmith}, the job was made by Briefsmith ${wanted.briefsmith}; run the same version on the coordinator and every worker`;
  }
  if (wanted.templates !== here.templates) {
    return `this worker's templates/ differ from the coordinator's (Briefsmith ${here.briefsmith} on both; ${short(here.templates)} here, ${short(wanted.templates)} there); install the same templates everywhere`;
  }
  if (wanted.fonts.join(' ') !== here.fonts.join(' ')) {
    return `this worker's font packages (${here.fonts.join(', ')}) differ from the coordinator's (${wanted.fonts.join(', ')}); run npm ci from the same package-lock.json`;
  }
  return undefined;
}

const short = (hash: string) => hash.slice(0, 'sha256:'.length + 12);

function folderHash(root: string): string {
  const hash = createHash('sha256');
  const walk = (rel: string): void => {
    const entries = readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const bytes = readFileSync(join(root, path));
        hash.update(`${path}\0${bytes.byteLength}\0`).update(bytes);
      }
    }
  };
  walk('');
  return `sha256:${hash.digest('hex')}`;
}
