import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let schema: Record<string, unknown> | undefined;

/** The Vega-Lite JSON schema shipped with vega-lite (read once, when first needed). */
export function vegaLiteSchema(): Record<string, unknown> {
  schema ??= JSON.parse(readFileSync(createRequire(import.meta.url).resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  return schema;
}

/** The schema object a JSON pointer such as `#/definitions/MarkDef` names, if any. */
export function schemaAt(pointer: string): unknown {
  let node: unknown = vegaLiteSchema();
  for (const raw of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Options shared by the runtime compile and the build-time standalone validator. */
export const AJV_OPTIONS = {
  allowUnionTypes: true,
  strict: false,
  // Stop each alternative at its first error: fewer, more relevant errors, faster rejection.
  allErrors: false,
  // Formats only matter for URLs, which the data binding stage checks itself.
  formats: { uri: true, 'uri-reference': true, 'color-hex': true },
} as const;

let closedObjects: Array<ReadonlySet<string>> | undefined;

/**
 * The property names of every closed object in the schema that declares all of `siblings`: what
 * a property beside them could have been meant as. (The standalone validator's errors point into
 * inlined schemas, so the schema that rejected a property cannot always be looked up.)
 */
export function propertiesBeside(siblings: readonly string[]): string[] {
  closedObjects ??= Object.values((vegaLiteSchema()['definitions'] ?? {}) as Record<string, unknown>).flatMap((definition) => {
    const d = definition as { properties?: Record<string, unknown>; additionalProperties?: unknown } | null;
    return d?.properties && d.additionalProperties === false ? [new Set(Object.keys(d.properties))] : [];
  });
  const names = new Set<string>();
  for (const properties of closedObjects) if (siblings.every((s) => properties.has(s))) for (const p of properties) names.add(p);
  return [...names];
}
