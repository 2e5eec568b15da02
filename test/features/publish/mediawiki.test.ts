import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { diskFiles } from '../../../src/edges/files/disk-files.js';
import { renderBriefing, type RenderResult } from '../../../src/pipeline/render-briefing.js';
import { templates } from '../../support/render-folder.js';
import { startTestWiki, type TestWiki } from './support/mediawiki-server.js';
import { runCli } from './support/run-cli.js';
import { allFiles, editAsPerson, fileVersions, renderedHtml, revisions } from './support/wiki-api.js';

/**
 * The example briefing published to a real MediaWiki (Debian's 1.39, installed by
 * scripts/setup-mediawiki.sh) running on 127.0.0.1 for this file only.
 */
const PASSWORD_ENV = 'BRIEF_TEST_WIKI_PASSWORD';
const TITLE = 'The DeepSeek Moment, One Year On';

let wiki: TestWiki;

// One wiki for the whole file: starting MediaWiki takes a few seconds.
beforeAll(async () => {
  wiki = await startTestWiki();
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await wiki?.stop();
});

describe('brief publish --to <mediawiki target>', () => {
  let work: string;
  let dir: string;
  let out: string;
  let config: string;
  let briefing: RenderResult;
  let files: string[];

  const publish = (...extra: string[]) => runCli('publish', dir, '--to', 'wiki', '--out', out, '--config', config, ...extra);
  const build = async () => expect((await runCli('build', dir, '--out', out)).code).toBe(0);

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'brief-publish-mw-'));
    dir = join(work, 'deepseek-moment');
    out = join(work, 'out');
    config = join(work, 'briefsmith.config.json');
    cpSync('content/deepseek-moment', dir, { recursive: true });
    writeFileSync(config, JSON.stringify({ publish: { wiki: { type: 'mediawiki', api: wiki.api, user: wiki.user, passwordEnv: PASSWORD_ENV } } }));
    vi.stubEnv(PASSWORD_ENV, wiki.password);
    briefing = await renderBriefing({ files: diskFiles(dir), templates });
    files = [...briefing.figures.map((f) => `Deepseek-moment-${f.id}.svg`), 'Deepseek-moment.pdf'];
    await build();
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('prints the plan with --dry-run and sends nothing', async () => {
    const result = await publish('--dry-run');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`create page "${TITLE}"`);
    for (const file of files) expect(result.out).toContain(`upload ${file}`);
    expect(result.out).toContain('dry run: nothing was sent');
    expect(await revisions(wiki.api, TITLE)).toEqual([]);
    expect(await allFiles(wiki.api)).toEqual([]);
  }, 120_000);

  it('creates the page and uploads every chart as SVG and the PDF; the rendered page has the headings, figures and references', async () => {
    const result = await publish();
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(await revisions(wiki.api, TITLE)).toHaveLength(1);
    expect((await allFiles(wiki.api)).sort()).toEqual([...files].sort());

    const html = await renderedHtml(wiki.api, TITLE);
    const headlines = [...html.matchAll(/<span class="mw-headline" id="[^"]*">([\s\S]*?)<\/span>/g)].map((m) => decode(m[1] ?? ''));
    for (const heading of briefing.headings.filter((h) => h.level <= 3)) expect(headlines).toContain(heading.text);
    expect(headlines).toContain('Sources');
    for (const figure of briefing.figures) {
      expect(html).toContain(`href="/index.php/File:Deepseek-moment-${figure.id}.svg"`);
      expect(html).toContain(`<span id="${figure.id}"></span>`);
    }
    expect(html.match(/class="thumbcaption"/g)).toHaveLength(briefing.figures.length);
    expect(html).toMatch(/<div class="thumbcaption">[\s\S]*?Figure 1\. Selected open-model events/);
    const references = /<ol class="references">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
    expect(references.match(/<li id="cite(?:_|&#95;)note-/g)).toHaveLength(briefing.document?.citations.length ?? -1);
    expect(html).toMatch(/href="[^"]*Deepseek-moment\.pdf"[^>]*>PDF version</);

    const record = JSON.parse(readFileSync(join(out, '.publish', 'deepseek-moment', 'wiki.json'), 'utf8')) as { pages: Record<string, { revision: string }>; files: Record<string, unknown> };
    expect(record.pages[TITLE]?.revision).toBe(String((await revisions(wiki.api, TITLE))[0]));
    expect(Object.keys(record.files).sort()).toEqual([...files].sort());
  }, 120_000);

  it('publishing again creates no revision and uploads nothing', async () => {
    const before = { revisions: await revisions(wiki.api, TITLE), files: await fileVersions(wiki.api, files) };
    const result = await publish();
    expect(result.code).toBe(0);
    expect(result.out).toContain(`nothing to send: 1 page, ${files.length} files unchanged`);
    expect(result.out).toContain('"wiki" is up to date');
    expect(await revisions(wiki.api, TITLE)).toEqual(before.revisions);
    expect(await fileVersions(wiki.api, files)).toEqual(before.files);
  }, 120_000);

  it('refuses a stale build; after rebuilding, a changed paragraph makes one revision and re-uploads only what changed', async () => {
    const brief = join(dir, 'brief.md');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace('Figures quoted from the retrospective are reported values.', 'Figures quoted from the retrospective are reported values, as published.'));
    const stale = await publish();
    expect(stale.code).toBe(1);
    expect(stale.err).toContain('publish to "wiki" failed at build:');
    expect(stale.err).toContain('older than the briefing\'s sources; run "brief build');

    await build();
    const before = { revisions: await revisions(wiki.api, TITLE), files: await fileVersions(wiki.api, files) };
    const result = await publish();
    expect(result.code).toBe(0);
    expect(result.out).toContain(`update page "${TITLE}"`);
    const after = { revisions: await revisions(wiki.api, TITLE), files: await fileVersions(wiki.api, files) };
    expect(after.revisions).toHaveLength(before.revisions.length + 1);
    for (const file of files.filter((f) => f.endsWith('.svg'))) expect(after.files.get(file)).toEqual(before.files.get(file));
    // The PDF's text changed with the paragraph: it is the one file uploaded again.
    expect(after.files.get('Deepseek-moment.pdf')).toHaveLength(2);
    expect(await renderedHtml(wiki.api, TITLE)).toContain('reported values, as published.');
  }, 240_000);

  it('stops when someone edited the page on the wiki, naming the page; --force overwrites the edit', async () => {
    await editAsPerson(wiki.api, wiki.user, wiki.password, TITLE, 'Edited by hand on the wiki.');
    const edited = await revisions(wiki.api, TITLE);
    const stopped = await publish();
    expect(stopped.code).toBe(1);
    expect(stopped.err).toContain(`publish to "wiki" failed at plan: page "${TITLE}" was edited on the wiki since the last publish`);
    expect(stopped.err).toContain('--force');
    expect(await revisions(wiki.api, TITLE)).toEqual(edited);

    const forced = await publish('--force');
    expect(forced.code).toBe(0);
    expect(await revisions(wiki.api, TITLE)).toHaveLength(edited.length + 1);
    expect(await renderedHtml(wiki.api, TITLE)).not.toContain('Edited by hand');
  }, 120_000);

  it('fails cleanly at login with a wrong bot password, naming the target, and never prints the password', async () => {
    const wrong = 'wrongwrongwrongwrongwrongwrong12';
    vi.stubEnv(PASSWORD_ENV, wrong);
    try {
      const result = await publish();
      expect(result.code).toBe(1);
      expect(result.err).toContain('brief: publish to "wiki" failed at login: the wiki refused the bot password of "Admin@briefsmith"');
      expect(result.out + result.err).not.toContain(wrong);
    } finally {
      vi.stubEnv(PASSWORD_ENV, wiki.password);
    }
  }, 120_000);
});

function decode(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * A periodic briefing with a parameter: every (period, region) is its own page under an index
 * page that lists them all, newest first. Built as HTML only (the pages are what this is about;
 * PDFs are covered above).
 */
describe('brief publish --to <mediawiki target> with periods and variants', () => {
  const TITLE = 'Open Models Weekly';
  const PAGES = ['2026-W10/EU', '2026-W10/US', '2026-W09/EU', '2026-W09/US'].map((p) => `${TITLE}/${p}`);
  let work: string;
  let dir: string;
  let out: string;
  let config: string;

  const publish = (...extra: string[]) => runCli('publish', dir, '--to', 'wiki', '--out', out, '--config', config, ...extra);
  const build = async (...extra: string[]) => expect((await runCli('build', dir, '--out', out, '--format', 'html', ...extra)).code).toBe(0);
  const currentRevisions = async () => Object.fromEntries(await Promise.all([...PAGES, TITLE].map(async (t) => [t, await revisions(wiki.api, t)] as const)));

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'brief-publish-mw-weekly-'));
    dir = join(work, 'open-model-weekly');
    out = join(work, 'out');
    config = join(work, 'briefsmith.config.json');
    cpSync('content/open-model-weekly', dir, { recursive: true });
    writeFileSync(config, JSON.stringify({ publish: { wiki: { type: 'mediawiki', api: wiki.api, user: wiki.user, passwordEnv: PASSWORD_ENV } } }));
    vi.stubEnv(PASSWORD_ENV, wiki.password);
    await build('--period', '2026-W09..2026-W10', '--matrix', 'region=EU,US');
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('publishes 2 periods × 2 regions as 4 pages and an index page that links them, newest first, with headlines', async () => {
    const result = await publish('--period', '2026-W09..2026-W10', '--matrix', 'region=EU,US');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    for (const page of [...PAGES, TITLE]) expect(await revisions(wiki.api, page), page).toHaveLength(1);
    const index = await renderedHtml(wiki.api, TITLE);
    const linked = [...index.matchAll(/<a href="\/index\.php\/([^"]+)" title="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[2], m[3]]);
    expect(linked).toEqual(PAGES.map((p) => [p, p.slice(TITLE.length + 1).replace('/', ' ')]));
    expect(decode(index)).toMatch(/2026-W10 EU — [\d,]+ downloads in EU, [+-][\d.]+% on the week/);
    expect(result.out).toContain(`✓ published to "wiki": ${wiki.api.replace(/api\.php$/, 'index.php')}?title=Open_Models_Weekly`);
  }, 240_000);

  it('shows each chart at the text width (not a 300 px thumbnail), linked to its SVG file page', async () => {
    const html = await renderedHtml(wiki.api, `${TITLE}/2026-W10/US`);
    const images = [...html.matchAll(/<a href="\/index\.php\/File:([^"]+\.svg)" class="image"[^>]*><img [^>]*width="(\d+)"/g)].map((m) => [m[1], Number(m[2])] as const);
    expect(images.map(([file]) => file)).toEqual(['Open-model-weekly-2026-W10-us-fig-this-week.svg', 'Open-model-weekly-2026-W10-us-fig-top-orgs.svg', 'Open-model-weekly-2026-W10-us-fig-trend.svg', 'Open-model-weekly-2026-W10-us-fig-releases.svg']);
    for (const [file, width] of images) expect(width, file).toBeGreaterThanOrEqual(500);
  }, 60_000);

  it('republishing one variant leaves every other page, and the index, as they were', async () => {
    const brief = join(dir, 'brief.md');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace('All figures in this brief are **synthetic**', 'All figures in this brief are **synthetic** (generated)'));
    await build('--period', '2026-W10', '--matrix', 'region=EU', '--force');
    const before = await currentRevisions();
    const result = await publish('--period', '2026-W10', '--param', 'region=EU');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`update page "${TITLE}/2026-W10/EU"`);
    const after = await currentRevisions();
    expect(after[`${TITLE}/2026-W10/EU`]).toHaveLength(2);
    for (const page of [...PAGES.filter((p) => !p.endsWith('2026-W10/EU')), TITLE]) expect(after[page], page).toEqual(before[page]);
    expect(await renderedHtml(wiki.api, `${TITLE}/2026-W10/EU`)).toContain('(generated)');
  }, 240_000);

  it('names the exact build command for an output that is stale, and that command makes it publishable', async () => {
    const stale = await publish('--period', '2026-W10', '--param', 'region=US');
    expect(stale.code).toBe(1);
    const command = `brief build ${dir} --period 2026-W10 --param region=US --out ${out} --force`;
    expect(stale.err).toBe(`brief: publish to "wiki" failed at build: ${join(out, 'open-model-weekly', '2026-W10', 'US', 'index.html')} is older than the briefing's sources; run "${command}" first`);
    const [, ...args] = command.split(' ');
    expect((await runCli(...args)).code).toBe(0);
    const result = await publish('--period', '2026-W10', '--param', 'region=US');
    expect(result.code).toBe(0);
    expect(await revisions(wiki.api, `${TITLE}/2026-W10/US`)).toHaveLength(2);
  }, 240_000);
});
