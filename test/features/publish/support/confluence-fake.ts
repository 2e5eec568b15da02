import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { xmlProblems } from './xml-well-formed.js';

/**
 * A stand-in for Confluence's REST API (v1 content and attachment resources) on 127.0.0.1,
 * written from Atlassian's documented contract, and strict about it: wrong method or path, bad
 * authorization, a JSON body without `Content-Type: application/json`, an attachment request
 * without `X-Atlassian-Token: no-check` or not multipart, an update whose version is not the
 * current one plus one, a duplicate title or attachment name, or storage format that is not
 * well-formed XML are all refused with the status Confluence uses. Like Confluence, it rewrites
 * the storage format it is given (here: `<br />` → `<br/>`), so clients must not expect the
 * body they sent back byte for byte.
 */
export interface FakePage {
  id: string;
  title: string;
  space: string;
  parentId: string | undefined;
  version: number;
  /** The current version's message (`version.message` of the create or update). */
  message: string | undefined;
  body: string;
}

export interface FakeAttachment {
  id: string;
  pageId: string;
  filename: string;
  comment: string;
  version: number;
  bytes: Uint8Array;
}

export interface FakeRequest {
  method: string;
  path: string;
  status: number;
}

export interface FakeOptions {
  flavor: 'cloud' | 'datacenter';
  /** Cloud: the account's email. */
  email?: string;
  token: string;
  space: string;
}

export class ConfluenceFake {
  readonly pages = new Map<string, FakePage>();
  readonly attachments = new Map<string, FakeAttachment>();
  readonly requests: FakeRequest[] = [];
  #nextId = 1000;
  #failures: Array<{ method: string; path: RegExp; status: number; times: number; skip: number }> = [];
  readonly #server = createServer((req, res) => void this.#handle(req, res));

  constructor(private readonly options: FakeOptions) {
    this.addPage({ title: 'Team space home', parentId: undefined, body: '<p>Home</p>' });
  }

  /** http://127.0.0.1:PORT, to be configured as the target's `url`. */
  url = '';

  get prefix(): string {
    return this.options.flavor === 'cloud' ? '/wiki/rest/api' : '/rest/api';
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    const address = this.#server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  /**
   * After `skip` matching requests, the next `times` answer `status` (a 500 to test retries, a
   * 400 to stop a run part-way).
   */
  fail(method: string, path: RegExp, status: number, times = 1, skip = 0): void {
    this.#failures.push({ method, path, status, times, skip });
  }

  addPage(page: { title: string; parentId: string | undefined; body: string; message?: string }): FakePage {
    const created: FakePage = { id: String(this.#nextId++), space: this.options.space, version: 1, message: undefined, ...page };
    this.pages.set(created.id, created);
    return created;
  }

  /** Requests that could change something. */
  writes(): FakeRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    const send = (status: number, json: unknown) => {
      this.requests.push({ method, path: url.pathname, status });
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(json));
    };
    const refuse = (status: number, message: string) => send(status, { statusCode: status, message });
    if (!this.#authorized(req.headers.authorization)) return refuse(401, 'Unauthorized; scope does not match');
    const failure = this.#failures.find((f) => f.times > 0 && f.method === method && f.path.test(url.pathname));
    if (failure && failure.skip > 0) failure.skip--;
    else if (failure) {
      failure.times--;
      return refuse(failure.status, failure.status >= 500 ? 'Internal Server Error' : 'Rejected by the test');
    }
    if (!url.pathname.startsWith(`${this.prefix}/`)) return refuse(404, `no REST resource at ${url.pathname}`);
    const route = url.pathname.slice(this.prefix.length);
    try {
      const match = (pattern: RegExp) => pattern.exec(route);
      if (route === '/content') {
        if (method === 'GET') return send(200, this.#findContent(url.searchParams));
        if (method === 'POST') return send(200, this.#createPage(req, body));
      }
      let m = match(/^\/content\/(\d+)$/);
      if (m && method === 'PUT') return send(200, this.#updatePage(m[1] ?? '', req, body));
      m = match(/^\/content\/(\d+)\/child\/attachment$/);
      if (m && method === 'GET') return send(200, this.#listAttachments(m[1] ?? '', url.searchParams));
      if (m && method === 'POST') return send(200, { results: [await this.#attach(m[1] ?? '', undefined, req, body)] });
      m = match(/^\/content\/(\d+)\/child\/attachment\/(att\d+)\/data$/);
      if (m && method === 'POST') return send(200, await this.#attach(m[1] ?? '', m[2], req, body));
      return refuse(m || route.startsWith('/content') ? 405 : 404, `${method} ${url.pathname} is not a resource`);
    } catch (error) {
      if (error instanceof Refusal) return refuse(error.status, error.message);
      throw error;
    }
  }

  #authorized(header: string | undefined): boolean {
    const { flavor, email, token } = this.options;
    const expected = flavor === 'cloud' ? `Basic ${Buffer.from(`${email ?? ''}:${token}`).toString('base64')}` : `Bearer ${token}`;
    return header === expected;
  }

  #findContent(query: URLSearchParams) {
    const title = query.get('title');
    const space = query.get('spaceKey');
    if (!title || !space) throw new Refusal(400, 'title and spaceKey are required');
    const expand = (query.get('expand') ?? '').split(',');
    const results = [...this.pages.values()].filter((p) => p.title === title && p.space === space).map((p) => this.#content(p, expand));
    return { results, start: 0, limit: 25, size: results.length };
  }

  #createPage(req: IncomingMessage, raw: Buffer) {
    const input = jsonBody(req, raw);
    const storage = checkedStorage(input);
    const title = checkedTitle(input);
    if (input['type'] !== 'page') throw new Refusal(400, 'type must be "page"');
    if ((input['space'] as { key?: unknown } | undefined)?.key !== this.options.space) throw new Refusal(400, 'unknown space');
    const ancestors = input['ancestors'] as Array<{ id?: unknown }> | undefined;
    const parentId = ancestors?.[0]?.id === undefined ? undefined : String(ancestors[0].id);
    if (parentId !== undefined && !this.pages.has(parentId)) throw new Refusal(400, `no parent page ${parentId}`);
    if ([...this.pages.values()].some((p) => p.title === title && p.space === this.options.space)) {
      throw new Refusal(400, 'A page with this title already exists: A page already exists with the same TITLE in this space');
    }
    const message = versionMessage(input);
    return this.#content(this.addPage({ title, parentId, body: normalizeStorage(storage), ...(message !== undefined ? { message } : {}) }), ['version', 'body.storage']);
  }

  #updatePage(id: string, req: IncomingMessage, raw: Buffer) {
    const page = this.pages.get(id);
    if (!page) throw new Refusal(404, `no content with id ${id}`);
    const input = jsonBody(req, raw);
    const storage = checkedStorage(input);
    const title = checkedTitle(input);
    if (input['type'] !== 'page' || (input['id'] !== undefined && String(input['id']) !== id)) throw new Refusal(400, 'type must be "page" and id must match');
    const version = (input['version'] as { number?: unknown } | undefined)?.number;
    if (version !== page.version + 1) {
      throw new Refusal(409, `Version must be incremented on update. Current version is: ${page.version}`);
    }
    Object.assign(page, { title, version, message: versionMessage(input), body: normalizeStorage(storage) });
    return this.#content(page, ['version', 'body.storage']);
  }

  #listAttachments(pageId: string, query: URLSearchParams) {
    if (!this.pages.has(pageId)) throw new Refusal(404, `no content with id ${pageId}`);
    const start = Number(query.get('start') ?? 0);
    const limit = Math.min(Number(query.get('limit') ?? 25), 200);
    const all = [...this.attachments.values()].filter((a) => a.pageId === pageId).map(attachmentJson);
    const results = all.slice(start, start + limit);
    return { results, start, limit, size: results.length };
  }

  async #attach(pageId: string, attachmentId: string | undefined, req: IncomingMessage, raw: Buffer) {
    const token = req.headers['x-atlassian-token'];
    if (token !== 'no-check' && token !== 'nocheck') throw new Refusal(403, 'XSRF check failed');
    if (!this.pages.has(pageId)) throw new Refusal(404, `no content with id ${pageId}`);
    if (!String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) throw new Refusal(415, 'attachments are sent as multipart/form-data');
    const form = await new Response(new Uint8Array(raw), { headers: { 'Content-Type': String(req.headers['content-type']) } }).formData();
    const file = form.get('file');
    if (!(file instanceof File)) throw new Refusal(400, 'the multipart field "file" is required');
    const comment = String(form.get('comment') ?? '');
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (attachmentId) {
      const existing = this.attachments.get(attachmentId);
      if (!existing || existing.pageId !== pageId) throw new Refusal(404, `no attachment ${attachmentId} on ${pageId}`);
      Object.assign(existing, { bytes, comment, version: existing.version + 1 });
      return attachmentJson(existing);
    }
    if ([...this.attachments.values()].some((a) => a.pageId === pageId && a.filename === file.name)) {
      throw new Refusal(400, 'Cannot add a new attachment with same file name as an existing attachment');
    }
    const created: FakeAttachment = { id: `att${this.#nextId++}`, pageId, filename: file.name, comment, version: 1, bytes };
    this.attachments.set(created.id, created);
    return attachmentJson(created);
  }

  #content(page: FakePage, expand: readonly string[]) {
    return {
      id: page.id,
      type: 'page',
      status: 'current',
      title: page.title,
      ...(expand.includes('version') ? { version: { number: page.version, ...(page.message !== undefined ? { message: page.message } : {}) } } : {}),
      ...(expand.includes('body.storage') ? { body: { storage: { value: page.body, representation: 'storage' } } } : {}),
    };
  }
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function attachmentJson(a: FakeAttachment) {
  return { id: a.id, type: 'attachment', title: a.filename, version: { number: a.version }, metadata: { comment: a.comment, mediaType: 'application/octet-stream' } };
}

function jsonBody(req: IncomingMessage, raw: Buffer): Record<string, unknown> {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new Refusal(415, 'Unsupported Media Type: send application/json');
  try {
    return JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new Refusal(400, 'the body is not JSON');
  }
}

/** `version.message`, which both create and update take (the version history shows it). */
function versionMessage(input: Record<string, unknown>): string | undefined {
  const message = (input['version'] as { message?: unknown } | undefined)?.message;
  if (message !== undefined && typeof message !== 'string') throw new Refusal(400, 'version.message must be a string');
  return message;
}

function checkedTitle(input: Record<string, unknown>): string {
  const title = input['title'];
  if (typeof title !== 'string' || title.trim() === '') throw new Refusal(400, 'title is required');
  return title;
}

function checkedStorage(input: Record<string, unknown>): string {
  const storage = (input['body'] as { storage?: { value?: unknown; representation?: unknown } } | undefined)?.storage;
  if (storage?.representation !== 'storage' || typeof storage.value !== 'string') throw new Refusal(400, 'body.storage with representation "storage" is required');
  const problems = xmlProblems(storage.value);
  if (problems.length > 0) throw new Refusal(400, `Error parsing xhtml: ${problems[0]}`);
  return storage.value;
}

/** Confluence re-serializes storage format; this stands for that. */
function normalizeStorage(value: string): string {
  return value.replace(/ \/>/g, '/>');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
