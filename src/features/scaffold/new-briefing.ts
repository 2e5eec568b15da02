import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../../messages/errors.js';
import { starterFiles } from './starter-files.js';

/** Same shape as the front-matter `slug`, without leading, trailing or doubled dashes. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface NewBriefingOptions {
  slug: string;
  /** Parent folder, `content` by default. */
  dir: string;
  template: string;
  /** Names of the installed templates, to refuse a typo in `--template`. */
  knownTemplates: readonly string[];
  today: string;
}

export interface NewBriefing {
  folder: string;
  files: string[];
}

/**
 * Writes the starter briefing into `<dir>/<slug>/`. The files are written into a hidden staging
 * folder beside it and renamed into place, so an interrupted run leaves no half-made briefing;
 * an existing folder is never touched.
 */
export function newBriefing(options: NewBriefingOptions): NewBriefing {
  const { slug, dir, template } = options;
  if (!SLUG.test(slug) || slug.length > 80) {
    throw new InputError(`invalid slug "${slug}": use lowercase letters, digits and single dashes, e.g. q3-market-review`);
  }
  if (!options.knownTemplates.includes(template)) {
    throw new InputError(`unknown --template "${template}" (known: ${options.knownTemplates.join(', ') || 'none'})`);
  }
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new InputError(`--dir ${dir} is not a folder`);
  const folder = join(dir, slug);
  if (existsSync(folder)) throw new InputError(`${folder} already exists; choose another slug or remove it first`);
  const files = starterFiles({ slug, template, today: options.today });
  mkdirSync(dir, { recursive: true });
  // Not mkdtemp: its 0700 mode would stay on the renamed folder; mkdir follows the umask.
  const staging = join(dir, `.${slug}-${randomUUID().slice(0, 8)}`);
  try {
    mkdirSync(staging);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      writeFileSync(join(staging, path), text);
    }
    renameSync(staging, folder);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return { folder, files: Object.keys(files) };
}
