import { sha1Hex } from '../assets/hash.js';
import type { GitTarget } from '../config/target-schema.js';
import type { PublishDocument } from '../document/publish-document.js';
import type { IndexPage } from '../pages/index-page.js';
import type { DesiredFile, DesiredPage, PublishPlan, RemoteFile, RemotePage, RemoteState } from '../plan/compute-plan.js';
import { readCredential, type PublishContext } from '../publish-context.js';
import { atStep } from '../publish-error.js';
import type { Confirmed, PublishProvider, Write } from '../runner/publish-provider.js';
import { gitRunner, type GitRunner } from './git-cli.js';
import { GitWiki } from './git-wiki.js';
import { indexMarkdown, toMarkdownPage } from './to-markdown.js';

/**
 * A git-backed wiki for the publish runner: pages as `<Page-Name>.md` (ASCII-safe names) with
 * charts and PDFs in an assets folder, all changes of a publish in one commit, pushed. Nothing
 * changed, no commit. A push whose answer was lost is recognised by fetching: the remote branch
 * is our commit. The next run starts from the remote either way (a commit left by a failed push
 * is dropped and made again).
 */
export class GitProvider implements PublishProvider {
  readonly type = 'git';
  readonly location: string;
  readonly heading: string;
  readonly #wiki: GitWiki;
  readonly #author: { name: string; email: string };
  #branch = '';

  constructor(
    private readonly target: GitTarget,
    private readonly ctx: PublishContext,
    /** The briefing's title, for commit messages. */
    private readonly title: string,
    /** Handed in by tests that need git to fail the way a network does; the real git CLI otherwise. */
    git: (env: Readonly<Record<string, string | undefined>>) => GitRunner = gitRunner,
  ) {
    this.location = target.url;
    this.heading = `plan for "${ctx.name}" (git ${target.url}):`;
    // `ext::` remotes run commands; git refuses them by default, and so do we, whatever the user's config says.
    const settings: Array<[string, string]> = [['protocol.ext.allow', 'never']];
    if (target.tokenEnv) {
      const token = readCredential(ctx, target.tokenEnv, 'a token with push access to the wiki repository');
      const basic = Buffer.from(`${target.user ?? 'x-access-token'}:${token}`).toString('base64');
      ctx.secrets.add(basic);
      // Given as configuration through the environment: never in argv, the remote URL or .git/config.
      settings.push(['http.extraHeader', `Authorization: Basic ${basic}`]);
    }
    this.#wiki = new GitWiki(git({ ...ctx.env, ...gitConfigEnv(settings) }), ctx.cacheDir, target);
    this.#author = target.author ?? { name: ctx.env['GIT_AUTHOR_NAME'] ?? 'Briefsmith', email: ctx.env['GIT_AUTHOR_EMAIL'] ?? 'briefsmith@localhost' };
  }

  async connect(): Promise<void> {
    await atStep(this.ctx.name, 'clone', () => this.#wiki.clone());
    this.#branch = await atStep(this.ctx.name, 'pull', () => this.#wiki.pull());
  }

  pageName(title: string): string {
    return `${asciiName(title.replace(/\//g, ' ')) || `Page-${sha1Hex(new TextEncoder().encode(title)).slice(0, 8)}`}.md`;
  }

  fileName(asset: string): string {
    return `${this.target.assets}/${asciiName(asset, '.') || sha1Hex(new TextEncoder().encode(asset)).slice(0, 8)}`;
  }

  entryText(doc: PublishDocument): string {
    // Pages sit at the top of the wiki and assets in their folder: the file name is the relative link.
    return toMarkdownPage(doc, { assetPath: (asset) => this.fileName(asset) });
  }

  indexText(index: IndexPage): string {
    return indexMarkdown(index, (title) => title.replace(/\.md$/, ''));
  }

  async readRemote(pages: readonly DesiredPage[], files: readonly DesiredFile[]): Promise<RemoteState> {
    const remotePages = new Map<string, RemotePage>();
    for (const page of pages) {
      const found = await this.#wiki.readPage(page.title, this.#author.email);
      if (found) remotePages.set(page.title, found);
    }
    const remoteFiles = new Map<string, RemoteFile>();
    for (const file of files) {
      const found = this.#wiki.readFile(file.name);
      if (found) remoteFiles.set(file.name, found);
    }
    return { pages: remotePages, files: remoteFiles };
  }

  removable(obsolete: readonly string[]): string[] {
    return obsolete.filter((name) => this.#wiki.readFile(name) !== undefined);
  }

  async *writes(plan: PublishPlan, remove: readonly string[]): AsyncIterable<Write> {
    const pages = plan.pages.filter((p) => p.action !== 'keep');
    const files = plan.files.filter((f) => f.action !== 'keep');
    let commit: string | undefined;
    const confirmed = (revision: string): Confirmed => ({
      pages: Object.fromEntries(pages.map((p) => [p.page.title, { id: p.page.title, revision, sha256: p.page.sha256, storedSha256: p.page.sha256 }])),
      files: Object.fromEntries(files.map((f) => [f.file.name, { sha256: f.file.asset.sha256 }])),
      forgotten: remove,
      note: `pushed ${revision.slice(0, 12)} to ${this.#branch}: ${pages.length} page(s), ${files.length} file(s)${remove.length > 0 ? `, ${remove.length} deleted` : ''}`,
    });
    yield {
      step: 'push',
      done: `pushed to ${this.#branch}`,
      sends: pages.map((p) => ({ title: p.page.title, sha256: p.page.sha256 })),
      send: async () => {
        await atStep(this.ctx.name, 'write', () => {
          for (const page of pages) this.#wiki.write(page.page.title, page.page.text);
          for (const file of files) this.#wiki.write(file.file.name, file.file.asset.bytes);
          for (const name of remove) this.#wiki.remove(name);
        });
        const paths = [...pages.map((p) => p.page.title), ...files.map((f) => f.file.name), ...remove];
        commit = await atStep(this.ctx.name, 'commit', () => this.#wiki.commit(paths, this.#message(plan), this.#author));
        if (commit === undefined) return { changed: false, note: 'nothing to commit: the clone already held this' };
        await this.#wiki.push(this.#branch);
        return confirmed(commit);
      },
      readBack: async () => (commit !== undefined && (await this.#wiki.remoteHead(this.#branch)) === commit ? confirmed(commit) : undefined),
    };
  }

  /** `Publish "Open Models Weekly" (2026-W10 EU, 2026-W10 US) with Briefsmith`, or the target's own message. */
  #message(plan: PublishPlan): string {
    if (this.target.message) return this.target.message;
    const labels = plan.pages.filter((p) => p.action !== 'keep').map((p) => p.page.entry?.label).filter(Boolean);
    return `Publish "${this.title}"${labels.length > 0 ? ` (${labels.join(', ')})` : ''} with Briefsmith`;
  }

  where(page: string): string {
    return `${this.target.url} ${page}`;
  }
}

/** Letters and digits of ASCII, one `-` for anything else (accents dropped first): `Données Q4/2026` → `Donnees-Q4-2026`. */
export function asciiName(text: string, keep = ''): string {
  const allowed = new RegExp(`[^A-Za-z0-9${keep.replace(/[\]\\^-]/g, '\\$&')}]+`, 'g');
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').replace(allowed, '-').replace(/-+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
}

/** Git settings for every command of this run, as `GIT_CONFIG_COUNT`/`KEY_n`/`VALUE_n` variables. */
function gitConfigEnv(settings: ReadonlyArray<[string, string]>): Record<string, string> {
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(settings.length) };
  settings.forEach(([key, value], i) => Object.assign(env, { [`GIT_CONFIG_KEY_${i}`]: key, [`GIT_CONFIG_VALUE_${i}`]: value }));
  return env;
}
