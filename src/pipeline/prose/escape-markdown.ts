/**
 * Escapes a value inserted into Markdown so it reads literally: data such as `*_AI_*` or
 * `[draft]` must not turn into emphasis or links. (HTML escaping happens later, on the tree.)
 */
const INLINE = /[\\`*_[\]<>|~$&{}]/g;

export function escapeMarkdown(value: string): string {
  const text = value.replace(/\r?\n/g, ' ').replace(INLINE, (c) => `\\${c}`);
  // A value that starts with a block marker and a space ("- x", "# x", "1. x") would become a list
  // or heading if it landed at the start of a line.
  return text.replace(/^(\s*)([#+\->]|\d+[.)])(?=\s|$)/, (_m, space: string, marker: string) =>
    `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`,
  );
}
