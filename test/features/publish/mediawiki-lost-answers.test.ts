import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishBriefing } from '../../../src/features/publish/publish-briefing.js';
import type { PublishOutcome } from '../../../src/features/publish/publish-context.js';
import { startTestWiki, type TestWiki } from './support/mediawiki-server.js';
import { LostAnswerProxy } from './support/lost-answer-proxy.js';
import { MINI_BRIEFING } from './support/mini-document.js';
import { runCli } from './support/run-cli.js';
import { allPages, fileVersions, revisions } from './support/wiki-api.js';

/**
 * Publishing converges when answers are lost. A proxy in front of the real MediaWiki forwards
 * each request and reads the wiki's answer, then — for the one request chosen — closes the
 * connection instead of answering: the wiki acted, Briefsmith never hears. For every request of
 * a publish in turn, the run must still end with exactly one page revision and one file version
 * per change (no `articleexists`, no second upload, no stale record), and the next publish of a
 * changed briefing must go through without --force.
 */
const PASSWORD_ENV = 'BRIEF_TEST_SWEEP_PASSWORD';
const NO_WAIT = { retry: { tries: 3, baseMs: 1, capMs: 1, sleep: async () => {} } };

describe('brief publish to MediaWiki when the wiki\'s answers are lost', () => {
  let wiki: TestWiki;
  let proxy: LostAnswerProxy;
  let work: string;
  let config: string;
  /** Real PDFs of the fixture briefing, before and after the change (built once with Chromium). */
  const pdfs: { v1: string; v2: string } = { v1: '', v2: '' };
  let cases = 0;

  beforeAll(async () => {
    wiki = await startTestWiki();
    proxy = await new LostAnswerProxy(wiki.api).listen();
    work = mkdtempSync(join(tmpdir(), 'brief-lost-answers-'));
    config = join(work, 'briefsmith.config.json');
    writeFileSync(config, JSON.stringify({ publish: { wiki: { type: 'mediawiki', api: `${proxy.url}/api.php`, user: wiki.user, passwordEnv: PASSWORD_ENV } } }));
    for (const version of ['v1', 'v2'] as const) {
      const dir = join(work, `pdf-${version}`);
      cpSync(MINI_BRIEFING, dir, { recursive: true });
      if (version === 'v2') change(dir);
      expect((await runCli('build', dir, '--out', join(work, 'pdf-out', version))).code).toBe(0);
      pdfs[version] = join(work, 'pdf-out', version, 'wiki-check', 'wiki-check.pdf');
    }
  }, 300_000);

  afterAll(async () => {
    await proxy?.close();
    await wiki?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** A briefing of its own (slug, title, pages and files), so every case starts from an empty wiki. */
  async function newCase(): Promise<Case> {
    const n = ++cases;
    const slug = `sweep-${n}`;
    const dir = join(work, slug);
    const out = join(work, 'out');
    cpSync(MINI_BRIEFING, dir, { recursive: true });
    const brief = join(dir, 'brief.md');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace('title: "Quarterly Wiki Check"', `title: "Sweep ${n}"`).replace('slug: wiki-check', `slug: ${slug}`));
    const c: Case = {
      title: `Sweep ${n}`,
      files: [`Sweep-${n}-fig-releases.svg`, `Sweep-${n}.pdf`],
      build: async (version) => {
        if (version === 'v2') change(dir);
        expect((await runCli('build', dir, '--out', out, '--format', 'html')).code).toBe(0);
        mkdirSync(join(out, slug), { recursive: true });
        copyFileSync(pdfs[version], join(out, slug, `${slug}.pdf`));
      },
      publish: (lose) => {
        proxy.reset();
        if (lose) lose();
        const lines: string[] = [];
        const run = publishBriefing(
          { dir, to: 'wiki', out, configPath: config, dryRun: false, force: false, request: { params: {}, matrix: [], period: undefined } },
          { env: { [PASSWORD_ENV]: wiki.password }, log: (l) => lines.push(l), secrets: new Set(), http: NO_WAIT },
        );
        return run.then(
          (outcome) => ({ outcome, lines, error: undefined }),
          (error: unknown) => ({ outcome: undefined, lines, error: error as Error }),
        );
      },
    };
    await c.build('v1');
    return c;
  }

  /** The requests of a clean publish of each kind, to sweep over. */
  async function requestsOf(kind: 'create' | 'update'): Promise<string[]> {
    const c = await newCase();
    if (kind === 'update') {
      expect((await c.publish()).error).toBeUndefined();
      await c.build('v2');
    }
    const run = await c.publish();
    expect(run.error).toBeUndefined();
    return proxy.requests.map((r) => `${r.method} ${r.what}`);
  }

  /** One page, `pageRevisions` revisions, one chart version and `pdfVersions` PDF versions on the wiki. */
  async function expectOnWiki(c: Case, pageRevisions: number, pdfVersions: number): Promise<void> {
    expect(await revisions(wiki.api, c.title)).toHaveLength(pageRevisions);
    const versions = await fileVersions(wiki.api, c.files);
    expect(versions.get(c.files[0] ?? '')).toHaveLength(1);
    expect(versions.get(c.files[1] ?? '')).toHaveLength(pdfVersions);
    expect((await allPages(wiki.api)).filter((p) => p.startsWith(`${c.title}`))).toEqual([c.title]);
  }

  /** As `expectOnWiki`, and publishing again sends nothing: the record agrees with the wiki. */
  async function expectConverged(c: Case, pageRevisions: number, pdfVersions: number): Promise<void> {
    await expectOnWiki(c, pageRevisions, pdfVersions);
    const again = await c.publish();
    expect(again.error).toBeUndefined();
    expect(again.outcome?.changes).toBe(0);
    expect(again.lines.join('\n')).toContain('nothing to send');
  }

  it('creation: whichever answer is lost, the run finishes by itself, and a changed briefing then updates the page', async () => {
    const requests = await requestsOf('create');
    expect(requests.filter((r) => r.startsWith('POST')).map((r) => r.replace(/ (title|filename)=.*/, ''))).toEqual([
      'POST action=login', 'POST action=upload', 'POST action=upload', 'POST action=edit',
    ]);
    for (let lost = 0; lost < requests.length; lost++) {
      const c = await newCase();
      const first = await c.publish(() => proxy.loseAnswer(lost));
      expect(proxy.requests[lost]?.lost, `request ${lost} (${requests[lost]}) lost`).toBe(true);
      expect(first.error?.message, `lost answer to ${requests[lost]}`).toBeUndefined();
      // Whether the record is right shows in the next run: a wrong one would refuse the changed page.
      await expectOnWiki(c, 1, 1);
      await c.build('v2');
      const changed = await c.publish();
      expect(changed.error?.message, `changed briefing after losing ${requests[lost]}`).toBeUndefined();
      await expectConverged(c, 2, 2);
    }
  }, 600_000);

  it('update: whichever answer is lost, one new revision and one new PDF version, recorded as they are', async () => {
    const requests = await requestsOf('update');
    for (let lost = 0; lost < requests.length; lost++) {
      const c = await newCase();
      expect((await c.publish()).error).toBeUndefined();
      await c.build('v2');
      const run = await c.publish(() => proxy.loseAnswer(lost));
      expect(run.error?.message, `lost answer to ${requests[lost]}`).toBeUndefined();
      expect(run.lines.join('\n')).not.toContain('already had this text');
      const record = JSON.parse(readFileSync(join(work, 'out', '.publish', `sweep-${cases}`, 'wiki.json'), 'utf8')) as { pages: Record<string, { revision: string }> };
      expect(record.pages[c.title]?.revision).toBe(String((await revisions(wiki.api, c.title)).at(-1)));
      await expectConverged(c, 2, 2);
    }
  }, 600_000);

  it('says honestly that the connection closed and how often it tried; the next run, with a changed briefing, finishes without --force', async () => {
    const c = await newCase();
    const edit = (await requestsOf('create')).findIndex((r) => r.startsWith('POST action=edit'));
    const failed = await c.publish(() => proxy.loseAnswersFrom(edit));
    expect(failed.error?.message).toBe('publish to "wiki" failed at edit: the connection was closed before the wiki answered (3 tries)');
    expect(await revisions(wiki.api, c.title)).toHaveLength(1);
    await c.build('v2');
    const next = await c.publish();
    expect(next.error?.message).toBeUndefined();
    await expectConverged(c, 2, 2);
  }, 120_000);
});

interface Case {
  title: string;
  /** The chart's and the PDF's file names on the wiki. */
  files: string[];
  build(version: 'v1' | 'v2'): Promise<void>;
  publish(lose?: () => void): Promise<{ outcome: PublishOutcome | undefined; lines: string[]; error: Error | undefined }>;
}

function change(dir: string): void {
  const brief = join(dir, 'brief.md');
  writeFileSync(brief, readFileSync(brief, 'utf8').replace('See the chart below.', 'See the chart below, per team.'));
}
