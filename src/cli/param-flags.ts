import { parseMatrix, type ParamRequest } from '../pipeline/params/param-request.js';
import { ParamError, splitAssignment } from '../pipeline/params/resolve-params.js';
import { UsageError } from './usage.js';

/** `--param`, `--matrix` and `--period`, the same for build, check and preview (parseArgs options). */
export const PARAM_FLAGS = {
  param: { type: 'string' as const, multiple: true as const, default: [] as string[] },
  matrix: { type: 'string' as const, multiple: true as const, default: [] as string[] },
  period: { type: 'string' as const },
};

/** The parsed flags as one request; a malformed one is a usage error. */
export function paramRequest(values: { param: string[]; matrix: string[]; period?: string | undefined }): ParamRequest {
  try {
    const params = Object.fromEntries(values.param.map((p) => splitAssignment(p, '--param')));
    const matrix = values.matrix.map(parseMatrix);
    const dup = matrix.find(([name], i) => matrix.findIndex(([other]) => other === name) !== i || name in params);
    if (dup) throw new UsageError(`parameter "${dup[0]}" is given twice (--param and --matrix, or two --matrix)`);
    return { params, matrix, period: values.period };
  } catch (error) {
    if (error instanceof ParamError) throw new UsageError(error.message);
    throw error;
  }
}
