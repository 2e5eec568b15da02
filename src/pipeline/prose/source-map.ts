/**
 * Maps offsets in generated text back to offsets in the source it came from. Literal text maps
 * one-to-one; text produced by an expression maps to the expression's start.
 */
interface Segment {
  outStart: number;
  srcStart: number;
  literal: boolean;
}

export class SourceMap {
  readonly #segments: Segment[] = [];

  add(outStart: number, srcStart: number, literal: boolean): void {
    this.#segments.push({ outStart, srcStart, literal });
  }

  toSource(outOffset: number): number {
    let found: Segment | undefined;
    for (const s of this.#segments) {
      if (s.outStart > outOffset) break;
      found = s;
    }
    if (!found) return outOffset;
    return found.literal ? found.srcStart + (outOffset - found.outStart) : found.srcStart;
  }
}
