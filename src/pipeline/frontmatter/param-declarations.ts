import { z } from 'zod';

/**
 * Parameters a briefing declares in front matter, with a type and a default; `--param name=value`
 * overrides them. A `period` parameter makes the briefing periodic (one issue per period).
 *
 *   params:
 *     period: { type: period, default: latest }
 *     region: { type: enum, values: [EU, US, APAC], default: EU }
 */
const base = { description: z.string().optional() };

export const paramDeclarationSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('string'), default: z.string().optional() }),
  z.strictObject({ ...base, type: z.literal('number'), default: z.number().optional() }),
  z.strictObject({ ...base, type: z.literal('boolean'), default: z.boolean().optional() }),
  z.strictObject({
    ...base,
    type: z.literal('date'),
    default: z
      .union([z.string(), z.date()])
      .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
      .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'))
      .optional(),
  }),
  z.strictObject({ ...base, type: z.literal('enum'), values: z.array(z.string()).min(1), default: z.string().optional() }),
  z.strictObject({
    ...base,
    type: z.literal('period'),
    /** week, month, quarter or year: which periods are valid values. */
    kind: z.enum(['week', 'month', 'quarter', 'year']),
    /** A period id such as 2026-W48, or "latest" (the latest period present in the data). */
    default: z.union([z.string(), z.number()]).transform(String).optional(),
  }),
]);

export type ParamDeclaration = z.output<typeof paramDeclarationSchema>;

export const paramsSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'parameter names are lowercase words'), paramDeclarationSchema);
