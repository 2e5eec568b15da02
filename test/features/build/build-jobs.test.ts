import { describe, expect, it } from 'vitest';
import { expandJobs, folderName, jobFolder, parseMatrix } from '../../../src/features/build/build-jobs.js';
import { metaSchema } from '../../../src/pipeline/frontmatter/meta-schema.js';

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
  it('expands periods × matrix combinations into predictable folders', () => {
    const jobs = expandJobs('content/weekly/', meta, { params: { team: 'core' }, matrix: [['region', ['EU', 'US']]], period: '2026-W47..2026-W48' });
    expect(jobs.map((j) => [j.label, jobFolder(j, j.params['period']).join('/'), j.params])).toEqual([
      ['content/weekly 2026-W47 EU', 'weekly/2026-W47/EU', { team: 'core', region: 'EU', period: '2026-W47' }],
      ['content/weekly 2026-W47 US', 'weekly/2026-W47/US', { team: 'core', region: 'US', period: '2026-W47' }],
      ['content/weekly 2026-W48 EU', 'weekly/2026-W48/EU', { team: 'core', region: 'EU', period: '2026-W48' }],
      ['content/weekly 2026-W48 US', 'weekly/2026-W48/US', { team: 'core', region: 'US', period: '2026-W48' }],
    ]);
    expect(jobs.every((j) => j.periodic)).toBe(true);
  });

  it('builds the whole year in one request and several matrix parameters together', () => {
    expect(expandJobs('w', meta, { params: {}, matrix: [], period: '2026-W01..2026-W52' })).toHaveLength(52);
    const jobs = expandJobs('w', meta, { params: {}, matrix: [['region', ['EU', 'APAC']], ['team', ['a b', 'c']]], period: undefined });
    expect(jobs.map((j) => j.variant)).toEqual(['EU_a-b', 'EU_c', 'APAC_a-b', 'APAC_c']);
    expect(jobFolder(jobs[0]!, '2026-W48')).toEqual(['weekly', '2026-W48', 'EU_a-b']);
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
    expect(folderName('../etc')).toBe('etc');
  });

  it('keeps a non-periodic briefing in <slug>/', () => {
    const [job] = expandJobs('content/x', metaSchema.parse({ title: 'X' }), { params: {}, matrix: [], period: undefined });
    expect(job && jobFolder(job, undefined)).toEqual(['x']);
    expect(job?.periodic).toBe(false);
  });
});
