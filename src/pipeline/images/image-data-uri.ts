import { normalizeInside, type BriefingFiles } from '../../edges/files/briefing-files.js';

/** Image types a briefing can embed, by file extension. */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

export type ImageLookup =
  | { ok: true; uri: string }
  /** `remote`: a URL or a path that leaves the folder; `missing`: no such file, or not an image type. */
  | { ok: false; reason: 'remote' | 'missing' };

/**
 * An image source as a `data:` URI, read from inside the briefing folder only: pages are
 * self-contained and make no request when opened. Used by Markdown images and chart image marks.
 * `data:` URIs of raster images are self-contained and pass as they are (SVG ones could carry links).
 */
export function imageDataUri(files: BriefingFiles, src: string): ImageLookup {
  if (/^data:image\/(?!svg)/i.test(src)) return { ok: true, uri: src };
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return { ok: false, reason: 'remote' };
  const path = normalizeInside(decodePath(src.split(/[?#]/)[0] ?? ''));
  if (path === undefined) return { ok: false, reason: 'remote' };
  const type = IMAGE_TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()];
  const bytes = type ? files.readBytes(path) : undefined;
  if (!type || !bytes) return { ok: false, reason: 'missing' };
  return { ok: true, uri: `data:${type};base64,${Buffer.from(bytes).toString('base64')}` };
}

/** `my%20chart.png` → `my chart.png`; a malformed escape is kept as written (and then not found). */
function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
