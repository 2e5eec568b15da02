import { z } from 'zod';
import type { ColumnDeclaration, DatasetSchema } from '../frontmatter/data-declarations.js';
import type { SchemaPath } from './schema-places.js';

/**
 * Rules a schema's shape cannot express: a declaration that zod accepts but that could never
 * check anything sensibly ("min" on a text column, the same character as both separators, an
 * allowed value the column's type can never hold).
 */
export interface SchemaProblem {
  path: SchemaPath;
  detail: string;
}

const isoDate = z.iso.date();

export function schemaProblems(schema: DatasetSchema): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (schema.thousands !== undefined && schema.thousands === schema.decimal) {
    problems.push({ path: ['thousands'], detail: `"${schema.thousands}" cannot be both the thousands and the decimal separator` });
  }
  for (const [column, declaration] of Object.entries(schema.columns)) {
    problems.push(...columnProblems(column, declaration));
  }
  return problems;
}

function columnProblems(column: string, declaration: ColumnDeclaration): SchemaProblem[] {
  const { type, min, max, values } = declaration;
  const at = (...rest: Array<string | number>): SchemaPath => ['columns', column, ...rest];
  const numeric = type === 'number' || type === 'integer';
  const problems: SchemaProblem[] = [];
  for (const [bound, value] of [['min', min], ['max', max]] as const) {
    if (value !== undefined && !numeric) problems.push({ path: at(bound), detail: `"${bound}" applies to number and integer columns; column "${column}" is ${type}` });
  }
  if (numeric && min !== undefined && max !== undefined && min > max) {
    problems.push({ path: at('min'), detail: `column "${column}": min ${min} is greater than max ${max}` });
  }
  if (type === 'boolean' && values !== undefined) {
    problems.push({ path: at('values'), detail: `"values" do not apply to boolean columns (column "${column}")` });
    return problems;
  }
  values?.forEach((value, i) => {
    const fits =
      type === 'integer' ? Number.isInteger(value) : type === 'number' ? typeof value === 'number' : type === 'date' ? isoDate.safeParse(value).success : true;
    if (!fits) problems.push({ path: at('values', i), detail: `allowed value ${JSON.stringify(value)} is not ${article(type)} (column "${column}")` });
  });
  return problems;
}

const article = (type: ColumnDeclaration['type']): string => (type === 'integer' ? 'an integer' : type === 'date' ? 'a date (YYYY-MM-DD)' : `a ${type}`);
