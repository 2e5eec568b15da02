/**
 * Problems that make text not well-formed XML (what Confluence answers "error parsing xhtml"
 * for): unbalanced or crossed tags, unknown entities, a bare `&` or `<`. Enough for storage
 * format, which has no DTD and no processing instructions.
 */
export function xmlProblems(text: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  const token = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\/?([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|&(?:#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);|[<&]/g;
  for (const match of text.matchAll(token)) {
    const [whole, name, , selfClosing] = match;
    if (whole === '<' || whole === '&') problems.push(`bare "${whole}" at ${match.index}`);
    else if (!name) continue;
    else if (whole.startsWith('</')) {
      const top = open.pop();
      if (top !== name) problems.push(`</${name}> closes <${top ?? 'nothing'}> at ${match.index}`);
    } else if (!selfClosing) open.push(name);
  }
  if (open.length > 0) problems.push(`unclosed: ${open.join(', ')}`);
  return problems;
}
