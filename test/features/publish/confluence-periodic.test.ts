import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfluenceFake } from './support/confluence-fake.js';
import { runCli } from './support/run-cli.js';

/** A periodic briefing with a parameter on Confluence (the fake): an index page with a page per (period, region) under it. */
const TOKEN = 'conf-token-weekly-0a1b2c3d';
const TITLE = 'Open Models Weekly';
const PAGES = ['2026-W10/EU', '2026-W10/US', '2026-W09/EU', '2026-W09/US'].map((p) => `${TITLE}/${p}`);

describe('brief publish --to <confluence target> with periods and variants (against the fake)', () => {
  let fake: ConfluenceFake;
  let work: string;
  let dir: string;
  let out: string;
  let config: string;

  const publish = (...extra: string[]) => runCli('publish', dir, '--to', 'confluence', '--out', out, '--config', config, ...extra);
  const build = async (...extra: string[]) => expect((await runCli('build', dir, '--out', out, '--format', 'html', ...extra)).code).toBe(0);
  const page = (title: string) => [...fake.pages.values()].find((p) => p.title === title);

  beforeAll(async () => {
    fake = await new ConfluenceFake({ flavor: 'datacenter', token: TOKEN, space: 'TEAM' }).listen();
    work = mkdtempSync(join(tmpdir(), 'brief-publish-confluence-weekly-'));
    dir = join(work, 'open-model-weekly');
    out = join(work, 'out');
    config = join(work, 'briefsmith.config.json');
    cpSync('content/open-model-weekly', dir, { recursive: true });
    const parentId = [...fake.pages.values()][0]?.id;
    writeFileSync(config, JSON.stringify({ publish: { confluence: { type: 'confluence', flavor: 'datacenter', url: fake.url, space: 'TEAM', tokenEnv: 'CONF_TOKEN', parentId } } }));
    vi.stubEnv('CONF_TOKEN', TOKEN);
    await build('--period', '2026-W09..2026-W10', '--matrix', 'region=EU,US');
  }, 300_000);

  afterAll(async () => {
    vi.unstubAllEnvs();
    await fake?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('creates the index page under the parent and each output\'s page under the index, with its charts attached', async () => {
    const result = await publish('--period', '2026-W09..2026-W10', '--matrix', 'region=EU,US');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const index = page(TITLE);
    expect(index?.parentId).toBe([...fake.pages.values()][0]?.id);
    for (const title of PAGES) expect(page(title)?.parentId, title).toBe(index?.id);
    const links = [...(index?.body ?? '').matchAll(/<ri:page ri:content-title="([^"]+)"\/><ac:plain-text-link-body><!\[CDATA\[([^\]]+)\]\]>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual(PAGES.map((p) => [p, p.slice(TITLE.length + 1).replace('/', ' ')]));
    const attached = [...fake.attachments.values()].filter((a) => a.pageId === page(`${TITLE}/2026-W10/US`)?.id).map((a) => a.filename).sort();
    expect(attached).toEqual([
      'open-model-weekly-2026-W10-us-fig-releases.svg', 'open-model-weekly-2026-W10-us-fig-this-week.svg',
      'open-model-weekly-2026-W10-us-fig-top-orgs.svg', 'open-model-weekly-2026-W10-us-fig-trend.svg',
    ]);
  }, 120_000);

  it('republishing one variant updates only its page: every other page and the index keep their version', async () => {
    const before = Object.fromEntries([...PAGES, TITLE].map((t) => [t, page(t)?.version]));
    const brief = join(dir, 'brief.md');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace('All figures in this brief are **synthetic**', 'All figures in this brief are **synthetic** (generated)'));
    await build('--period', '2026-W10', '--matrix', 'region=EU', '--force');
    const writes = fake.writes().length;
    const result = await publish('--period', '2026-W10', '--param', 'region=EU');
    expect(result.code).toBe(0);
    expect(fake.writes().slice(writes).map((r) => `${r.method} ${r.path.replace(/\d+/g, 'N')}`)).toEqual(['PUT /rest/api/content/N']);
    for (const title of [...PAGES.slice(1), TITLE]) expect(page(title)?.version, title).toBe(before[title]);
    expect(page(PAGES[0] ?? '')?.version).toBe(2);
  }, 120_000);

  it('publishing a new period adds it to the index, which keeps every entry published before', async () => {
    await build('--period', '2026-W08', '--matrix', 'region=US');
    const result = await publish('--period', '2026-W08', '--param', 'region=US');
    expect(result.code).toBe(0);
    const index = page(TITLE);
    expect(index?.version).toBe(2);
    const labels = [...(index?.body ?? '').matchAll(/<!\[CDATA\[([^\]]+)\]\]>/g)].map((m) => m[1]);
    expect(labels).toEqual(['2026-W10 EU', '2026-W10 US', '2026-W09 EU', '2026-W09 US', '2026-W08 US']);
    expect(page(`${TITLE}/2026-W08/US`)?.parentId).toBe(index?.id);
  }, 120_000);
});
