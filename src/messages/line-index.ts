import type { Place } from './message.js';

/** Maps character offsets in a text to 1-based line/column places. */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.#starts.push(i + 1);
  }

  place(offset: number): Place {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.#starts[lo] ?? 0) + 1 };
  }

  offset(place: Place): number {
    return (this.#starts[place.line - 1] ?? 0) + place.column - 1;
  }
}

/** Shifts a place found in an embedded text (e.g. a code block) to the enclosing file. */
export function shiftPlace(inner: Place, origin: Place): Place {
  return inner.line === 1
    ? { line: origin.line, column: origin.column + inner.column - 1 }
    : { line: origin.line + inner.line - 1, column: inner.column };
}
