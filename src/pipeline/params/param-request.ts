import type { ParamDeclaration } from '../frontmatter/param-declarations.js';
import { parsePeriodRange } from '../periods/period.js';
import { LATEST, ParamError, parseParamValue, periodParamName } from './resolve-params.js';

/**
 * What the user asked for with `--param`, `--matrix` and `--period`, before it meets a briefing's
 * declarations. Build, check, preview and publish take the same flags and expand them here.
 */
export interface ParamRequest {
  params: Readonly<Record<string, string>>;
  /** `--matrix region=EU,US,APAC`, in the order given. */
  matrix: ReadonlyArray<readonly [string, readonly string[]]>;
  /** `--period 2026-W48`, `2026-W40..2026-W48` or `latest`. */
  period: string | undefined;
}

export const EMPTY_REQUEST: ParamRequest = { params: {}, matrix: [], period: undefined };

/**
 * Every render a request asks for: each period of `--period` times each combination of
 * `--matrix`, as the values to give the briefing (declared defaults fill the rest). Values are
 * checked against the declarations here, so a bad one is a usage error (ParamError) before
 * anything renders. `shown` names the briefing in those errors.
 */
export function expandRequest(shown: string, declared: Readonly<Record<string, ParamDeclaration>>, request: ParamRequest): Array<Record<string, string>> {
  const check = (name: string, value: string) => {
    const declaration = declared[name];
    if (!declaration) throw new ParamError(`${shown}: unknown parameter "${name}" (declared: ${Object.keys(declared).join(', ') || 'none'})`);
    parseParamValue(name, declaration, value);
  };
  for (const [name, value] of Object.entries(request.params)) check(name, value);
  for (const [name, values] of request.matrix) for (const value of values) check(name, value);

  const periodName = periodParamName(declared);
  let periods: Array<string | undefined> = [undefined];
  if (request.period !== undefined) {
    if (!periodName) throw new ParamError(`${shown} has no period parameter, so --period does not apply (declare one: params: { period: { type: period, kind: week } })`);
    if (request.period === LATEST) periods = [LATEST];
    else {
      const range = parsePeriodRange(request.period);
      if (typeof range === 'string') throw new ParamError(`--period ${range}`);
      for (const p of range) check(periodName, p.id);
      periods = range.map((p) => p.id);
    }
  }
  const combos = request.matrix.reduce<Array<Array<[string, string]>>>(
    (acc, [name, values]) => acc.flatMap((combo) => values.map((v) => [...combo, [name, v] as [string, string]])),
    [[]],
  );
  return periods.flatMap((period) =>
    combos.map((combo) => ({ ...request.params, ...Object.fromEntries(combo), ...(periodName && period !== undefined ? { [periodName]: period } : {}) })),
  );
}

/** `--matrix region=EU,US` → ['region', ['EU', 'US']]. */
export function parseMatrix(text: string): [string, string[]] {
  const at = text.indexOf('=');
  const values = text.slice(at + 1).split(',').map((v) => v.trim()).filter(Boolean);
  if (at <= 0 || values.length === 0) throw new ParamError(`--matrix takes name=value,value,…, got "${text}"`);
  return [text.slice(0, at).trim(), [...new Set(values)]];
}
