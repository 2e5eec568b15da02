import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fontFaces } from '../fonts/font-store.js';
import { VERSION } from '../../version.js';

/** What draws a chart besides its spec and data: Vega, Vega-Lite, the canvas that measures text. */
const CHART_PACKAGES = ['vega', 'vega-lite', 'vega-interpreter', 'canvas', '@fontsource/noto-sans', '@fontsource/noto-sans-sc', '@fontsource/noto-sans-mono'];

/**
 * A digest of everything a rendered chart depends on that is not in the briefing: Briefsmith's
 * version, the installed versions of the chart libraries (Vega's own packages included) and the
 * font files text is measured with (path, size and modification time: a replaced font changes
 * it). Entries stored under another stamp are never read.
 */
export function chartToolchainStamp(): string {
  const require = createRequire(import.meta.url);
  const versions = new Map<string, string>();
  const visit = (name: string, depth: number) => {
    if (versions.has(name)) return;
    const manifest = packageJson(require, name);
    versions.set(name, String(manifest?.['version'] ?? 'missing'));
    // Vega is a bundle of vega-* packages with their own versions; one level down is all of them.
    if (depth === 0 && name === 'vega') for (const dep of Object.keys(asRecord(manifest?.['dependencies']))) visit(dep, 1);
  };
  for (const name of CHART_PACKAGES) visit(name, 0);
  return stampOf({ version: VERSION, packages: [...versions].sort(), files: fontFaces().map((f) => f.file) });
}

/** The digest itself, over named versions and the files' identity (a test replaces a file). */
export function stampOf(input: { version: string; packages: ReadonlyArray<readonly [string, string]>; files: readonly string[] }): string {
  const hash = createHash('sha256').update(input.version);
  for (const [name, version] of input.packages) hash.update(`\0${name}@${version}`);
  for (const file of [...new Set(input.files)].sort()) {
    const stat = statSync(file, { throwIfNoEntry: false });
    hash.update(`\0${file}:${stat ? `${stat.size}:${stat.mtimeMs}` : 'missing'}`);
  }
  return hash.digest('hex');
}

/** A package's package.json, found the way Node looks for the package (its `exports` may hide the file). */
function packageJson(require: NodeJS.Require, name: string): Record<string, unknown> | undefined {
  for (const folder of require.resolve.paths(name) ?? []) {
    const path = join(folder, name, 'package.json');
    if (existsSync(path)) return asRecord(JSON.parse(readFileSync(path, 'utf8')));
  }
  return undefined;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
