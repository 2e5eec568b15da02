import { catalogue } from '../../messages/catalogue.js';
import { LineIndex } from '../../messages/line-index.js';
import type { MessageLog } from '../../messages/message-log.js';

export interface SearchableText {
  file: string;
  text: string;
  /** Line of the file on which `text` starts. */
  firstLine?: number;
}

/**
 * Reports each character that no embedded font can draw (tofu is invisible to pdffonts and
 * pdftotext), at its first place in the author's files — or at the file that brings it in (a
 * template) when the content does not contain it.
 */
export function reportGlyphGaps(codePoints: readonly number[], sources: readonly SearchableText[], fallbackFile: string, log: MessageLog): void {
  for (const cp of codePoints) {
    const char = String.fromCodePoint(cp);
    const template = catalogue.glyphMissing(char, cp);
    const source = sources.find((s) => s.text.includes(char));
    if (!source) {
      log.report(template, fallbackFile);
      continue;
    }
    const place = new LineIndex(source.text).place(source.text.indexOf(char));
    log.report(template, source.file, { line: place.line + (source.firstLine ?? 1) - 1, column: place.column });
  }
}
