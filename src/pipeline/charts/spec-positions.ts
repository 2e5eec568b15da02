import type { Node } from 'jsonc-parser';
import type { MessageTemplate } from '../../messages/catalogue.js';
import { LineIndex, shiftPlace } from '../../messages/line-index.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { Place } from '../../messages/message.js';
import type { JsonPath } from './json.js';

/**
 * Maps JSON paths of a parsed spec back to places in the file the author edits, so every chart
 * message points at the offending node (shifted by `origin` for specs inline in Markdown).
 */
export class SpecPositions {
  readonly #tree: Node | undefined;
  readonly #index: LineIndex;
  readonly #origin: Place;

  constructor(tree: Node | undefined, text: string, origin: Place = { line: 1, column: 1 }) {
    this.#tree = tree;
    this.#index = new LineIndex(text);
    this.#origin = origin;
  }

  /** Place of a character offset in the spec text. */
  offsetPlace(offset: number): Place {
    return shiftPlace(this.#index.place(offset), this.#origin);
  }

  /** Place of the value at `path`, or of its deepest existing ancestor. */
  place(path: JsonPath): Place {
    return this.offsetPlace(nodeAt(this.#tree, path)?.offset ?? 0);
  }

  /** Place of the property name that ends `path` (falls back to the value's place). */
  keyPlace(path: JsonPath): Place {
    const node = nodeAt(this.#tree, path);
    const key = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    if (key && node && nodeAt(this.#tree, path.slice(0, -1)) !== node) return this.offsetPlace(key.offset);
    return this.offsetPlace(node?.offset ?? 0);
  }
}

/**
 * The node at `path`, or the deepest ancestor that exists. Unlike jsonc-parser's
 * findNodeAtLocation this accepts numeric strings for array indices (JSON pointers from Ajv) and
 * picks the last duplicate key, matching what JSON.parse keeps.
 */
export function nodeAt(tree: Node | undefined, path: JsonPath): Node | undefined {
  let node = tree;
  for (const segment of path) {
    if (!node) return undefined;
    let next: Node | undefined;
    if (node.type === 'array') {
      next = node.children?.[Number(segment)];
    } else if (node.type === 'object') {
      for (const prop of node.children ?? []) {
        if (prop.children?.[0]?.value === String(segment)) next = prop.children[1];
      }
    }
    if (!next) return node;
    node = next;
  }
  return node;
}

/** Where a chart stage reports: the display file, the spec's positions and the build's log. */
export interface ChartContext {
  file: string;
  positions: SpecPositions;
  log: MessageLog;
}

export function reportAt(ctx: ChartContext, template: MessageTemplate, path: JsonPath = [], atKey = false): void {
  ctx.log.report(template, ctx.file, atKey ? ctx.positions.keyPlace(path) : ctx.positions.place(path));
}
