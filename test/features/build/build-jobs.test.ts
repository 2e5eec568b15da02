import { describe, expect, it } from 'vitest';
import { outputIdOf, outputSegments } from '../../../src/edges/output/output-layout.js';
import { expandJobs } from '../../../src/features/build/build-jobs.js';
import { metaSchema } from '../../../src/pipeline/frontmatter/meta-schema.js';
import { parseMatrix } from '../../../src/pipeline/params/param-request.js';

const meta = metaSchema.parse({
  title: 'Weekly',
  slug: 'weekly',
  params: {
    period: { type: 'period', kind: 'week', default: 'latest' },
    region: { type: 'enum', values: ['EU', 'US', 'APAC'], default: 'EU' },
    team: { type: 'string', default: 'all' },
  },
});

describe('build jobs', () => {
  it('expands periods × matrix combinations, each with the values to render', () => {
    const jobs = expandJobs('content/weekly/', meta, { params: { team: 'core' }, matrix: [['region', ['EU', 'US']]], period: '2026-W47..2026-W48' });
    expect(jobs.map((j) => [j.label, j.params])).toEqual([
      ['content/weekly 2026-W47 EU', { team: 'core', region: 'EU', period: '2026-W47' }],
      ['content/weekly 2026-W47 US', { team: 'core', region: 'US', period: '2026-W47' }],
      ['content/weekly 2026-W48 EU', { team: 'core', region: 'EU', period: '2026-W48' }],
      ['content/weekly 2026-W48 US', { team: 'core', region: 'US', period: '2026-W48' }],
    ]);
    expect(jobs[0]).toMatchObject({ slug: 'weekly', declared: ['period', 'region', 'team'], periodParam: 'period', writtenTitle: 'Weekly' });
  });

  it('names the output by every non-period parameter, whether it came from a default, --param or --matrix', () => {
    const resolved = { period: '2026-W48', region: 'EU', team: 'all' };
    const id = outputIdOf('weekly', ['period', 'region', 'team'], 'period', resolved);
    expect(outputSegments(id)).toEqual(['weekly', '2026-W48', 'EU_all']);
    const fromMatrix = expandJobs('w', meta, { params: {}, matrix: [['region', ['EU']]], period: '2026-W48' })[0];
    const plain = expandJobs('w', meta, { params: {}, matrix: [], period: '2026-W48' })[0];
    // Both render with region EU and team all: one output, one folder.
    expect(outputIdOf('weekly', fromMatrix!.declared, 'period', { ...resolved, ...fromMatrix!.params })).toEqual(id);
    expect(outputIdOf('weekly', plain!.declared, 'period', { ...resolved, ...plain!.params })).toEqual(id);
  });

  it('builds the whole year in one request and several matrix parameters together', () => {
    expect(expandJobs('w', meta, { params: {}, matrix: [], period: '2026-W01..2026-W52' })).toHaveLength(52);
    const jobs = expandJobs('w', meta, { params: {}, matrix: [['region', ['EU', 'APAC']], ['team', ['a b', 'c']]], period: undefined });
    expect(jobs.map((j) => j.label)).toEqual(['w EU a b', 'w EU c', 'w APAC a b', 'w APAC c']);
  });

  it('rejects values and names the briefing does not declare, naming what is allowed', () => {
    expect(() => expandJobs('w', meta, { params: {}, matrix: [['region', ['EU', 'LATAM']]], period: undefined })).toThrow(
      'parameter "region" must be one of EU, US, APAC, got "LATAM"',
    );
    expect(() => expandJobs('w', meta, { params: { colour: 'red' }, matrix: [], period: undefined })).toThrow('w: unknown parameter "colour"');
    expect(() => expandJobs('w', meta, { params: {}, matrix: [], period: '2026-11' })).toThrow('parameter "period" must be a week such as 2026-W48');
    const plain = metaSchema.parse({ title: 'Plain' });
    expect(() => expandJobs('p', plain, { params: {}, matrix: [], period: '2026-W48' })).toThrow('p has no period parameter');
    expect(() => parseMatrix('region')).toThrow('--matrix takes name=value,value,…, got "region"');
  });

  it('keeps a non-periodic briefing without parameters in <slug>/', () => {
    const [job] = expandJobs('content/x', metaSchema.parse({ title: 'X' }), { params: {}, matrix: [], period: undefined });
    expect(job && outputSegments(outputIdOf(job.slug, job.declared, job.periodParam, {}))).toEqual(['x']);
  });
});
