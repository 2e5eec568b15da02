import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { catalogue } from '../messages/catalogue.js';
import type { JsonObject } from './json.js';
import { pickSchemaProblem, type SchemaProblem } from './schema-errors.js';
import { reportAt, type ChartContext } from './spec-positions.js';

let validator: ValidateFunction | undefined;
let compileMs: number | undefined;

/**
 * The Vega-Lite schema validator, compiled on first use: compiling the 1.9 MB schema takes
 * around a second, which builds without charts should not pay.
 */
function schemaValidator(): ValidateFunction {
  if (validator) return validator;
  const started = performance.now();
  const path = createRequire(import.meta.url).resolve('vega-lite/vega-lite-schema.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as object;
  const ajv = new Ajv({
    allowUnionTypes: true,
    strict: false,
    // Stop each alternative at its first error: fewer, more relevant errors, faster rejection.
    allErrors: false,
    // Keep the failing schema on each error so unknown properties can be told from rivals'.
    verbose: true,
    // Ajv's code optimiser roughly doubles compile time for this schema and buys nothing here.
    code: { optimize: false },
    // Formats only matter for URLs, which the data binding stage checks itself.
    formats: { uri: true, 'uri-reference': true, 'color-hex': true },
  });
  validator = ajv.compile(schema);
  compileMs = performance.now() - started;
  return validator;
}

/** Milliseconds the schema compile took in this process, once it has happened. */
export function schemaCompileMs(): number | undefined {
  return compileMs;
}

/** Validates a spec against the Vega-Lite schema, reporting the single most useful error. */
export function validateSpec(spec: JsonObject, ctx: ChartContext): boolean {
  const errors = schemaErrors(spec);
  if (!errors) return true;
  // Single-view specs must have top-level data, and validation of that alternative stops at the
  // missing property; look past it so a typo elsewhere is not hidden behind "needs data".
  const retry = 'data' in spec ? errors : schemaErrors({ ...spec, data: { values: [] } });
  const problem = retry ? pickSchemaProblem(retry) : NEEDS_DATA;
  reportAt(ctx, catalogue.chartSchema(problem.detail), problem.path, problem.atKey);
  return false;
}

const NEEDS_DATA: SchemaProblem = { path: [], atKey: false, detail: 'the spec needs property "data"' };

/** The schema errors of a value, or undefined when it is valid. */
function schemaErrors(value: JsonObject): ErrorObject[] | undefined {
  const validate = schemaValidator();
  return validate(value) ? undefined : (validate.errors ?? []);
}
