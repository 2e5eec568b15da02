/**
 * Escaping for text that must read as text in wikitext. Characters that start markup become
 * HTML entities, which MediaWiki shows as the character itself: links and templates (`[ ] { }`),
 * table and template pipes, tags and entities, bold/italic quote runs, signatures (`~~~`, which
 * the save step would expand), behaviour switches (`__TOC__`) and table header separators (`!!`).
 */
export function escapeWikitext(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[[\]{}|]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/^'|'$|'(?=')|(?<=')'/g, '&#39;')
    .replace(/~(?=~)/g, '&#126;')
    .replace(/_(?=_)/g, '&#95;')
    .replace(/!(?=!)/g, '&#33;');
}

/** A line must not start what wikitext reads as a list, indent, heading, table or rule. */
export function escapeLineStart(line: string): string {
  if (/^[*#:;= ]/.test(line)) return `&#${line.charCodeAt(0)};${line.slice(1)}`;
  if (line.startsWith('----')) return `&#45;${line.slice(1)}`;
  return line;
}

/** Attribute values in `<ref name="…">` and `<span id="…">`. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** An external link target: no spaces or brackets (they end the URL in `[url label]`). */
export function escapeUrl(url: string): string {
  return url.replace(/[\s[\]<>"'{}|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `<pre>` content: MediaWiki reads no markup there, but does decode entities. */
export function escapePre(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
