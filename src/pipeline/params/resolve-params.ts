import type { ParamDeclaration } from '../frontmatter/param-declarations.js';
import { parsePeriod } from '../periods/period.js';
import { InputError } from '../../messages/errors.js';

export type ParamValue = string | number | boolean;

/** A parameter value the user gave that does not fit its declaration (a usage error). */
export class ParamError extends InputError {}

export const LATEST = 'latest';

/** Parses one `--param name=value` text for its declared type; throws ParamError naming what is allowed. */
export function parseParamValue(name: string, declaration: ParamDeclaration, raw: string): ParamValue {
  const text = raw.trim();
  const fail = (allowed: string): never => {
    throw new ParamError(`parameter "${name}" must be ${allowed}, got "${raw}"`);
  };
  switch (declaration.type) {
    case 'string':
      return raw;
    case 'number': {
      const n = Number(text);
      return text !== '' && Number.isFinite(n) ? n : fail('a number');
    }
    case 'boolean':
      if (/^(true|yes|1)$/i.test(text)) return true;
      if (/^(false|no|0)$/i.test(text)) return false;
      return fail('true or false');
    case 'date': {
      const ok = /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
      return ok ? text : fail('a date as YYYY-MM-DD');
    }
    case 'enum':
      return declaration.values.includes(text) ? text : fail(`one of ${declaration.values.join(', ')}`);
    case 'period': {
      if (text === LATEST) return LATEST;
      const period = parsePeriod(text);
      return period && period.kind === declaration.kind ? period.id : fail(`a ${declaration.kind} such as ${EXAMPLES[declaration.kind]}, or "latest"`);
    }
  }
}

const EXAMPLES = { week: '2026-W48', month: '2026-11', quarter: '2026-Q4', year: '2026' } as const;

/**
 * Declared defaults overlaid with the values given on the command line. Every given name must be
 * declared; every declared parameter must end up with a value.
 */
export function resolveParams(
  declarations: Readonly<Record<string, ParamDeclaration>>,
  given: Readonly<Record<string, string>>,
): Record<string, ParamValue> {
  const names = Object.keys(declarations);
  for (const name of Object.keys(given)) {
    if (!(name in declarations)) {
      throw new ParamError(`unknown parameter "${name}" (declared: ${names.length > 0 ? names.join(', ') : 'none'})`);
    }
  }
  const values: Record<string, ParamValue> = {};
  for (const [name, declaration] of Object.entries(declarations)) {
    const raw = given[name];
    if (raw !== undefined) values[name] = parseParamValue(name, declaration, raw);
    else if (declaration.default !== undefined) values[name] = declaration.default;
    else throw new ParamError(`parameter "${name}" has no default: give it with --param ${name}=…`);
  }
  return values;
}

/** The name of the briefing's period parameter, if it declares one. */
export function periodParamName(declarations: Readonly<Record<string, ParamDeclaration>>): string | undefined {
  return Object.entries(declarations).find(([, d]) => d.type === 'period')?.[0];
}

/** `region=EU` → ['region', 'EU']. */
export function splitAssignment(text: string, flag: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new ParamError(`${flag} takes name=value, got "${text}"`);
  return [text.slice(0, at).trim(), text.slice(at + 1)];
}
