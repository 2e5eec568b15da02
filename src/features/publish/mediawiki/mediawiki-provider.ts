import type { MediawikiTarget } from '../config/target-schema.js';
import type { PublishDocument } from '../document/publish-document.js';
import { HttpClient, isRetryable, triedTimes } from '../http/http-client.js';
import { DEFAULT_RETRY, withRetry } from '../http/retry.js';
import type { IndexPage } from '../pages/index-page.js';
import type { DesiredFile, DesiredPage, PageAction, PublishPlan, RemoteState } from '../plan/compute-plan.js';
import { readCredential, USER_AGENT, type PublishContext } from '../publish-context.js';
import { atStep } from '../publish-error.js';
import type { Confirmed, PublishProvider, Write } from '../runner/publish-provider.js';
import { MediawikiClient } from './mediawiki-client.js';
import { fileTitle, indexWikitext, normalizeTitle } from './page-names.js';
import { toWikitext } from './to-wikitext.js';

/**
 * MediaWiki for the publish runner: log in with a bot password, read pages (text, revision,
 * author) and files (SHA-1, uploader), then upload the files that differ and edit the pages that
 * differ — files first, so a page never shows a red link to a chart about to arrive, and the
 * index last, so it never links to a page not yet there. A write whose answer was lost is
 * recognised by reading back: the latest revision (or file version) is ours and holds exactly
 * the text (SHA-1) that was sent.
 */
export class MediawikiProvider implements PublishProvider {
  readonly type = 'mediawiki';
  readonly location: string;
  readonly heading: string;
  readonly #client: MediawikiClient;
  readonly #password: string;
  /** Server time of the read, sent as `starttimestamp`: a page deleted since is not recreated. */
  #now = '';

  constructor(
    private readonly target: MediawikiTarget,
    private readonly ctx: PublishContext,
    private readonly slug: string,
  ) {
    this.location = target.api;
    this.heading = `plan for "${ctx.name}" (MediaWiki ${target.api}):`;
    this.#password = readCredential(ctx, target.passwordEnv, `the bot password of ${target.user}`);
    this.#client = new MediawikiClient(target.api, new HttpClient({ ...ctx.http, cookies: true, headers: { 'User-Agent': USER_AGENT } }));
  }

  /** A login whose answer was lost is started over from a new token, up to the retry policy's tries. */
  connect(): Promise<void> {
    const policy = this.ctx.http.retry ?? DEFAULT_RETRY;
    return atStep(this.ctx.name, 'login', () => withRetry(() => this.#client.login(this.target.user, this.#password), isRetryable, policy, triedTimes));
  }

  pageName(title: string): string {
    return normalizeTitle(title);
  }

  fileName(asset: string): string {
    return fileTitle(asset);
  }

  entryText(doc: PublishDocument): string {
    return toWikitext(doc, { fileName: fileTitle });
  }

  indexText(index: IndexPage): string {
    return indexWikitext(index);
  }

  async readRemote(pages: readonly DesiredPage[], files: readonly DesiredFile[]): Promise<RemoteState> {
    const read = await this.#client.readPages(pages.map((p) => p.title));
    this.#now = read.now;
    return { pages: read.pages, files: await this.#client.readFiles(files.map((f) => f.name)) };
  }

  async *writes(plan: PublishPlan): AsyncIterable<Write> {
    const token = await atStep(this.ctx.name, 'login', () => this.#client.csrfToken());
    const summary = this.target.summary ?? `Published by Briefsmith from ${this.slug}`;
    for (const action of plan.files) {
      if (action.action === 'keep') continue;
      const { name, asset } = action.file;
      const confirmed: Confirmed = { files: { [name]: { sha256: asset.sha256 } } };
      yield {
        step: 'upload',
        done: `${action.action === 'upload' ? 'uploaded' : 'replaced'} File:${name}`,
        sends: [],
        send: async () => {
          await this.#client.upload({ name, bytes: asset.bytes, mime: asset.mime }, summary, token);
          return confirmed;
        },
        readBack: async () => {
          const found = (await this.#client.readFiles([name])).get(name);
          return found?.byUs && found.sha1 === asset.sha1 ? confirmed : undefined;
        },
      };
    }
    const index = plan.pages.filter((p) => p.page.entry === undefined);
    for (const action of [...plan.pages.filter((p) => p.page.entry !== undefined), ...index]) {
      if (action.action !== 'keep') yield this.#edit(action, summary, token);
    }
  }

  #edit(action: Exclude<PageAction, { action: 'keep' }>, summary: string, token: string): Write {
    const { title, text, sha256 } = action.page;
    const remote = action.action === 'update' ? action.remote : undefined;
    const readBack = async (): Promise<Confirmed | undefined> => {
      const found = (await this.#client.readPages([title])).pages.get(title);
      if (!found?.byUs || found.sha256 !== sha256) return undefined;
      return { pages: { [title]: { id: found.id, revision: found.revision, sha256, storedSha256: sha256 } }, note: `${remote ? 'updated' : 'created'} page "${title}" (revision ${found.revision})` };
    };
    return {
      step: 'edit',
      done: `${remote ? 'updated' : 'created'} page "${title}"`,
      sends: [{ title, sha256 }],
      send: async () => {
        const mode = remote ? 'update' : 'create';
        const edit = await this.#client.edit({ title, text, summary, mode, basetimestamp: remote?.timestamp, starttimestamp: this.#now }, token);
        if (edit.nochange) {
          // The wiki already had this text: record the revision that holds it, not the one planned from.
          const held = await readBack();
          if (held) return { ...held, changed: false, note: `page "${title}" already had this text (revision ${Object.values(held.pages ?? {})[0]?.revision ?? '?'})` };
        }
        const revision = String(edit.revid ?? remote?.revision ?? '');
        return {
          pages: { [title]: { id: String(edit.pageid), revision, sha256, storedSha256: sha256 } },
          changed: !edit.nochange,
          note: `${remote ? 'updated' : 'created'} page "${title}" (revision ${revision})`,
        };
      },
      readBack,
    };
  }

  where(page: string): string {
    return `${this.target.api.replace(/api\.php$/, 'index.php')}?title=${encodeURIComponent(page.replace(/ /g, '_'))}`;
  }
}
