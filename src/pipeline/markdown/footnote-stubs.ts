/**
 * GFM only reads `[^label]` as a footnote reference when its definition is in the same file.
 * Briefings cite across files (a definition in brief.md, a reference in sections/02.md), and a
 * reference with no definition must still be seen to be reported. So each file is parsed with
 * stub definitions appended for the labels it references but does not define; the stubs sit past
 * the end of the real text, which is how `collectCitations` recognises and drops them.
 */
const REFERENCE = /\[\^([^\]\s][^\]]*)\](?!:)/g;
const DEFINITION = /^ {0,3}\[\^([^\]\s][^\]]*)\]:/gm;

export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

export function footnoteStubs(markdown: string): string {
  const defined = new Set([...markdown.matchAll(DEFINITION)].map((m) => normalizeLabel(m[1] ?? '')));
  const missing = new Map<string, string>();
  for (const m of markdown.matchAll(REFERENCE)) {
    const label = m[1] ?? '';
    if (!defined.has(normalizeLabel(label))) missing.set(normalizeLabel(label), label);
  }
  if (missing.size === 0) return '';
  return `\n\n${[...missing.values()].map((label) => `[^${label}]: stub`).join('\n\n')}\n`;
}
