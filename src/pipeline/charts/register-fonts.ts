import { GlobalFonts } from 'canvas';
import { readFileSync } from 'node:fs';
import { codePointsOf, facesFor } from '../../edges/fonts/font-faces.js';
import { fontFaces } from '../../edges/fonts/font-store.js';

const registered = new Set<string>();
/** Noto Sans SC ships as ~100 unicode-range slices per weight; only those a chart needs are read. */
const LATIN_FAMILIES = new Set(['Noto Sans']);

/**
 * Registers the bundled fonts with the canvas that Vega measures text with (vega-canvas loads the
 * `canvas` package). Without them Vega either estimates widths (about 1.45× too wide for Latin,
 * too narrow for Chinese) or measures with whatever the machine has, so layouts would differ
 * between machines and labels would be clipped or badly spaced. Noto Sans is registered on first
 * use; Noto Sans SC slices only when `text` (the compiled spec, data included) has characters in
 * them — reading all of them takes a few hundred milliseconds that most charts do not need.
 */
export function registerChartFonts(text = ''): void {
  const faces = fontFaces().filter((f) => f.family !== 'Noto Sans Mono');
  const latin = faces.filter((f) => LATIN_FAMILIES.has(f.family) && /-(latin|latin-ext)-/.test(f.file));
  const cjk = facesFor(
    faces.filter((f) => f.family === 'Noto Sans SC' && f.style === 'normal'),
    codePointsOf(text).filter((cp) => cp >= 0x2e80),
  );
  for (const face of [...latin, ...cjk]) {
    if (registered.has(face.file)) continue;
    registered.add(face.file);
    GlobalFonts.register(readFileSync(face.file), face.family);
  }
}
