import type { HttpClient } from '../http/http-client.js';

export interface ConfluencePage {
  id: string;
  title: string;
  version: number;
  /** The storage-format body as Confluence stores it (it normalizes what it is sent). */
  body: string | undefined;
  /** The current version's message (ours carry the hash of the body we sent). */
  message: string | undefined;
}

export interface ConfluenceAttachment {
  id: string;
  filename: string;
  /** Our SHA-256 of the bytes, kept in the attachment's comment when we uploaded it. */
  sha256: string | undefined;
}

export interface AttachmentFile {
  filename: string;
  bytes: Uint8Array;
  mime: string;
  sha256: string;
}

interface ContentJson {
  id: string;
  title: string;
  version?: { number?: number; message?: string };
  body?: { storage?: { value?: string } };
  metadata?: { comment?: string };
  extensions?: { comment?: string };
}

/** The hash travels in the attachment comment, so the plan can compare without downloading. */
export function attachmentComment(sha256: string): string {
  return `sha256:${sha256} (published by Briefsmith)`;
}

/**
 * A page version's message names the hash of the body we sent: Confluence rewrites the body it
 * stores, so this is how a version is recognised as ours, holding exactly what was sent.
 */
export function versionMessage(message: string, sha256: string): string {
  return `${message} [sha256:${sha256}]`;
}

/** The hash a version message of ours names. */
export function sentHash(message: string | undefined): string | undefined {
  return /\[sha256:([0-9a-f]{64})\]/.exec(message ?? '')?.[1];
}

/**
 * A thin client for the Confluence REST API (writes are sent once: see `runner/apply-write.ts`) (v1, the content resource) as Cloud and Data Center
 * both serve it. `base` is the API root: `https://site.atlassian.net/wiki/rest/api` or
 * `https://confluence.example.com/rest/api`; authorization comes with the HttpClient.
 */
export class ConfluenceClient {
  constructor(
    private readonly base: string,
    private readonly http: HttpClient,
  ) {}

  async findPage(space: string, title: string): Promise<ConfluencePage | undefined> {
    const query = new URLSearchParams({ type: 'page', spaceKey: space, title, expand: 'version,body.storage' });
    const answer = await this.http.json<{ results?: ContentJson[] }>({ method: 'GET', url: `${this.base}/content?${query}` });
    const found = answer.results?.find((r) => r.title === title);
    return found ? page(found) : undefined;
  }

  async listAttachments(pageId: string): Promise<ConfluenceAttachment[]> {
    const attachments: ConfluenceAttachment[] = [];
    for (let start = 0; ; start += 100) {
      const query = new URLSearchParams({ expand: 'version,metadata', start: String(start), limit: '100' });
      const answer = await this.http.json<{ results?: ContentJson[]; size?: number }>({ method: 'GET', url: `${this.base}/content/${pageId}/child/attachment?${query}` });
      const results = answer.results ?? [];
      for (const r of results) {
        const comment = r.metadata?.comment ?? r.extensions?.comment ?? '';
        attachments.push({ id: r.id, filename: r.title, sha256: /sha256:([0-9a-f]{64})/.exec(comment)?.[1] });
      }
      if (results.length < 100) return attachments;
    }
  }

  async createPage(input: { space: string; title: string; parentId: string | undefined; body: string; message: string }): Promise<ConfluencePage> {
    const content = {
      type: 'page',
      title: input.title,
      space: { key: input.space },
      ...(input.parentId ? { ancestors: [{ id: input.parentId }] } : {}),
      version: { message: input.message },
      body: { storage: { value: input.body, representation: 'storage' } },
    };
    return page(await this.#json('POST', `${this.base}/content?expand=version,body.storage`, content));
  }

  /** Confluence takes an update only with the next version number; anything else is a conflict. */
  async updatePage(input: { id: string; space: string; title: string; version: number; body: string; message: string }): Promise<ConfluencePage> {
    const content = {
      id: input.id,
      type: 'page',
      title: input.title,
      space: { key: input.space },
      version: { number: input.version, message: input.message },
      body: { storage: { value: input.body, representation: 'storage' } },
    };
    return page(await this.#json('PUT', `${this.base}/content/${input.id}?expand=version,body.storage`, content));
  }

  async createAttachment(pageId: string, file: AttachmentFile): Promise<ConfluenceAttachment> {
    const answer = await this.#multipart(`${this.base}/content/${pageId}/child/attachment`, file);
    const created = answer.results?.[0] ?? answer;
    return { id: created.id, filename: created.title, sha256: file.sha256 };
  }

  async updateAttachmentData(pageId: string, attachmentId: string, file: AttachmentFile): Promise<ConfluenceAttachment> {
    const answer = await this.#multipart(`${this.base}/content/${pageId}/child/attachment/${attachmentId}/data`, file);
    const updated = answer.results?.[0] ?? answer;
    return { id: updated.id, filename: updated.title, sha256: file.sha256 };
  }

  async #json(method: 'POST' | 'PUT', url: string, body: unknown): Promise<ContentJson> {
    return this.http.json<ContentJson>({ method, url, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), once: true });
  }

  /** Attachments are multipart, with Atlassian's XSRF check switched off for this API call. */
  async #multipart(url: string, file: AttachmentFile): Promise<ContentJson & { results?: ContentJson[] }> {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(file.bytes)], { type: file.mime }), file.filename);
    form.append('comment', attachmentComment(file.sha256));
    form.append('minorEdit', 'true');
    return this.http.json({ method: 'POST', url, headers: { 'X-Atlassian-Token': 'no-check' }, body: form, once: true });
  }
}

function page(content: ContentJson): ConfluencePage {
  return { id: content.id, title: content.title, version: content.version?.number ?? 1, body: content.body?.storage?.value, message: content.version?.message };
}
