import { findNodeAtLocation, type Node } from 'jsonc-parser';
import { isMap, isNode, isScalar, type Document } from 'yaml';
import { LineIndex } from '../../messages/line-index.js';
import type { Place } from '../../messages/message.js';

/**
 * Where a path inside a schema (`["columns", "downloads", "min"]`) is written, so a schema problem
 * points at the key or value the author typed, in a sidecar JSON/YAML file or in front matter.
 * A path that is not written (a missing key) falls back to its nearest written parent.
 */
export type SchemaPath = ReadonlyArray<string | number>;

export interface SchemaPlaces {
  /** The value at `path` (or, with `key`, the key naming it). */
  at(path: SchemaPath, options?: { key?: boolean }): Place;
}

export function jsonPlaces(tree: Node | undefined, text: string): SchemaPlaces {
  const index = new LineIndex(text);
  return {
    at(path, options = {}) {
      for (let n = path.length; n >= 0 && tree; n--) {
        const node = findNodeAtLocation(tree, [...path.slice(0, n)]);
        if (!node) continue;
        const keyed = (options.key === true || n < path.length) && node.parent?.type === 'property';
        return index.place(keyed ? (node.parent?.offset ?? node.offset) : node.offset);
      }
      return { line: 1, column: 1 };
    },
  };
}

/** `firstLine` is the file line the YAML text starts on (2 for front matter, after the fence). */
export function yamlPlaces(doc: Document, text: string, firstLine = 1): SchemaPlaces {
  const index = new LineIndex(text);
  const place = (offset: number): Place => {
    const p = index.place(offset);
    return { line: p.line + firstLine - 1, column: p.column };
  };
  return {
    at(path, options = {}) {
      for (let n = path.length; n >= 0; n--) {
        const prefix = path.slice(0, n);
        const keyOffset = n > 0 ? yamlKeyOffset(doc, prefix) : undefined;
        if ((options.key === true || n < path.length) && keyOffset !== undefined) return place(keyOffset);
        const node = n === 0 ? doc.contents : doc.getIn(prefix, true);
        if (isNode(node) && node.range) return place(node.range[0]);
        if (keyOffset !== undefined) return place(keyOffset);
      }
      return { line: firstLine, column: 1 };
    },
  };
}

function yamlKeyOffset(doc: Document, path: SchemaPath): number | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const last = path[path.length - 1];
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
  return isNode(pair?.key) ? pair.key.range?.[0] : undefined;
}
