import { sha256Hex } from '../assets/hash.js';
import type { ConfluenceTarget } from '../config/target-schema.js';
import type { PublishDocument } from '../document/publish-document.js';
import { HttpClient } from '../http/http-client.js';
import type { IndexPage } from '../pages/index-page.js';
import type { DesiredFile, DesiredPage, FileAction, PageAction, PublishPlan, RemoteFile, RemotePage, RemoteState } from '../plan/compute-plan.js';
import { readCredential, USER_AGENT, type PublishContext } from '../publish-context.js';
import { PublishError } from '../publish-error.js';
import type { Confirmed, PublishProvider, Write } from '../runner/publish-provider.js';
import { ConfluenceClient, sentHash, versionMessage, type ConfluencePage } from './confluence-client.js';
import { indexStorageFormat, toStorageFormat } from './to-storage.js';

/** Cloud serves the REST API under /wiki; Data Center under its own context path. */
export function confluenceApiBase(target: ConfluenceTarget): string {
  const url = target.url.replace(/\/+$/, '');
  return target.flavor === 'cloud' && !url.endsWith('/wiki') ? `${url}/wiki/rest/api` : `${url}/rest/api`;
}

/**
 * Confluence Cloud or Data Center for the publish runner: pages found by title in the space,
 * created (an output's page under the index page, the index under `parentId`) or updated with the
 * next version number, then the attachments whose hash differs. Confluence rewrites the storage
 * format it stores, so each version we make names the hash of the body sent in its message, and
 * each attachment the hash of its bytes in its comment: that is how a write whose answer was
 * lost is recognised.
 */
export class ConfluenceProvider implements PublishProvider {
  readonly type = 'confluence';
  readonly location: string;
  readonly heading: string;
  readonly #client: ConfluenceClient;
  /** Page ids by title, from the read and from each page written. */
  readonly #ids = new Map<string, string>();

  constructor(
    private readonly target: ConfluenceTarget,
    private readonly ctx: PublishContext,
  ) {
    this.location = `${target.url} space ${target.space}`;
    this.heading = `plan for "${ctx.name}" (Confluence ${target.flavor} ${target.url}, space ${target.space}):`;
    const token = readCredential(ctx, target.tokenEnv, target.flavor === 'cloud' ? 'an Atlassian API token' : 'a personal access token');
    const authorization = target.flavor === 'cloud' ? `Basic ${Buffer.from(`${target.email ?? ''}:${token}`).toString('base64')}` : `Bearer ${token}`;
    ctx.secrets.add(authorization.slice(authorization.indexOf(' ') + 1));
    this.#client = new ConfluenceClient(confluenceApiBase(target), new HttpClient({ ...ctx.http, headers: { Authorization: authorization, 'User-Agent': USER_AGENT } }));
  }

  /** Every request carries the token; there is no session to open. */
  async connect(): Promise<void> {}

  pageName(title: string): string {
    return title.replace(/\s+/g, ' ').trim();
  }

  fileName(asset: string): string {
    return asset;
  }

  entryText(doc: PublishDocument): string {
    return toStorageFormat(doc);
  }

  indexText(index: IndexPage): string {
    return indexStorageFormat(index);
  }

  async readRemote(pages: readonly DesiredPage[], files: readonly DesiredFile[]): Promise<RemoteState> {
    const remotePages = new Map<string, RemotePage>();
    const remoteFiles = new Map<string, RemoteFile>();
    for (const page of pages) {
      const found = await this.#client.findPage(this.target.space, page.title);
      if (!found) continue;
      this.#ids.set(page.title, found.id);
      remotePages.set(page.title, remotePage(found));
      const wanted = new Set(files.filter((f) => f.page === page.title).map((f) => f.name));
      if (wanted.size === 0) continue;
      for (const a of await this.#client.listAttachments(found.id)) {
        if (wanted.has(a.filename)) remoteFiles.set(a.filename, { id: a.id, ...(a.sha256 ? { sha256: a.sha256 } : {}) });
      }
    }
    return { pages: remotePages, files: remoteFiles };
  }

  /** The index first (the outputs' pages go under it), then each page followed by its attachments. */
  async *writes(plan: PublishPlan): AsyncIterable<Write> {
    const index = plan.pages.find((p) => p.page.entry === undefined && plan.pages.length > 1);
    const ordered = [...(index ? [index] : []), ...plan.pages.filter((p) => p !== index)];
    for (const action of ordered) {
      if (action.action !== 'keep') yield this.#pageWrite(action, action === index ? undefined : index?.page.title);
      for (const file of plan.files) if (file.file.page === action.page.title && file.action !== 'keep') yield this.#attachWrite(file);
    }
  }

  #pageWrite(action: Exclude<PageAction, { action: 'keep' }>, under: string | undefined): Write {
    const { title, text, sha256 } = action.page;
    const message = versionMessage(this.target.message ?? 'Published by Briefsmith', sha256);
    const confirmed = (saved: ConfluencePage): Confirmed => {
      this.#ids.set(title, saved.id);
      const storedSha256 = sha256Hex(saved.body ?? text);
      return { pages: { [title]: { id: saved.id, revision: String(saved.version), sha256, storedSha256 } }, note: `${action.action === 'create' ? 'created' : 'updated'} page "${title}" (version ${saved.version})` };
    };
    return {
      step: action.action === 'create' ? 'create page' : 'update page',
      done: `${action.action === 'create' ? 'created' : 'updated'} page "${title}"`,
      sends: [{ title, sha256 }],
      send: async () => {
        const { space } = this.target;
        if (action.action === 'create') {
          const parentId = (under ? this.#ids.get(under) : undefined) ?? this.target.parentId;
          return confirmed(await this.#client.createPage({ space, title, parentId, body: text, message }));
        }
        const version = Number(action.remote.revision) + 1;
        return confirmed(await this.#client.updatePage({ id: action.remote.id, space, title, version, body: text, message }));
      },
      readBack: async () => {
        const found = await this.#client.findPage(this.target.space, title);
        return found && sentHash(found.message) === sha256 ? confirmed(found) : undefined;
      },
    };
  }

  #attachWrite(action: Exclude<FileAction, { action: 'keep' }>): Write {
    const { name, asset, page } = action.file;
    const file = { filename: name, bytes: asset.bytes, mime: asset.mime, sha256: asset.sha256 };
    const pageId = () => {
      const id = this.#ids.get(page);
      if (id === undefined) throw new PublishError(this.ctx.name, 'attach', `page "${page}" does not exist, so ${name} cannot be attached to it`);
      return id;
    };
    const confirmed = (id: string): Confirmed => ({ files: { [name]: { sha256: asset.sha256, id } } });
    return {
      step: 'attach',
      done: `${action.action === 'upload' ? 'attached' : 'replaced'} ${name}`,
      sends: [],
      send: async () => {
        const saved = action.action === 'replace' && action.remote.id ? await this.#client.updateAttachmentData(pageId(), action.remote.id, file) : await this.#client.createAttachment(pageId(), file);
        return confirmed(saved.id);
      },
      readBack: async () => {
        const found = (await this.#client.listAttachments(pageId())).find((a) => a.filename === name && a.sha256 === asset.sha256);
        return found ? confirmed(found.id) : undefined;
      },
    };
  }

  where(page: string): string {
    return `${this.target.url} space ${this.target.space}, page "${page}"`;
  }
}

function remotePage(found: ConfluencePage): RemotePage {
  const sent = sentHash(found.message);
  return { id: found.id, revision: String(found.version), sha256: sha256Hex(found.body ?? ''), ...(sent ? { sentSha256: sent } : {}) };
}
