import { z } from 'zod';
import type { ColumnDeclaration, DatasetSchema } from '../frontmatter/data-declarations.js';
import { numberFromText, numberPattern, type Separators } from './cell-text.js';
import type { Cell, Row } from './dataset.js';

/**
 * A dataset's declared schema as one zod object schema, which every row is parsed with. A cell
 * arrives as text (CSV/TSV) or as a JSON value and leaves as a typed `Cell`; each failure is an
 * issue whose path is the column and whose message is the sentence shown to the author.
 */
export type RowSchema = z.ZodType<Row, Record<string, unknown>>;

type CellSchema = z.ZodType<Cell>;

/** `"12x"` for text, `12` for numbers, so the author sees exactly what the cell holds. */
const shown = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));

const notA = (what: string) => (issue: { input: unknown }) => `${shown(issue.input)} is not ${what}`;

/** Empty (after trim) and absent cells are null before any rule looks at them. */
const blankToNull = (value: unknown): unknown =>
  value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value;

/** Builds the row schema for the declared columns that the file actually has. */
export function rowSchema(schema: DatasetSchema, columns: readonly string[]): RowSchema {
  const separators: Separators = { thousands: schema.thousands, decimal: schema.decimal };
  const shape: Record<string, CellSchema> = {};
  for (const [name, declaration] of Object.entries(schema.columns)) {
    if (columns.includes(name)) shape[name] = columnSchema(declaration, separators);
  }
  return z.object(shape) as unknown as RowSchema;
}

function columnSchema(declaration: ColumnDeclaration, separators: Separators): CellSchema {
  const cell = z.preprocess(blankToNull, valueSchema(declaration, separators).nullable());
  return declaration.required ? cell.refine((v) => v !== null, { error: 'missing required value', abort: true }) : cell;
}

/** The schema of a present (non-empty) cell: its type, then bounds, then allowed values. */
function valueSchema(declaration: ColumnDeclaration, separators: Separators): CellSchema {
  switch (declaration.type) {
    case 'number':
    case 'integer':
      return numberSchema(declaration.type, declaration, separators);
    case 'date':
      return withValues(z.string({ error: notA('a date') }).trim().pipe(z.iso.date({ error: notA('a date (expected YYYY-MM-DD, a real calendar day)') })), declaration);
    case 'boolean':
      return z.union([z.boolean(), z.string().trim().pipe(z.stringbool({ truthy: ['true'], falsy: ['false'], case: 'insensitive' }))], {
        error: notA('a boolean (expected true or false)'),
      });
    case 'string':
      return withValues(z.string({ error: notA('a string') }), declaration);
  }
}

function numberSchema(kind: 'number' | 'integer', declaration: ColumnDeclaration, separators: Separators): CellSchema {
  const what = kind === 'integer' ? 'an integer' : 'a number';
  const pattern = numberPattern(kind, separators);
  const fromText = z.string().trim().regex(pattern).transform((text) => numberFromText(text, separators));
  let checked = kind === 'integer' ? z.int({ error: notA(what) }) : z.number({ error: notA(what) });
  const { min, max } = declaration;
  if (min !== undefined) checked = checked.min(min, { error: (issue) => `${shown(issue.input)} is below the minimum ${min}` });
  if (max !== undefined) checked = checked.max(max, { error: (issue) => `${shown(issue.input)} is above the maximum ${max}` });
  const typed = z.union([z.number(), fromText], { error: notA(what) }).pipe(checked);
  const allowed = declaration.values?.filter((v): v is number => typeof v === 'number');
  return allowed && allowed.length > 0 ? typed.pipe(z.literal(allowed, { error: notAllowed(allowed) })) : typed;
}

function withValues(schema: z.ZodType<string>, declaration: ColumnDeclaration): CellSchema {
  const allowed = declaration.values?.map(String);
  return allowed && allowed.length > 0 ? schema.pipe(z.literal(allowed, { error: notAllowed(allowed) })) : schema;
}

const notAllowed = (allowed: ReadonlyArray<string | number>) => (issue: { input: unknown }) =>
  `${shown(issue.input)} is not one of the allowed values: ${allowed.map(shown).join(', ')}`;
