import { sha256Hex } from '../assets/hash.js';
import type { HttpClient } from '../http/http-client.js';
import type { RemoteFile, RemotePage } from '../plan/compute-plan.js';

/** An answer of the Action API with an `error` member: the wiki refused the request. */
export class MediawikiApiError extends Error {
  constructor(
    readonly code: string,
    info: string,
  ) {
    super(`${info} (${code})`);
    this.name = 'MediawikiApiError';
  }
}

interface ApiAnswer {
  error?: { code?: string; info?: string };
  [key: string]: unknown;
}

export interface EditRequest {
  title: string;
  text: string;
  summary: string;
  /** `create` refuses to overwrite a page made meanwhile; `update` refuses to recreate a deleted one. */
  mode: 'create' | 'update';
  /** Timestamp of the revision the plan was made from: an edit made since is an edit conflict, not overwritten. */
  basetimestamp: string | undefined;
  starttimestamp: string;
}

export interface EditResult {
  pageid: number;
  /** The revision now current: the new one, or the old one when the text was identical. */
  revid: number | undefined;
  nochange: boolean;
}

/**
 * A thin client for the MediaWiki Action API (api.php): bot-password login, tokens, reading
 * pages and files, edit and upload. It decides nothing; the plan does.
 */
export class MediawikiClient {
  /** The account edits are made as (`Admin` for the bot password `Admin@briefsmith`), once logged in. */
  username: string | undefined;

  constructor(
    private readonly api: string,
    private readonly http: HttpClient,
  ) {}

  /**
   * Logs in with a bot password (Special:BotPasswords): a login token, then action=login. The
   * login is sent once: sent again after a lost answer it would carry a token of a session the
   * wiki has already replaced, so the caller starts over from a new token instead.
   */
  async login(user: string, password: string): Promise<void> {
    const tokens = await this.#get({ action: 'query', meta: 'tokens', type: 'login' });
    const token = (tokens['query'] as { tokens?: { logintoken?: string } } | undefined)?.tokens?.logintoken;
    if (!token) throw new Error('the wiki gave no login token');
    const answer = await this.#post({ action: 'login', lgname: user, lgpassword: password, lgtoken: token });
    const login = answer['login'] as { result?: string; reason?: unknown; lgusername?: string } | undefined;
    if (login?.result !== 'Success') {
      const reason = typeof login?.reason === 'string' ? login.reason : JSON.stringify(login?.reason ?? login?.result ?? 'no answer');
      throw new Error(`the wiki refused the bot password of "${user}": ${reason}`);
    }
    this.username = login.lgusername ?? user.split('@')[0];
  }

  async csrfToken(): Promise<string> {
    const answer = await this.#get({ action: 'query', meta: 'tokens', type: 'csrf' });
    const token = (answer['query'] as { tokens?: { csrftoken?: string } } | undefined)?.tokens?.csrftoken;
    if (!token || token === '+\\') throw new Error('the wiki gave no edit token (is the login a user with edit rights?)');
    return token;
  }

  /** Current revision of each page (missing pages are absent), and the server time to start editing from. */
  async readPages(titles: readonly string[]): Promise<{ pages: Map<string, RemotePage>; now: string }> {
    const pages = new Map<string, RemotePage>();
    let now = '';
    for (const batch of batches(titles)) {
      const answer = await this.#get({ action: 'query', prop: 'revisions', titles: multiValue(batch), rvprop: 'ids|timestamp|user|content', rvslots: 'main', curtimestamp: '1' });
      now = typeof answer['curtimestamp'] === 'string' ? answer['curtimestamp'] : now;
      for (const page of queryPages(answer)) {
        const revision = page.revisions?.[0];
        const content = revision?.slots?.main?.content;
        if (page.missing || !revision || content === undefined || page.pageid === undefined) continue;
        pages.set(page.title, {
          id: String(page.pageid),
          revision: String(revision.revid),
          sha256: sha256Hex(content),
          timestamp: revision.timestamp,
          byUs: this.username !== undefined && revision.user === this.username,
        });
      }
    }
    return { pages, now };
  }

  /** SHA-1 of each existing file's current version (the wiki computes it over the stored bytes), and who uploaded it. */
  async readFiles(names: readonly string[]): Promise<Map<string, RemoteFile>> {
    const files = new Map<string, RemoteFile>();
    for (const batch of batches(names)) {
      const answer = await this.#get({ action: 'query', prop: 'imageinfo', iiprop: 'sha1|user', titles: multiValue(batch.map((n) => `File:${n}`)) });
      for (const page of queryPages(answer)) {
        const info = page.imageinfo?.[0];
        if (info?.sha1) files.set(page.title.replace(/^File:/, ''), { sha1: info.sha1, byUs: this.username !== undefined && info.user === this.username });
      }
    }
    return files;
  }

  async edit(request: EditRequest, token: string): Promise<EditResult> {
    const params: Record<string, string> = {
      action: 'edit',
      title: request.title,
      text: request.text,
      summary: request.summary,
      contentmodel: 'wikitext',
      starttimestamp: request.starttimestamp,
      bot: '1',
      token,
    };
    if (request.mode === 'create') params['createonly'] = '1';
    else params['nocreate'] = '1';
    if (request.basetimestamp) params['basetimestamp'] = request.basetimestamp;
    const answer = await this.#post(params);
    const edit = answer['edit'] as { result?: string; pageid?: number; newrevid?: number; nochange?: boolean } | undefined;
    if (edit?.result !== 'Success' || edit.pageid === undefined) throw new Error(`the wiki did not save the page: ${JSON.stringify(edit ?? answer)}`);
    return { pageid: edit.pageid, revid: edit.newrevid, nochange: edit.nochange === true };
  }

  /**
   * Uploads a file or a new version of it. `ignorewarnings` is needed both to replace an existing
   * file and to upload bytes the wiki already holds under another name (two identical charts).
   */
  async upload(file: { name: string; bytes: Uint8Array; mime: string }, comment: string, token: string): Promise<void> {
    const form = new FormData();
    for (const [key, value] of Object.entries({ action: 'upload', format: 'json', formatversion: '2', filename: file.name, comment, ignorewarnings: '1', token })) {
      form.append(key, value);
    }
    form.append('file', new Blob([Buffer.from(file.bytes)], { type: file.mime }), file.name);
    try {
      const answer = checked(JSON.parse((await this.http.send({ method: 'POST', url: this.api, body: form, once: true })).text) as ApiAnswer);
      const upload = answer['upload'] as { result?: string; warnings?: unknown } | undefined;
      if (upload?.result !== 'Success') throw new Error(`the wiki did not store the file: ${JSON.stringify(upload?.warnings ?? upload ?? answer)}`);
    } catch (error) {
      // A retried upload whose first attempt did arrive: the wiki already has exactly these bytes.
      if (error instanceof MediawikiApiError && error.code === 'fileexists-no-change') return;
      throw error;
    }
  }

  async #get(params: Record<string, string>): Promise<ApiAnswer> {
    const query = new URLSearchParams({ ...params, format: 'json', formatversion: '2' });
    return checked(await this.http.json<ApiAnswer>({ method: 'GET', url: `${this.api}?${query}` }));
  }

  /** POSTs change something (or log in): each is sent once, and its caller decides what a lost answer means. */
  async #post(params: Record<string, string>): Promise<ApiAnswer> {
    const body = new URLSearchParams({ ...params, format: 'json', formatversion: '2' });
    return checked(await this.http.json<ApiAnswer>({ method: 'POST', url: this.api, body, once: true }));
  }
}

interface QueryPage {
  title: string;
  pageid?: number;
  missing?: boolean;
  revisions?: Array<{ revid: number; timestamp: string; user?: string; slots?: { main?: { content?: string } } }>;
  imageinfo?: Array<{ sha1?: string; user?: string }>;
}

function queryPages(answer: ApiAnswer): QueryPage[] {
  return (answer['query'] as { pages?: QueryPage[] } | undefined)?.pages ?? [];
}

function checked(answer: ApiAnswer): ApiAnswer {
  if (answer.error) throw new MediawikiApiError(answer.error.code ?? 'error', answer.error.info ?? 'the wiki refused the request');
  return answer;
}

/** The API takes at most 50 titles per query. */
function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += 50) out.push(items.slice(i, i + 50));
  return out;
}

/** Titles joined by `|`, or by U+001F (announced by a leading one) when a title holds a `|`. */
function multiValue(values: readonly string[]): string {
  return values.some((v) => v.includes('|')) ? `\u001f${values.join('\u001f')}` : values.join('|');
}
