import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import { catalogue } from '../../messages/catalogue.js';
import type { JsonObject } from './json.js';
import { pickSchemaProblem, type SchemaProblem } from './schema-errors.js';
import { reportAt, type ChartContext } from './spec-positions.js';
import { AJV_OPTIONS, vegaLiteSchema } from './vega-lite-schema.js';

let validator: ValidateFunction | undefined;
let compileMs: number | undefined;

/**
 * The Vega-Lite schema validator. `npm run build` generates it as standalone code next to this
 * module (dist/pipeline/charts/vega-lite-validator.cjs, see scripts/build-validator.mjs), which loads in a
 * fraction of the second or more that compiling the 1.9 MB schema takes; without it (tests run
 * from src/) it is compiled on first use.
 */
function schemaValidator(): ValidateFunction {
  if (validator) return validator;
  const started = performance.now();
  const require = createRequire(import.meta.url);
  try {
    validator = require('./vega-lite-validator.cjs') as ValidateFunction;
  } catch {
    const ajv = new Ajv({ ...AJV_OPTIONS, code: { optimize: false } });
    validator = ajv.compile(vegaLiteSchema());
  }
  compileMs = performance.now() - started;
  return validator;
}

/** Milliseconds the schema compile took in this process, once it has happened. */
export function schemaCompileMs(): number | undefined {
  return compileMs;
}

/**
 * Validates a spec against the Vega-Lite schema, reporting the single most useful problem. The
 * compiler is the authority: the schema lags behind it (properties it reads but does not
 * declare), so a spec the schema rejects but `compiles` accepts is drawn, with a warning at the
 * problem. A spec neither accepts is an error there, which says more than the compiler's throw.
 */
export function validateSpec(spec: JsonObject, ctx: ChartContext, compiles: (spec: JsonObject) => boolean): SpecCheck {
  const errors = schemaErrors(spec);
  if (!errors) return { ok: true };
  // Single-view specs must have top-level data, and validation of that alternative stops at the
  // missing property; look past it so a typo elsewhere is not hidden behind "needs data".
  const retry = 'data' in spec ? errors : schemaErrors({ ...spec, data: { values: [] } });
  const problem = retry ? pickSchemaProblem(retry, spec) : NEEDS_DATA;
  const accepted = compiles(spec);
  reportAt(ctx, accepted ? catalogue.chartSchemaAccepted(problem.detail) : catalogue.chartSchema(problem.detail), problem.path, problem.atKey);
  return accepted && problem.atKey ? { ok: true, unknownProperty: problem.path[problem.path.length - 1] ?? '' } : { ok: accepted };
}

export interface SpecCheck {
  ok: boolean;
  /** A property the schema does not know but the compiler accepted, already warned about (the compiler's own warning about it is the same mistake). */
  unknownProperty?: string;
}

const NEEDS_DATA: SchemaProblem = { path: [], atKey: false, detail: 'the spec needs property "data"' };

/** The schema errors of a value, or undefined when it is valid. */
function schemaErrors(value: JsonObject): ErrorObject[] | undefined {
  const validate = schemaValidator();
  return validate(value) ? undefined : (validate.errors ?? []);
}
