import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareGitWiki } from './support/bare-git-wiki.js';
import { runCli } from './support/run-cli.js';

const PAGE = 'Quarterly-Wiki-Check.md';

describe('brief publish --to <git-backed wiki>', () => {
  let work: string;
  let bare: string;
  let wiki: ReturnType<typeof bareGitWiki>;
  let dir: string;
  let out: string;
  let config: string;

  const git = (args: string[], cwd = work) => wiki.git(args, cwd);
  const commits = () => wiki.commits();
  const show = (path: string) => wiki.show(path);
  const publish = (...extra: string[]) => runCli('publish', dir, '--to', 'team-wiki', '--out', out, '--config', config, ...extra);
  const build = async () => expect((await runCli('build', dir, '--out', out)).code).toBe(0);

  /** Commits to the wiki from another clone, as a person editing on the wiki would. */
  const editOnWiki = (path: string, text: string) => {
    const clone = mkdtempSync(join(tmpdir(), 'brief-wiki-person-'));
    git(['clone', '--quiet', `file://${bare}`, clone]);
    writeFileSync(join(clone, path), text);
    git(['-c', 'user.name=Person', '-c', 'user.email=person@example.org', 'commit', '--quiet', '-am', 'Edit on the wiki'], clone);
    git(['push', '--quiet', 'origin', 'HEAD:master'], clone);
    rmSync(clone, { recursive: true, force: true });
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'brief-publish-git-'));
    wiki = bareGitWiki(work, { seedHome: true });
    bare = wiki.bare;
    dir = join(work, 'mini-briefing');
    out = join(work, 'out');
    config = join(work, 'briefsmith.config.json');
    cpSync('test/fixtures/publish/mini-briefing', dir, { recursive: true });
    const target = { type: 'git', url: `file://${bare}`, author: { name: 'Briefing Bot', email: 'bot@example.org' } };
    const withToken = { ...target, tokenEnv: 'BRIEF_TEST_GIT_TOKEN' };
    writeFileSync(config, JSON.stringify({ publish: { 'team-wiki': target, 'token-wiki': withToken } }));
    await build();
  }, 240_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('prints the plan with --dry-run and commits nothing', async () => {
    const result = await publish('--dry-run');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`create page "${PAGE}"`);
    expect(result.out).toContain('upload assets/wiki-check-fig-releases.svg');
    expect(result.out).toContain('upload assets/wiki-check.pdf');
    expect(commits()).toBe(1);
  }, 60_000);

  it('commits the page as Markdown with the chart and the PDF in assets/, linked relatively', async () => {
    const result = await publish();
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(commits()).toBe(2);
    const files = wiki.files();
    expect(files.sort()).toEqual(['Home.md', PAGE, 'assets/wiki-check-fig-releases.svg', 'assets/wiki-check.pdf']);
    const page = show(PAGE);
    expect(page).toContain('![Bar chart of releases by team in Q4 2025: Platform 14, Data 9, Mobile 6.](assets/wiki-check-fig-releases.svg)');
    expect(page).toContain('_Figure 1. Releases by team, Q4 2025_');
    expect(page).toContain('[PDF version](assets/wiki-check.pdf)');
    expect(page).toContain('with **Platform** ahead.[^counts]');
    expect(page).toContain('[^counts]: Team release log, exported 2026-01-10.');
    expect(page).toMatch(/\| team\s+\|\s+releases \|\n\| :-+ \| -+: \|/);
    expect(git(['--git-dir', bare, 'log', '-1', '--format=%an <%ae>|%s', 'master'])).toBe('Briefing Bot <bot@example.org>|Publish "Quarterly Wiki Check" with Briefsmith');
    expect(show('assets/wiki-check-fig-releases.svg')).toMatch(/^<svg /);
  }, 60_000);

  it('publishing again makes no commit', async () => {
    const result = await publish();
    expect(result.code).toBe(0);
    expect(result.out).toContain('nothing to send');
    expect(commits()).toBe(2);
  }, 60_000);

  it('a changed paragraph makes exactly one commit, with the page and the PDF but not the unchanged chart', async () => {
    const brief = join(dir, 'brief.md');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace('See the chart below.', 'See the chart below for each team.'));
    await build();
    const result = await publish();
    expect(result.code).toBe(0);
    expect(commits()).toBe(3);
    const changed = git(['--git-dir', bare, 'show', '--name-only', '--format=', 'master']).split('\n').sort();
    expect(changed).toEqual([PAGE, 'assets/wiki-check.pdf']);
    expect(show(PAGE)).toContain('See the chart below for each team.');
  }, 120_000);

  it('stops when the page was edited on the wiki, naming it; --force overwrites', async () => {
    editOnWiki(PAGE, 'Rewritten by a person.\n');
    const stopped = await publish();
    expect(stopped.code).toBe(1);
    expect(stopped.err).toContain(`publish to "team-wiki" failed at plan: page "${PAGE}" was edited on the wiki since the last publish`);
    expect(commits()).toBe(4);
    const forced = await publish('--force');
    expect(forced.code).toBe(0);
    expect(commits()).toBe(5);
    expect(show(PAGE)).toContain('See the chart below for each team.');
  }, 60_000);

  it('passes a token to git through the environment only: not in the clone\'s config, not printed', async () => {
    const token = 'ghp_testtoken0123456789';
    process.env['BRIEF_TEST_GIT_TOKEN'] = token;
    try {
      const result = await runCli('publish', dir, '--to', 'token-wiki', '--out', out, '--config', config);
      expect(result.code).toBe(0);
      expect(result.out + result.err).not.toContain(token);
      const clone = readFileSync(join(out, '.publish', '.git-cache', 'token-wiki', '.git', 'config'), 'utf8');
      expect(clone).not.toContain(token);
      expect(clone).not.toContain(Buffer.from(`x-access-token:${token}`).toString('base64'));
    } finally {
      delete process.env['BRIEF_TEST_GIT_TOKEN'];
    }
  }, 60_000);

  it('after a failed push, the next run pushes the same change once', async () => {
    const brief = join(dir, 'brief.md');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace('with **Platform** ahead', 'with **Platform** well ahead'));
    await build();
    const hook = join(bare, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "wiki is read-only right now" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const failed = await publish();
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('publish to "team-wiki" failed at push:');
    expect(commits()).toBe(5);
    rmSync(hook);
    const finished = await publish();
    expect(finished.code).toBe(0);
    expect(commits()).toBe(6);
    expect(show(PAGE)).toContain('well ahead');
    expect((await publish()).out).toContain('nothing to send');
  }, 120_000);
});

/** A periodic briefing with a parameter on a git wiki: a page per (period, region), an index page, ASCII-safe names. */
describe('brief publish --to <git-backed wiki> with periods and variants', () => {
  const PAGES = ['Open-Models-Weekly-2026-W10-EU.md', 'Open-Models-Weekly-2026-W10-US.md', 'Open-Models-Weekly-2026-W09-EU.md', 'Open-Models-Weekly-2026-W09-US.md'];
  const INDEX = 'Open-Models-Weekly.md';
  let work: string;
  let bare: string;
  let wiki: ReturnType<typeof bareGitWiki>;
  let dir: string;
  let out: string;
  let config: string;

  const git = (args: string[], cwd = work) => wiki.git(args, cwd);
  const commits = () => wiki.commits();
  const lastCommitOf = (path: string) => wiki.lastCommitOf(path);
  const publish = (...extra: string[]) => runCli('publish', dir, '--to', 'team-wiki', '--out', out, '--config', config, ...extra);
  const build = async (...extra: string[]) => expect((await runCli('build', dir, '--out', out, '--format', 'html', ...extra)).code).toBe(0);

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'brief-publish-git-weekly-'));
    wiki = bareGitWiki(work);
    bare = wiki.bare;
    dir = join(work, 'open-model-weekly');
    out = join(work, 'out');
    config = join(work, 'briefsmith.config.json');
    cpSync('content/open-model-weekly', dir, { recursive: true });
    writeFileSync(config, JSON.stringify({ publish: { 'team-wiki': { type: 'git', url: `file://${bare}`, author: { name: 'Briefing Bot', email: 'bot@example.org' } } } }));
    await build('--period', '2026-W09..2026-W10', '--matrix', 'region=EU,US');
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('commits 4 pages and an index page linking them by page name, newest first', async () => {
    const result = await publish('--period', '2026-W09..2026-W10', '--matrix', 'region=EU,US');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(commits()).toBe(1);
    const files = wiki.files();
    expect(files.filter((f) => f.endsWith('.md')).sort()).toEqual([INDEX, ...PAGES].sort());
    for (const file of files) expect(file).toMatch(/^[A-Za-z0-9._/-]+$/);
    expect(files).toContain('assets/open-model-weekly-2026-W10-us-fig-trend.svg');
    const index = git(['--git-dir', bare, 'show', `master:${INDEX}`]);
    const links = [...index.matchAll(/^- \[([^\]]+)\]\(([^)]+)\)/gm)].map((m) => `${m[1]} → ${m[2]}`);
    expect(links).toEqual(PAGES.map((p) => `${p.slice('Open-Models-Weekly-'.length, -3).replace('-EU', ' EU').replace('-US', ' US')} → ${p.slice(0, -3)}`));
    expect(git(['--git-dir', bare, 'log', '-1', '--format=%s', 'master'])).toBe('Publish "Open Models Weekly" (2026-W09 EU, 2026-W09 US, 2026-W10 EU, 2026-W10 US) with Briefsmith');
    const page = git(['--git-dir', bare, 'show', `master:${PAGES[0]}`]);
    expect(page).toContain('<a id="fig-trend"></a>![');
  }, 120_000);

  it('republishing one variant commits only that page (and its changed files)', async () => {
    const before = Object.fromEntries([...PAGES, INDEX].map((p) => [p, lastCommitOf(p)]));
    const brief = join(dir, 'brief.md');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace('All figures in this brief are **synthetic**', 'All figures in this brief are **synthetic** (generated)'));
    await build('--period', '2026-W10', '--matrix', 'region=EU', '--force');
    const result = await publish('--period', '2026-W10', '--param', 'region=EU');
    expect(result.code).toBe(0);
    expect(commits()).toBe(2);
    expect(git(['--git-dir', bare, 'show', '--name-only', '--format=', 'master']).split('\n')).toEqual(['Open-Models-Weekly-2026-W10-EU.md']);
    for (const page of [...PAGES.slice(1), INDEX]) expect(lastCommitOf(page), page).toBe(before[page]);
  }, 120_000);

  it('a push whose answer is lost (the remote took it, git reports failure) is recognised, not pushed twice', async () => {
    const brief = join(dir, 'brief.md');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace('(generated)', '(generated, seeded)'));
    await build('--period', '2026-W10', '--matrix', 'region=EU', '--force');
    // After the refs are updated, the hook kills the receiving git: the client sees the connection drop.
    const hook = join(bare, 'hooks', 'post-receive');
    writeFileSync(hook, '#!/bin/sh\nkill -9 $PPID\n');
    chmodSync(hook, 0o755);
    try {
      const result = await publish('--period', '2026-W10', '--param', 'region=EU');
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(result.out).toContain('its answer was lost: confirmed by reading it back');
    } finally {
      rmSync(hook);
    }
    expect(commits()).toBe(3);
    const record = JSON.parse(readFileSync(join(out, '.publish', 'open-model-weekly', 'team-wiki.json'), 'utf8')) as { pages: Record<string, { revision: string }> };
    expect(record.pages[PAGES[0] ?? '']?.revision).toBe(lastCommitOf(PAGES[0] ?? ''));
    expect((await publish('--period', '2026-W10', '--param', 'region=EU')).out).toContain('nothing to send');
  }, 120_000);
});
