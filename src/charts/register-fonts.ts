import { GlobalFonts } from 'canvas';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let registered = false;

const NOTO_SANS = /^noto-sans-(latin|latin-ext)-(400|700)-normal\.woff2$|^noto-sans-(latin|latin-ext)-400-italic\.woff2$/;
// Noto Sans SC ships as ~100 unicode-range slices per weight; Skia falls back across all of them.
const NOTO_SANS_SC = /^noto-sans-sc-\d+-(400|700)-normal\.woff2$/;

/**
 * Registers the bundled fonts with the canvas that Vega measures text with (vega-canvas loads the
 * `canvas` package). Without them Vega either estimates widths (about 1.45× too wide for Latin,
 * too narrow for Chinese) or measures with whatever the machine has, so layouts would differ
 * between machines and labels would be clipped or badly spaced. Done once per process, lazily:
 * reading the Chinese font takes a few hundred milliseconds.
 */
export function registerChartFonts(): void {
  if (registered) return;
  registered = true;
  register('@fontsource/noto-sans', 'Noto Sans', NOTO_SANS);
  register('@fontsource/noto-sans-sc', 'Noto Sans SC', NOTO_SANS_SC);
}

function register(pkg: string, family: string, pattern: RegExp): void {
  const dir = join(dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`)), 'files');
  for (const name of readdirSync(dir).sort()) {
    if (pattern.test(name)) GlobalFonts.register(readFileSync(join(dir, name)), family);
  }
}
