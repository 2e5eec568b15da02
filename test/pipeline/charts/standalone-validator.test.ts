import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { pickSchemaProblem } from '../../../src/pipeline/charts/schema-errors.js';
import { AJV_OPTIONS, vegaLiteSchema } from '../../../src/pipeline/charts/vega-lite-schema.js';

const GENERATED = new URL('../../../dist/pipeline/charts/vega-lite-validator.cjs', import.meta.url);

/**
 * `npm test` builds dist/ first, so the validator generated at build time (what the CLI loads)
 * is checked against the one compiled at run time (what src/ falls back to).
 */
describe('the build-time Vega-Lite validator', () => {
  it('exists after npm run build', () => {
    expect(existsSync(GENERATED)).toBe(true);
  });

  it('agrees with the runtime compile, error for error', () => {
    const generated = createRequire(import.meta.url)(GENERATED.pathname) as ValidateFunction;
    const runtime = new Ajv({ ...AJV_OPTIONS, code: { optimize: false } }).compile(vegaLiteSchema());
    const specs: object[] = [
      { data: { values: [] }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' } } },
      { data: { values: [] }, mark: 'barr' },
      { data: { values: [] }, mark: 'line', encoding: { x: { field: 'a', type: 'nominal', colour: 'red' } } },
      { data: { values: [] }, mark: 'point', encodings: {} },
    ];
    for (const spec of specs) {
      const a = generated(spec);
      const b = runtime(spec);
      expect(a).toBe(b);
      if (!a) expect(pickSchemaProblem(generated.errors ?? [], spec)).toEqual(pickSchemaProblem(runtime.errors ?? [], spec));
    }
    expect(generated(specs[0])).toBe(true);
    expect(pickSchemaProblem((generated(specs[1]), generated.errors ?? []), specs[1]).detail).toMatch(/^mark "barr" is not one of/);
  });
});
