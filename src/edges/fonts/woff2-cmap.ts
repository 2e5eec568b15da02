import { brotliDecompressSync } from 'node:zlib';

/** WOFF2's table tags by their 6-bit index (WOFF2 specification, "Known Table Tags"); only these three matter here. */
const CMAP = 0;
const GLYF = 10;
const LOCA = 11;
const ARBITRARY_TAG = 0x3f;
const HEADER_BYTES = 48;

/**
 * Which code points a WOFF2 font maps to a glyph, read from its `cmap` table. The font's tables
 * are one Brotli stream; Node's own (native) Brotli decodes it in well under a millisecond, where
 * a full font library in JavaScript spends a third of a second on loading and decoding for
 * the same answer. Throws on a file that is not WOFF2 or has no usable Unicode cmap.
 */
export function woff2Coverage(bytes: Uint8Array): (codePoint: number) => boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== 0x774f4632) throw new Error('not a WOFF2 font'); // 'wOF2'
  const numTables = view.getUint16(12);
  const compressedSize = view.getUint32(20);
  let pos = HEADER_BYTES;
  const base128 = (): number => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = view.getUint8(pos++);
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new Error('bad WOFF2 number');
  };
  let cmapOffset: number | undefined;
  let cmapLength = 0;
  let offset = 0;
  for (let i = 0; i < numTables; i++) {
    const flags = view.getUint8(pos++);
    const index = flags & 0x3f;
    if (index === ARBITRARY_TAG) pos += 4;
    const version = flags >>> 6;
    const transformed = index === GLYF || index === LOCA ? version === 0 : version !== 0;
    const origLength = base128();
    const length = transformed ? base128() : origLength;
    if (index === CMAP) [cmapOffset, cmapLength] = [offset, length];
    offset += length; // tables follow each other in the stream, unpadded
  }
  if (cmapOffset === undefined) throw new Error('WOFF2 font without a cmap table');
  const tables = brotliDecompressSync(bytes.subarray(pos, pos + compressedSize));
  return cmapCoverage(new DataView(tables.buffer, tables.byteOffset + cmapOffset, cmapLength));
}

/** The best Unicode subtable, as font libraries choose it: full repertoire (format 12) before BMP (format 4). */
function cmapCoverage(cmap: DataView): (codePoint: number) => boolean {
  const count = cmap.getUint16(2);
  const subtables = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const record = 4 + i * 8;
    const platform = cmap.getUint16(record);
    const encoding = cmap.getUint16(record + 2);
    const at = cmap.getUint32(record + 4);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) subtables.set(cmap.getUint16(at), at);
  }
  const full = subtables.get(12);
  if (full !== undefined) return format12(cmap, full);
  const bmp = subtables.get(4);
  if (bmp !== undefined) return format4(cmap, bmp);
  throw new Error('font without a Unicode cmap subtable of format 4 or 12');
}

/** Segmented coverage: groups of consecutive code points mapped to consecutive glyphs. */
function format12(cmap: DataView, at: number): (codePoint: number) => boolean {
  const groups = cmap.getUint32(at + 12);
  const ranges: Array<[number, number, number]> = [];
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12;
    ranges.push([cmap.getUint32(g), cmap.getUint32(g + 4), cmap.getUint32(g + 8)]);
  }
  return (cp) => ranges.some(([start, end, glyph]) => cp >= start && cp <= end && glyph + (cp - start) !== 0);
}

/** Segment mapping to delta values (BMP only); glyph 0 is "missing". */
function format4(cmap: DataView, at: number): (codePoint: number) => boolean {
  const segments = cmap.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (cp) => {
    if (cp > 0xffff) return false;
    for (let i = 0; i < segments; i++) {
      if (cp > cmap.getUint16(ends + i * 2)) continue;
      const start = cmap.getUint16(starts + i * 2);
      if (cp < start) return false;
      const delta = cmap.getUint16(deltas + i * 2);
      const rangeOffset = cmap.getUint16(rangeOffsets + i * 2);
      if (rangeOffset === 0) return ((cp + delta) & 0xffff) !== 0;
      const glyph = cmap.getUint16(rangeOffsets + i * 2 + rangeOffset + (cp - start) * 2);
      return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
    }
    return false;
  };
}
