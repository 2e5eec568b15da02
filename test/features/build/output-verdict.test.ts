import { describe, expect, it } from 'vitest';
import type { OutputRecord } from '../../../src/features/archive/output-record.js';
import { judgeOutput } from '../../../src/features/build/output-verdict.js';

const record = (extra: Partial<OutputRecord> = {}): OutputRecord => ({
  record: 1, slug: 'weekly', period: '2026-W10', params: { period: '2026-W10', region: 'EU' }, title: 'Weekly',
  html: 'index.html', pdf: 'weekly-2026-W10-eu.pdf', inputs: 'sha256:a', ...extra,
});
const path = 'out/weekly/2026-W10/EU';

describe('what a build does with an archived output', () => {
  it('builds a new output', () => {
    expect(judgeOutput({ path, exists: false, record: undefined }, 'sha256:a', ['html', 'pdf'], false)).toEqual({ kind: 'build', formats: ['html', 'pdf'] });
  });

  it('leaves an output built from the same inputs alone', () => {
    expect(judgeOutput({ path, exists: true, record: record() }, 'sha256:a', ['html', 'pdf'], false)).toEqual({ kind: 'up-to-date' });
    expect(judgeOutput({ path, exists: true, record: record() }, 'sha256:a', ['html'], false)).toEqual({ kind: 'up-to-date' });
  });

  it('adds a format the output lacks, keeping the ones it has', () => {
    const htmlOnly = record({ pdf: undefined });
    expect(judgeOutput({ path, exists: true, record: htmlOnly }, 'sha256:a', ['pdf'], false)).toEqual({ kind: 'build', formats: ['html', 'pdf'] });
  });

  it('refuses to replace an output whose inputs changed, or that has no record, unless forced', () => {
    const changed = judgeOutput({ path, exists: true, record: record() }, 'sha256:b', ['html'], false);
    expect(changed).toEqual({ kind: 'refuse', reason: `${path} was built from other inputs (its sources, parameters or data changed since); rebuild it with --force to replace it` });
    expect(judgeOutput({ path, exists: true, record: undefined }, 'sha256:a', ['html'], false)).toMatchObject({ kind: 'refuse', reason: expect.stringContaining('--force') });
    expect(judgeOutput({ path, exists: true, record: record() }, 'sha256:b', ['html'], true)).toEqual({ kind: 'build', formats: ['html'] });
  });
});
