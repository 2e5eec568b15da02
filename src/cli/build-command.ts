import { existsSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fontsourceStore } from '../fonts/font-store.js';
import { diskFiles } from '../load/disk-files.js';
import { formatMessage } from '../messages/format-message.js';
import { writeFolderAtomically } from '../output/write-output.js';
import { renderBriefing } from '../render-briefing.js';
import { diskTemplateLibrary, loadTemplateHelpers } from '../templates/disk-template-library.js';
import { UsageError } from './usage.js';

export interface BuildOptions {
  dirs: string[];
  out: string;
  formats: string[];
  quiet: boolean;
}

export interface Console {
  out: (line: string) => void;
  err: (line: string) => void;
}

const FORMATS = ['html'];

/** Where the project's named templates live (next to `src/` or `dist/`). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export function parseFormats(value: string): string[] {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  const bad = formats.filter((f) => !FORMATS.includes(f));
  if (formats.length === 0 || bad.length > 0) {
    throw new UsageError(`unknown --format "${bad.join(',') || value}" (known: ${FORMATS.join(', ')})`);
  }
  return formats;
}

/** `brief build`: renders each briefing folder and writes `<out>/<slug>/index.html` atomically. */
export async function buildCommand(options: BuildOptions, console: Console): Promise<number> {
  if (options.dirs.length === 0) throw new UsageError('brief build needs at least one briefing folder');
  for (const dir of options.dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no such briefing folder: ${dir}`);
  }
  const templates = diskTemplateLibrary(TEMPLATES_DIR, await loadTemplateHelpers(TEMPLATES_DIR));
  const fonts = fontsourceStore();
  let failed = 0;
  for (const dir of options.dirs) {
    // Messages name files the way the user named the folder: `content/x/brief.md:12:5`.
    const shown = dir.replace(/\/+$/, '') || '.';
    const started = performance.now();
    const result = await renderBriefing({ files: diskFiles(dir, shown), templates, fonts, now: () => performance.now() });
    for (const message of result.messages) console.err(formatMessage(message));
    if (!result.html || !result.meta) {
      failed++;
      const errors = result.messages.filter((m) => m.severity === 'error').length;
      console.err(`✗ ${shown}: ${errors} error${errors === 1 ? '' : 's'}; nothing written`);
      continue;
    }
    const slug = result.meta.slug ?? basename(resolve(dir));
    const target = writeFolderAtomically(options.out, slug, { 'index.html': result.html });
    const ms = Math.round(performance.now() - started);
    if (!options.quiet) console.out(`✓ ${shown} → ${relative(process.cwd(), target)}/index.html (${result.figures.length} figures, ${ms} ms)`);
  }
  return failed > 0 ? 1 : 0;
}
