import { describe, expect, it } from 'vitest';
import { sha1Hex, sha256Hex } from '../../../src/features/publish/assets/hash.js';
import type { PublishAsset } from '../../../src/features/publish/document/publish-document.js';
import { computePlan, planIsEmpty, type DesiredFile, type DesiredPage, type RemoteFile, type RemotePage } from '../../../src/features/publish/plan/compute-plan.js';
import { describeConflicts, formatPlan } from '../../../src/features/publish/plan/format-plan.js';
import { emptyRecord, withFile, withPage, type PublishRecord } from '../../../src/features/publish/record/publish-record.js';

const page = (text: string, title = 'Brief'): DesiredPage => ({ title, text, sha256: sha256Hex(text) });
const file = (content: string, name = 'Chart.svg'): DesiredFile => {
  const bytes = new TextEncoder().encode(content);
  const asset: PublishAsset = { name, kind: 'chart', mime: 'image/svg+xml', bytes, sha256: sha256Hex(bytes), sha1: sha1Hex(bytes) };
  return { name, asset, page: 'Brief' };
};
const remote = (text: string, revision = '7', id = '3'): RemotePage => ({ id, revision, sha256: sha256Hex(text) });
const record = (entries: { page?: [string, string, string?]; files?: Record<string, string> } = {}): PublishRecord => {
  let r = emptyRecord('wiki', 'mediawiki', 'http://127.0.0.1/api.php');
  if (entries.page) {
    const [text, revision, stored = text] = entries.page;
    r = withPage(r, 'Brief', { id: '3', revision, sha256: sha256Hex(text), storedSha256: sha256Hex(stored) });
  }
  for (const [name, content] of Object.entries(entries.files ?? {})) r = withFile(r, name, { sha256: sha256Hex(content) });
  return r;
};
const state = (pages: Record<string, RemotePage> = {}, files: Record<string, RemoteFile> = {}) => ({ pages: new Map(Object.entries(pages)), files: new Map(Object.entries(files)) });
const plan = (input: { pages?: DesiredPage[]; files?: DesiredFile[]; remote?: ReturnType<typeof state>; record?: PublishRecord; force?: boolean }) =>
  computePlan({ pages: input.pages ?? [], files: input.files ?? [], remote: input.remote ?? state(), record: input.record ?? record(), force: input.force ?? false });

describe('computePlan: pages', () => {
  it('creates a page the wiki does not have', () => {
    expect(plan({ pages: [page('v1')] }).pages).toEqual([{ action: 'create', page: page('v1') }]);
  });

  it('keeps a page whose text on the wiki is already ours', () => {
    const p = plan({ pages: [page('v1')], remote: state({ Brief: remote('v1') }), record: record({ page: ['v1', '7'] }) });
    expect(p.pages.map((a) => a.action)).toEqual(['keep']);
    expect(planIsEmpty(p)).toBe(true);
  });

  it('keeps a page the wiki stored in its own normal form, when our text is unchanged since that publish', () => {
    const p = plan({ pages: [page('<br />')], remote: state({ Brief: remote('<br/>') }), record: record({ page: ['<br />', '7', '<br/>'] }) });
    expect(p.pages.map((a) => a.action)).toEqual(['keep']);
  });

  it('updates a page we published when our text changed and nobody edited it since', () => {
    const p = plan({ pages: [page('v2')], remote: state({ Brief: remote('v1', '7') }), record: record({ page: ['v1', '7'] }) });
    expect(p.pages).toEqual([{ action: 'update', page: page('v2'), remote: remote('v1', '7'), overwritesEdit: false }]);
    expect(p.conflicts).toEqual([]);
  });

  it('reports a conflict when the current revision is not ours and the text differs from what we stored', () => {
    const p = plan({ pages: [page('v2')], remote: state({ Brief: remote('edited', '9') }), record: record({ page: ['v1', '7'] }) });
    expect(p.conflicts).toEqual([{ title: 'Brief', kind: 'edited', recordedRevision: '7', currentRevision: '9' }]);
    expect(describeConflicts(p.conflicts)).toContain('page "Brief" was edited on the wiki since the last publish (revision 7 → 9)');
  });

  it('does not call a new revision with our stored text an edit (a null edit, a revert)', () => {
    const p = plan({ pages: [page('v2')], remote: state({ Brief: remote('v1', '9') }), record: record({ page: ['v1', '7'] }) });
    expect(p.conflicts).toEqual([]);
    expect(p.pages[0]?.action).toBe('update');
  });

  it('treats an existing page with other text and no record as foreign', () => {
    const p = plan({ pages: [page('v1')], remote: state({ Brief: remote('someone else') }) });
    expect(p.conflicts[0]?.kind).toBe('foreign');
  });

  it('adopts an existing page that already holds our text, with no record', () => {
    expect(plan({ pages: [page('v1')], remote: state({ Brief: remote('v1') }) }).pages[0]?.action).toBe('keep');
  });

  it('with force, plans to overwrite the edit and reports no conflict', () => {
    const p = plan({ pages: [page('v2')], remote: state({ Brief: remote('edited', '9') }), record: record({ page: ['v1', '7'] }), force: true });
    expect(p.conflicts).toEqual([]);
    expect(p.pages[0]).toMatchObject({ action: 'update', overwritesEdit: true });
  });
});

describe('computePlan: files', () => {
  it('uploads missing files, replaces changed ones and keeps equal ones (by SHA-256 or the SHA-1 MediaWiki reports)', () => {
    const same256 = file('a', 'A.svg');
    const same1 = file('b', 'B.svg');
    const changed = file('c2', 'C.svg');
    const missing = file('d', 'D.pdf');
    const p = plan({
      files: [same256, same1, changed, missing],
      remote: state({}, { 'A.svg': { sha256: sha256Hex('a') }, 'B.svg': { sha1: sha1Hex('b') }, 'C.svg': { sha1: sha1Hex('c1') } }),
    });
    expect(p.files.map((f) => `${f.action} ${f.file.name}`)).toEqual(['keep A.svg', 'keep B.svg', 'replace C.svg', 'upload D.pdf']);
  });

  it('lists files published before for the pages of this publish that they no longer use, never another page\'s', () => {
    let r = record();
    for (const [name, owner] of [['A.svg', 'Brief'], ['Old.svg', 'Brief'], ['Other-variant.svg', 'Brief/US']] as const) r = withFile(r, name, { sha256: sha256Hex(name), page: owner });
    const p = plan({ pages: [page('v1')], files: [file('a', 'A.svg')], record: r });
    expect(p.obsolete).toEqual(['Old.svg']);
  });

  it('judges a file recorded without its page (older records) only when this publish is the one page', () => {
    const r = record({ files: { 'A.svg': 'a', 'Old.svg': 'x' } });
    expect(plan({ pages: [page('v1')], files: [file('a', 'A.svg')], record: r }).obsolete).toEqual(['Old.svg']);
    expect(plan({ pages: [page('v1'), page('index', 'Index')], files: [file('a', 'A.svg')], record: r }).obsolete).toEqual([]);
  });
});

describe('computePlan: writes whose answer was lost', () => {
  const pending = (r: PublishRecord, text: string): PublishRecord => ({ ...r, pending: { Brief: sha256Hex(text) } });

  it('takes a page that exists without a record as ours when its latest revision is by us with exactly the text sent', () => {
    const ours = { ...remote('v1', '9'), byUs: true };
    const p = plan({ pages: [page('v2')], remote: state({ Brief: ours }), record: pending(record(), 'v1') });
    expect(p.conflicts).toEqual([]);
    expect(p.pages).toEqual([{ action: 'update', page: page('v2'), remote: ours, overwritesEdit: false }]);
  });

  it('takes a lost update as ours too, although the record names an older revision', () => {
    const ours = { ...remote('v2', '12'), byUs: true };
    const p = plan({ pages: [page('v3')], remote: state({ Brief: ours }), record: pending(record({ page: ['v1', '7'] }), 'v2') });
    expect(p.conflicts).toEqual([]);
    expect(p.pages[0]?.action).toBe('update');
  });

  it('still refuses the page when someone else made the latest revision, or it holds other text', () => {
    const byOther = plan({ pages: [page('v2')], remote: state({ Brief: { ...remote('v1', '9'), byUs: false } }), record: pending(record(), 'v1') });
    expect(byOther.conflicts.map((c) => c.kind)).toEqual(['foreign']);
    const otherText = plan({ pages: [page('v2')], remote: state({ Brief: { ...remote('edited', '9'), byUs: true } }), record: pending(record(), 'v1') });
    expect(otherText.conflicts.map((c) => c.kind)).toEqual(['foreign']);
  });

  it('recognises Confluence versions by the hash of the sent text their message names', () => {
    const stored = { ...remote('<p>v1</p>', '1'), sentSha256: sha256Hex('<p>v1 </p>') };
    const p = plan({ pages: [page('<p>v2 </p>')], remote: state({ Brief: stored }), record: pending(record(), '<p>v1 </p>') });
    expect(p.conflicts).toEqual([]);
  });
});

describe('formatPlan', () => {
  it('lists what will be sent, then what is unchanged', () => {
    const p = plan({ pages: [page('v1')], files: [file('a', 'A.svg'), file('b', 'B.svg')], remote: state({}, { 'B.svg': { sha256: sha256Hex('b') } }) });
    expect(formatPlan(p, 'plan:')).toEqual(['plan:', '  create page "Brief"', '  upload A.svg (1 B)', '  0 pages, 1 file unchanged']);
  });

  it('says so when there is nothing to send', () => {
    const p = plan({ files: [file('a', 'A.svg')], remote: state({}, { 'A.svg': { sha256: sha256Hex('a') } }) });
    expect(formatPlan(p, 'plan:')).toEqual(['plan:', '  nothing to send: 0 pages, 1 file unchanged']);
  });
});
