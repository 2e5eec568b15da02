import { z } from 'zod';
import { formatProblem } from '../data/date-cells.js';

/**
 * What front matter may say about a dataset (`data: { releases: {…} }`):
 *  - `date`: the column that dates each row (`date: week`), with its d3-time-format when it is not
 *    ISO 8601 (`date: { column: date, format: "%b %d %Y" }`), so the dataset is sliced into period
 *    windows (`releases@current`, `@previous`, `@lastyear`, `@trailing`) when the briefing has a period;
 *  - `trailing`: how many periods `@trailing` holds (default 12);
 *  - `schema`: column types and rules every row is checked against (or `data/<name>.schema.json`);
 *  - `sql`: the dataset is a query (DuckDB over the briefing's files, or a configured `source`);
 *    `queries/<name>.sql` is the same without the SQL in front matter.
 */
export const columnDeclarationSchema = z.strictObject({
  type: z.enum(['string', 'number', 'integer', 'date', 'boolean']),
  required: z.boolean().default(false),
  values: z.array(z.union([z.string(), z.number()])).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});

export const datasetSchemaSchema = z.strictObject({
  /** Column(s) whose values together are unique in every row. */
  key: z.union([z.string(), z.array(z.string())]).optional(),
  /** Thousands separator allowed in numbers (never guessed from a locale). */
  thousands: z.enum([',', '.', ' ', "'", '_']).optional(),
  /** Decimal separator in numbers (default "."). */
  decimal: z.enum(['.', ',']).default('.'),
  columns: z.record(z.string(), columnDeclarationSchema),
});

/** `date: week` or `date: { column: date, format: "%b %d %Y" }`, always read as `{ column, format? }`. */
const dateColumnSchema = z.union([
  z.string().min(1).transform((column) => ({ column })),
  z.strictObject({
    column: z.string().min(1),
    format: z
      .string()
      .superRefine((format, ctx) => {
        const problem = formatProblem(format);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
  }),
]);

export const dataDeclarationSchema = z.strictObject({
  date: dateColumnSchema.optional(),
  trailing: z.number().int().min(1).max(520).default(12),
  schema: datasetSchemaSchema.optional(),
  sql: z.string().refine((text) => text.trim() !== '', 'expected a query').optional(),
  /** A source named in briefsmith.config.json (`sources`); without one, DuckDB runs the query. */
  source: z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected a source name from briefsmith.config.json').optional(),
});

export type ColumnDeclaration = z.output<typeof columnDeclarationSchema>;
export type DatasetSchema = z.output<typeof datasetSchemaSchema>;
export type DataDeclaration = z.output<typeof dataDeclarationSchema>;

export const dataDeclarationsSchema = z.record(z.string(), dataDeclarationSchema);
