import type { GitTarget } from '../config/target-schema.js';
import { sha256Hex } from '../assets/hash.js';
import { computePlan, type DesiredFile, type DesiredPage, type RemoteFile, type RemotePage } from '../plan/compute-plan.js';
import { gatePlan, readCredential, recordKept, type PublishContext, type PublishOutcome } from '../publish-context.js';
import { atStep } from '../publish-error.js';
import { readRecord } from '../record/publish-record.js';
import { RecordKeeper } from '../record/record-keeper.js';
import { gitRunner } from './git-cli.js';
import { GitWiki } from './git-wiki.js';
import { toMarkdownPage } from './to-markdown.js';

/**
 * A git-backed wiki: the page as `<Page-Name>.md` with charts and the PDF in an assets folder,
 * committed and pushed in one commit. Nothing changed, no commit. The record is written once
 * the push succeeded: until then the wiki is unchanged, and the next run starts over from it.
 */
export async function publishToGitWiki(target: GitTarget, ctx: PublishContext): Promise<PublishOutcome> {
  const doc = ctx.document;
  const step = <T>(name: Parameters<typeof atStep>[1], run: () => Promise<T> | T) => atStep(ctx.name, name, run);
  // `ext::` remotes run commands; git refuses them by default, and so do we, whatever the user's config says.
  const settings: Array<[string, string]> = [['protocol.ext.allow', 'never']];
  if (target.tokenEnv) {
    const token = readCredential(ctx, target.tokenEnv, 'a token with push access to the wiki repository');
    const basic = Buffer.from(`${target.user ?? 'x-access-token'}:${token}`).toString('base64');
    ctx.secrets.add(basic);
    // Given as configuration through the environment: never in argv, the remote URL or .git/config.
    settings.push(['http.extraHeader', `Authorization: Basic ${basic}`]);
  }
  const wiki = new GitWiki(gitRunner({ ...ctx.env, ...gitConfigEnv(settings) }), ctx.cacheDir, target);
  await step('clone', () => wiki.clone());
  const branch = await step('pull', () => wiki.pull());

  const pagePath = pageFileName(target.page ?? doc.title, doc.period);
  const assetPath = (asset: string) => `${target.assets}/${asset}`;
  const text = toMarkdownPage(doc, { assetPath });
  const pages: DesiredPage[] = [{ title: pagePath, text, sha256: sha256Hex(text) }];
  const files: DesiredFile[] = doc.assets.map((asset) => ({ name: assetPath(asset.name), asset }));
  const record = readRecord(ctx.recordPath, { target: ctx.name, type: 'git', location: target.url });

  const remote = await step('read', async () => {
    const remotePages = new Map<string, RemotePage>();
    const page = await wiki.readPage(pagePath);
    if (page) remotePages.set(pagePath, page);
    const remoteFiles = new Map<string, RemoteFile>();
    for (const file of files) {
      const found = wiki.readFile(file.name);
      if (found) remoteFiles.set(file.name, found);
    }
    return { pages: remotePages, files: remoteFiles };
  });
  const plan = computePlan({ pages, files, remote, record, force: ctx.force });
  const obsolete = plan.obsolete.filter((name) => wiki.readFile(name) !== undefined);
  const gate = gatePlan({ ...plan, obsolete }, ctx, `plan for "${ctx.name}" (git ${target.url}, branch ${branch}):`);
  const keeper = new RecordKeeper(ctx.recordPath, record);
  if (gate === 'done' && obsolete.length === 0) {
    if (!ctx.dryRun) recordKept(plan, keeper);
    return { changes: 0, location: `${target.url} ${pagePath}` };
  }
  if (ctx.dryRun) return { changes: 0, location: `${target.url} ${pagePath}` };

  await step('write', () => {
    for (const page of plan.pages) if (page.action !== 'keep') wiki.write(page.page.title, page.page.text);
    for (const file of plan.files) if (file.action !== 'keep') wiki.write(file.file.name, file.file.asset.bytes);
    for (const name of obsolete) wiki.remove(name);
  });
  const author = target.author ?? {
    name: ctx.env['GIT_AUTHOR_NAME'] ?? 'Briefsmith',
    email: ctx.env['GIT_AUTHOR_EMAIL'] ?? 'briefsmith@localhost',
  };
  const message = target.message ?? `Publish "${doc.title}"${doc.period ? ` (${doc.period})` : ''} with Briefsmith`;
  const commit = await step('commit', () => wiki.commit([pagePath, ...files.map((f) => f.name), ...obsolete], message, author));
  if (commit) {
    await step('push', () => wiki.push(branch));
    ctx.log(`✓ pushed ${commit.slice(0, 12)} to ${branch}: ${pagePath} and ${plan.files.filter((f) => f.action !== 'keep').length} file(s)`);
  }
  await step('record', () => {
    for (const page of plan.pages) {
      const revision = page.action === 'keep' ? page.remote.revision : (commit ?? '');
      keeper.page(page.page.title, { id: page.page.title, revision, sha256: page.page.sha256, storedSha256: page.page.sha256 });
    }
    for (const file of plan.files) keeper.file(file.file.name, { sha256: file.file.asset.sha256 });
    for (const name of plan.obsolete) keeper.forgetFile(name);
  });
  return { changes: commit ? 1 : 0, location: `${target.url} ${pagePath}` };
}

/** Git settings for every command of this run, as `GIT_CONFIG_COUNT`/`KEY_n`/`VALUE_n` variables. */
function gitConfigEnv(settings: ReadonlyArray<[string, string]>): Record<string, string> {
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(settings.length) };
  settings.forEach(([key, value], i) => Object.assign(env, { [`GIT_CONFIG_KEY_${i}`]: key, [`GIT_CONFIG_VALUE_${i}`]: value }));
  return env;
}

/** `The DeepSeek Moment, One Year On` → `The-DeepSeek-Moment,-One-Year-On.md` (how GitHub and Gollum name page files). */
export function pageFileName(title: string, period: string | undefined): string {
  const name = [title, period].filter(Boolean).join(' ');
  const safe = name.replace(/[\\/:*?"<>|#%[\]{}]/g, '').trim().replace(/\s+/g, '-');
  return `${safe || 'Briefing'}.md`;
}
