import { parseMatrix, type ParamRequest } from '../pipeline/params/param-request.js';
import { splitAssignment } from '../pipeline/params/resolve-params.js';
import { UsageError } from './usage.js';

/** `--param`, `--matrix` and `--period`, the same for build, check, preview and publish (parseArgs options). */
export const PARAM_FLAGS = {
  param: { type: 'string' as const, multiple: true as const, default: [] as string[] },
  matrix: { type: 'string' as const, multiple: true as const, default: [] as string[] },
  period: { type: 'string' as const },
};

/**
 * The parsed flags as one request. A malformed one is a ParamError (an InputError) or a
 * UsageError: either way the CLI shows it as a usage error, exit 2.
 */
export function paramRequest(values: { param: string[]; matrix: string[]; period?: string | undefined }): ParamRequest {
  const params = Object.fromEntries(values.param.map((p) => splitAssignment(p, '--param')));
  const matrix = values.matrix.map(parseMatrix);
  const dup = matrix.find(([name], i) => matrix.findIndex(([other]) => other === name) !== i || name in params);
  if (dup) throw new UsageError(`parameter "${dup[0]}" is given twice (--param and --matrix, or two --matrix)`);
  return { params, matrix, period: values.period };
}
