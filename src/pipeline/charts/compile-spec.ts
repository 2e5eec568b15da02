import * as vega from 'vega';
import { compile, type Config, type TopLevelSpec } from 'vega-lite';
import type { JsonObject } from './json.js';

export interface CompiledSpec {
  vgSpec: vega.Spec;
  /** Vega-Lite's warnings (dropped channels, incompatible types …), worth showing the author. */
  warnings: string[];
}

/**
 * Vega-Lite → Vega, collecting warnings instead of printing them. Notes about dropping the `fit`
 * autosize are left out when that autosize is Briefsmith's default rather than the author's.
 * Throws what Vega-Lite throws for specs it cannot compile.
 */
export function compileSpec(spec: JsonObject, config: Config, autosizeAdded: boolean): CompiledSpec {
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (_method, _level, args) => {
    const text = args.map(String).join(' ');
    if (!(autosizeAdded && text.startsWith('Dropping "fit'))) warnings.push(text);
  });
  const vgSpec = compile(spec as unknown as TopLevelSpec, { config, logger }).spec;
  return { vgSpec, warnings: [...new Set(warnings)] };
}

/** Whether Vega-Lite compiles the spec at all (its warnings aside). */
export function compiles(spec: JsonObject, config: Config): boolean {
  try {
    compile(spec as unknown as TopLevelSpec, { config, logger: vega.logger(vega.None) });
    return true;
  } catch {
    return false;
  }
}
