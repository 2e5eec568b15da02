import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConfluenceTarget } from '../../../src/features/publish/config/target-schema.js';
import { publishOutputs } from '../../../src/features/publish/publish-briefing.js';
import type { PublishDocument } from '../../../src/features/publish/document/publish-document.js';
import type { PublishContext } from '../../../src/features/publish/publish-context.js';
import { PublishError } from '../../../src/features/publish/publish-error.js';
import { ConfluenceFake } from './support/confluence-fake.js';
import { miniDocument } from './support/mini-document.js';

/**
 * Confluence is contract-tested only: no Confluence can run here, so these tests run the real
 * client against a strict local fake of the REST API (test/publish/support/confluence-fake.ts).
 */
const TOKEN = 'conf-token-9f8e7d6c5b4a';
const TITLE = 'Quarterly Wiki Check';

describe('brief publish --to <confluence target> (against a fake of the REST API)', () => {
  let doc: PublishDocument;
  let changed: PublishDocument;
  let fake: ConfluenceFake;
  let work: string;
  let sleeps: number[];
  let lines: string[];

  beforeAll(async () => {
    doc = await miniDocument();
    changed = await miniDocument((b) => b.replace('See the chart below.', 'See the chart below, per team.'), '%PDF-1.7 test, second build');
  });

  afterEach(async () => {
    await fake?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function start(flavor: 'cloud' | 'datacenter'): Promise<ConfluenceTarget> {
    fake = await new ConfluenceFake({ flavor, email: 'bot@example.org', token: TOKEN, space: 'TEAM' }).listen();
    work = mkdtempSync(join(tmpdir(), 'brief-publish-confluence-'));
    const parentId = [...fake.pages.values()][0]?.id;
    return {
      type: 'confluence', flavor, url: fake.url, space: 'TEAM', tokenEnv: 'CONF_TOKEN',
      ...(flavor === 'cloud' ? { email: 'bot@example.org' } : {}), ...(parentId ? { parentId } : {}),
    };
  }

  function context(extra: Partial<PublishContext> = {}): PublishContext {
    sleeps = [];
    lines = [];
    return {
      name: 'confluence', recordPath: join(work, 'record.json'), cacheDir: join(work, 'cache'),
      force: false, dryRun: false, env: { CONF_TOKEN: TOKEN }, log: (l) => lines.push(l), secrets: new Set(),
      http: { retry: { tries: 3, baseMs: 10, capMs: 40, sleep: async (ms) => void sleeps.push(ms) } },
      ...extra,
    };
  }

  /** One output published with the runner and the Confluence provider. */
  function publishToConfluence(target: ConfluenceTarget, document: PublishDocument, extra: Partial<PublishContext> | PublishContext = {}) {
    return publishOutputs(target, [document], 'name' in extra && extra.name ? (extra as PublishContext) : context(extra));
  }

  const published = () => [...fake.pages.values()].find((p) => p.title === TITLE);
  const attachmentsOf = (pageId: string | undefined) => [...fake.attachments.values()].filter((a) => a.pageId === pageId);

  it('Cloud: finds no page, creates it under the parent with /wiki/rest/api and basic auth, then attaches the chart and the PDF', async () => {
    const target = await start('cloud');
    await publishToConfluence(target, doc);
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /wiki/rest/api/content 200',
      'POST /wiki/rest/api/content 200',
      expect.stringMatching(/^POST \/wiki\/rest\/api\/content\/\d+\/child\/attachment 200$/),
      expect.stringMatching(/^POST \/wiki\/rest\/api\/content\/\d+\/child\/attachment 200$/),
    ]);
    const page = published();
    expect(page?.parentId).toBe(target.parentId);
    expect(page?.body).toContain('<ac:image ac:alt="Bar chart of releases by team in Q4 2025: Platform 14, Data 9, Mobile 6."');
    expect(page?.body).toContain('<ri:attachment ri:filename="wiki-check-fig-releases.svg"/></ac:image>');
    expect(page?.body).toContain('<ac:link><ri:attachment ri:filename="wiki-check.pdf"/><ac:plain-text-link-body><![CDATA[PDF version]]>');
    expect(page?.body).toContain('<sup><ac:link ac:anchor="src-1">');
    expect(page?.body).toMatch(/<ol><li><ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">src-1<\/ac:parameter><\/ac:structured-macro>Team release log/);
    const attachments = attachmentsOf(page?.id);
    expect(attachments.map((a) => a.filename).sort()).toEqual(['wiki-check-fig-releases.svg', 'wiki-check.pdf']);
    for (const a of attachments) expect(a.comment).toMatch(/^sha256:[0-9a-f]{64} /);
  });

  it('publishing again sends no write: the stored page and the attachment hashes match', async () => {
    const target = await start('cloud');
    await publishToConfluence(target, doc);
    const before = fake.writes().length;
    const outcome = await publishToConfluence(target, doc);
    expect(outcome.changes).toBe(0);
    expect(fake.writes()).toHaveLength(before);
    expect(published()?.version).toBe(1);
    expect(lines.join('\n')).toContain('nothing to send: 1 page, 2 files unchanged');
  });

  it('a change updates the page with the next version number and replaces only the attachment that changed', async () => {
    const target = await start('cloud');
    await publishToConfluence(target, doc);
    const chart = attachmentsOf(published()?.id).find((a) => a.filename.endsWith('.svg'));
    const writes = fake.writes().length;
    await publishToConfluence(target, changed);
    const sent = fake.writes().slice(writes).map((r) => `${r.method} ${r.path.replace(/\d+/g, 'N')}`);
    expect(sent).toEqual(['PUT /wiki/rest/api/content/N', 'POST /wiki/rest/api/content/N/child/attachment/attN/data']);
    expect(published()?.version).toBe(2);
    expect(published()?.body).toContain('See the chart below, per team.');
    expect(chart?.version).toBe(1);
    expect(attachmentsOf(published()?.id).find((a) => a.filename.endsWith('.pdf'))?.version).toBe(2);
  });

  it('Data Center: /rest/api without /wiki and a personal access token as Bearer', async () => {
    const target = await start('datacenter');
    await publishToConfluence(target, doc);
    expect(fake.requests.every((r) => r.path.startsWith('/rest/api/') && r.status === 200)).toBe(true);
    expect(attachmentsOf(published()?.id)).toHaveLength(2);
  });

  it('--dry-run prints the plan and sends no write', async () => {
    const target = await start('cloud');
    await publishToConfluence(target, doc, { dryRun: true });
    expect(fake.writes()).toEqual([]);
    expect(lines).toContain(`  create page "${TITLE}"`);
    expect(lines).toContain('dry run: nothing was sent');
    expect(existsSync(join(work, 'record.json'))).toBe(false);
  });

  it('retries a 500 with backoff and then succeeds, creating the page once', async () => {
    const target = await start('cloud');
    fake.fail('POST', /\/content$/, 500, 2);
    await publishToConfluence(target, doc);
    expect(sleeps).toEqual([10, 20]);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/content')).map((r) => r.status)).toEqual([500, 500, 200]);
    expect([...fake.pages.values()].filter((p) => p.title === TITLE)).toHaveLength(1);
  });

  it('after a failure part-way, the record holds what was done and the next run finishes without duplicates', async () => {
    const target = await start('cloud');
    fake.fail('POST', /\/child\/attachment$/, 400, 1, 1);
    const failure = await publishToConfluence(target, doc).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PublishError);
    expect((failure as PublishError).message).toMatch(/^publish to "confluence" failed at attach: HTTP 400 from POST \/wiki\/rest\/api\/content\/\d+\/child\/attachment: Rejected by the test$/);
    const record = JSON.parse(readFileSync(join(work, 'record.json'), 'utf8')) as { pages: Record<string, { revision: string }>; files: Record<string, unknown> };
    expect(record.pages[TITLE]?.revision).toBe('1');
    expect(Object.keys(record.files)).toEqual(['wiki-check-fig-releases.svg']);

    const writes = fake.writes().length;
    await publishToConfluence(target, doc);
    expect(fake.writes().slice(writes).map((r) => `${r.method} ${r.path.replace(/\d+/g, 'N')} ${r.status}`)).toEqual([
      'POST /wiki/rest/api/content/N/child/attachment 200',
    ]);
    expect([...fake.pages.values()].filter((p) => p.title === TITLE)).toHaveLength(1);
    expect(attachmentsOf(published()?.id)).toHaveLength(2);
  });

  it('stops when the page was edited in Confluence, naming it; --force updates on top of that version', async () => {
    const target = await start('cloud');
    await publishToConfluence(target, doc);
    const page = published();
    if (page) Object.assign(page, { version: 2, body: '<p>Edited in Confluence</p>' });
    const stopped = await publishToConfluence(target, doc).catch((e: unknown) => e);
    expect((stopped as Error).message).toContain(`publish to "confluence" failed at plan: page "${TITLE}" was edited on the wiki since the last publish (revision 1 → 2)`);
    await publishToConfluence(target, doc, { force: true });
    expect(published()?.version).toBe(3);
  });

  it('without a publish record, recognises its attachments by the hash in their comment', async () => {
    const target = await start('cloud');
    await publishToConfluence(target, doc);
    rmSync(join(work, 'record.json'));
    await expect(publishToConfluence(target, changed)).rejects.toThrow('exists and was not published from this output');
    const writes = fake.writes().length;
    await publishToConfluence(target, changed, { force: true });
    expect(fake.writes().slice(writes).map((r) => r.method + r.path.replace(/\d+/g, 'N'))).toEqual([
      'PUT/wiki/rest/api/content/N',
      'POST/wiki/rest/api/content/N/child/attachment/attN/data',
    ]);
  });

  it('fails at read with the server\'s answer on bad credentials, without the token', async () => {
    const target = await start('cloud');
    const ctx = context({ env: { CONF_TOKEN: 'not-the-token-123' } });
    const failure = (await publishToConfluence(target, doc, ctx).catch((e: unknown) => e)) as Error;
    expect(failure.message).toBe('publish to "confluence" failed at read: HTTP 401 from GET /wiki/rest/api/content: Unauthorized; scope does not match');
    expect(failure.message).not.toContain('not-the-token-123');
    expect(ctx.secrets.has('not-the-token-123')).toBe(true);
  });

  it('stops at a page pattern that does not fit before sending any request', async () => {
    const target = await start('cloud');
    await expect(publishToConfluence({ ...target, page: 'Reports/{title}/{week}' }, doc)).rejects.toThrow(
      'publish to "confluence" failed at config: page pattern "Reports/{title}/{week}": unknown placeholder {week}',
    );
    expect(fake.requests).toEqual([]);
    await publishToConfluence({ ...target, page: 'Reports/{slug}: {title}' }, doc);
    expect([...fake.pages.values()].map((p) => p.title)).toContain('Reports/wiki-check: Quarterly Wiki Check');
  });

  it('names the missing environment variable, not a value', async () => {
    const target = await start('datacenter');
    await expect(publishToConfluence(target, doc, { env: {} })).rejects.toThrow(
      'publish to "confluence" failed at credentials: environment variable CONF_TOKEN is not set (it should hold a personal access token)',
    );
  });
});

describe('the Confluence fake refuses malformed requests, as the REST API does', () => {
  let fake: ConfluenceFake;
  const auth = { Authorization: `Basic ${Buffer.from(`bot@example.org:${TOKEN}`).toString('base64')}` };

  beforeAll(async () => {
    fake = await new ConfluenceFake({ flavor: 'cloud', email: 'bot@example.org', token: TOKEN, space: 'TEAM' }).listen();
    return () => fake.close();
  });

  const api = (path: string) => `${fake.url}/wiki/rest/api${path}`;
  const page = (version?: number) => JSON.stringify({ type: 'page', title: 'T', space: { key: 'TEAM' }, body: { storage: { value: '<p>x</p>', representation: 'storage' } }, ...(version ? { version: { number: version } } : {}) });

  it('checks authorization, method, path, content type, versions, XSRF header and storage format', async () => {
    expect((await fetch(api('/content?title=T&spaceKey=TEAM'))).status).toBe(401);
    expect((await fetch(api('/content?title=T&spaceKey=TEAM'), { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await fetch(`${fake.url}/rest/api/content?title=T&spaceKey=TEAM`, { headers: auth })).status).toBe(404);
    expect((await fetch(api('/content'), { method: 'POST', headers: auth, body: page() })).status).toBe(415);
    const created = await fetch(api('/content'), { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: page() });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    expect((await fetch(api('/content'), { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: page() })).status).toBe(400);
    expect((await fetch(api(`/content/${id}`), { method: 'PUT', headers: { ...auth, 'Content-Type': 'application/json' }, body: page(1) })).status).toBe(409);
    expect((await fetch(api(`/content/${id}`), { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: page(2) })).status).toBe(405);
    const broken = JSON.stringify({ type: 'page', title: 'U', space: { key: 'TEAM' }, body: { storage: { value: '<p>x', representation: 'storage' } } });
    expect((await fetch(api('/content'), { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: broken })).status).toBe(400);
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.txt');
    expect((await fetch(api(`/content/${id}/child/attachment`), { method: 'POST', headers: auth, body: form })).status).toBe(403);
    expect((await fetch(api(`/content/${id}/child/attachment`), { method: 'POST', headers: { ...auth, 'X-Atlassian-Token': 'no-check', 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(415);
    expect((await fetch(api(`/content/${id}/child/attachment`), { method: 'POST', headers: { ...auth, 'X-Atlassian-Token': 'no-check' }, body: form })).status).toBe(200);
  });
});
