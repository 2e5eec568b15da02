// Generates dist/pipeline/charts/vega-lite-validator.cjs: the Vega-Lite JSON schema compiled by Ajv into
// standalone code at build time, so a cold `brief build` loads it instead of compiling the
// 1.9 MB schema (a second or more) in every process. Runs after `tsc` in `npm run build`.
import { writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS } from '../dist/pipeline/charts/vega-lite-schema.js';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8'));
const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
const validate = ajv.compile(schema);
const target = new URL('../dist/pipeline/charts/vega-lite-validator.cjs', import.meta.url);
writeFileSync(target, standaloneCode.default(ajv, validate));
