/**
 * Byte-level finishing of Chromium's PDF, so rebuilds are byte-identical and the document
 * carries its own metadata:
 *  - the clock's CreationDate/ModDate become the briefing's date (same length, offsets unchanged);
 *  - tagged-structure ids `(node00000425)`, which keep counting when a page is reused, are
 *    renumbered from 1 in their original order (same width, so the ID tree stays sorted);
 *  - a new Info dictionary (Title, Author, Subject, Keywords, dates) is appended as an
 *    incremental update, the way PDF writers amend a file without rewriting it.
 */
export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator: string;
  /** ISO date (YYYY-MM-DD) used for both CreationDate and ModDate. */
  date?: string;
}

export function finishPdf(pdf: Uint8Array, meta: PdfMetadata): Uint8Array {
  const pdfDate = `D:${(meta.date ?? '2000-01-01').replaceAll('-', '')}000000+00'00'`;
  let text = Buffer.from(pdf).toString('latin1');
  text = text.replace(/\((D:\d{14}[+\-Z][^)]{0,8})\)/g, (whole, inner: string) =>
    inner.length === pdfDate.length ? `(${pdfDate})` : whole,
  );
  text = renumberNodeIds(text);
  return Buffer.concat([Buffer.from(text, 'latin1'), Buffer.from(infoUpdate(text, meta, pdfDate), 'latin1')]);
}

function renumberNodeIds(text: string): string {
  const ids = [...new Set([...text.matchAll(/\(node(\d{8})\)/g)].map((m) => m[1] ?? ''))].sort();
  const next = new Map(ids.map((id, i) => [id, String(i + 1).padStart(8, '0')]));
  return text.replace(/\(node(\d{8})\)/g, (_whole, id: string) => `(node${next.get(id) ?? id})`);
}

function infoUpdate(text: string, meta: PdfMetadata, pdfDate: string): string {
  const trailer = text.lastIndexOf('trailer');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  const size = Number(/\/Size\s+(\d+)/.exec(text.slice(trailer))?.[1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(text.slice(trailer))?.[1];
  if (trailer === -1 || !startxref || !Number.isFinite(size) || !root) {
    throw new Error('unexpected PDF layout: no classic trailer to append metadata to');
  }
  const entries: Array<[string, string | undefined]> = [
    ['Title', meta.title],
    ['Author', meta.author],
    ['Subject', meta.subject],
    ['Keywords', meta.keywords],
    ['Creator', meta.creator],
    ['Producer', meta.creator],
  ];
  const body = entries
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([key, value]) => `/${key} ${pdfText(value)}`)
    .join('\n');
  const separator = text.endsWith('\n') ? '' : '\n';
  const objectOffset = text.length + separator.length;
  const object = `${size} 0 obj\n<<${body}\n/CreationDate (${pdfDate})\n/ModDate (${pdfDate})>>\nendobj\n`;
  const xrefOffset = objectOffset + object.length;
  const xref = `xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n`;
  const newTrailer = `trailer\n<</Size ${size + 1}\n/Root ${root}\n/Info ${size} 0 R\n/Prev ${startxref[1]}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return `${separator}${object}${xref}${newTrailer}`;
}

/** A PDF text string: UTF-16BE with a byte-order mark, written in hex (safe for any character). */
export function pdfText(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}
