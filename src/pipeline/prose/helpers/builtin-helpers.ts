import type { HelperPlugin } from '../helper-api.js';
import { aggregateHelpers } from './aggregate-helpers.js';
import { formatHelpers } from './format-helpers.js';
import { logicHelpers } from './logic-helpers.js';

/** Registered in this order through the public helper API, exactly as a template's helpers are. */
export const builtinHelpers: readonly HelperPlugin[] = [formatHelpers, aggregateHelpers, logicHelpers];
