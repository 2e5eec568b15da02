import { describe, expect, it } from 'vitest';
import type { ParamDeclaration } from '../../../src/pipeline/frontmatter/param-declarations.js';
import { ParamError, parseParamValue, resolveParams, splitAssignment } from '../../../src/pipeline/params/resolve-params.js';

const declarations: Record<string, ParamDeclaration> = {
  period: { type: 'period', kind: 'week', default: 'latest' },
  region: { type: 'enum', values: ['EU', 'US', 'APAC'], default: 'EU' },
  threshold: { type: 'number', default: 10 },
  notes: { type: 'boolean', default: true },
  since: { type: 'date' },
};

describe('parameters', () => {
  it('takes defaults and typed overrides', () => {
    expect(resolveParams(declarations, { region: 'US', threshold: '2.5', notes: 'no', since: '2026-01-05' })).toEqual({
      period: 'latest',
      region: 'US',
      threshold: 2.5,
      notes: false,
      since: '2026-01-05',
    });
  });

  it('names the parameter and what it allows when a value does not fit', () => {
    const check = (name: string, raw: string) => () => parseParamValue(name, declarations[name] as ParamDeclaration, raw);
    expect(check('region', 'EX')).toThrow('parameter "region" must be one of EU, US, APAC, got "EX"');
    expect(check('threshold', 'ten')).toThrow('parameter "threshold" must be a number, got "ten"');
    expect(check('notes', 'maybe')).toThrow('parameter "notes" must be true or false, got "maybe"');
    expect(check('since', '2026-02-30')).toThrow('parameter "since" must be a date as YYYY-MM-DD, got "2026-02-30"');
    expect(check('period', '2026-11')).toThrow('parameter "period" must be a week such as 2026-W48, or "latest", got "2026-11"');
    expect(check('period', '2026-W48')()).toBe('2026-W48');
  });

  it('refuses unknown names and missing required values', () => {
    expect(() => resolveParams(declarations, { regoin: 'EU', since: '2026-01-01' })).toThrow(
      'unknown parameter "regoin" (declared: period, region, threshold, notes, since)',
    );
    expect(() => resolveParams(declarations, {})).toThrow(ParamError);
    expect(() => resolveParams(declarations, {})).toThrow('parameter "since" has no default: give it with --param since=…');
    expect(() => splitAssignment('region', '--param')).toThrow('--param takes name=value, got "region"');
    expect(splitAssignment('a=b=c', '--param')).toEqual(['a', 'b=c']);
  });
});
