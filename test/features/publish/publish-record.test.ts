import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyRecord, readRecord, recordPath, withPage } from '../../../src/features/publish/record/publish-record.js';
import { RecordKeeper } from '../../../src/features/publish/record/record-keeper.js';

const where = { target: 'wiki', type: 'mediawiki', location: 'http://127.0.0.1:1/api.php' };

describe('publish record', () => {
  it('lives beside the output, outside the folder that brief build replaces', () => {
    expect(recordPath('out', 'deepseek-moment', 'wiki')).toBe(join('out', '.publish', 'deepseek-moment', 'wiki.json'));
  });

  it('is written atomically after each step and read back; a record for another place counts as none', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'brief-record-')), '.publish', 's', 'wiki.json');
    const keeper = new RecordKeeper(path, readRecord(path, where));
    keeper.file('A.svg', { sha256: 'aa' });
    keeper.page('Brief', { id: '3', revision: '7', sha256: 'bb', storedSha256: 'bb' });
    expect(readdirSync(dirname(path))).toEqual(['wiki.json']);
    expect(readRecord(path, where)).toEqual(keeper.record);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ format: 1, pages: { Brief: { revision: '7' } }, files: { 'A.svg': { sha256: 'aa' } } });
    expect(readRecord(path, { ...where, location: 'https://other.example/api.php' })).toEqual(emptyRecord('wiki', 'mediawiki', 'https://other.example/api.php'));
    writeFileSync(path, '{ not json');
    expect(readRecord(path, where)).toEqual(emptyRecord('wiki', 'mediawiki', where.location));
  });

  it('keeps page keys sorted so records diff cleanly', () => {
    let record = emptyRecord('w', 'git', 'x');
    for (const title of ['b', 'a']) record = withPage(record, title, { id: title, revision: '1', sha256: '', storedSha256: '' });
    expect(Object.keys(record.pages)).toEqual(['a', 'b']);
  });

  it('notes a page as pending before its text is sent, and forgets it once the page is confirmed', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'brief-record-')), 'wiki.json');
    const keeper = new RecordKeeper(path, readRecord(path, where));
    keeper.pending('Brief', 'cc');
    expect(readRecord(path, where).pending).toEqual({ Brief: 'cc' });
    const entry = { period: '2026-W10', variant: 'EU', label: '2026-W10 EU' };
    keeper.page('Brief', { id: '3', revision: '8', sha256: 'cc', storedSha256: 'cc', entry });
    const written = readRecord(path, where);
    expect(written.pending).toBeUndefined();
    expect(written.pages['Brief']?.entry).toEqual(entry);
  });
});
