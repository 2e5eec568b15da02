import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One request that passed through the proxy, numbered from the last `reset()`. */
export interface ProxiedRequest {
  index: number;
  method: string;
  /** Path and query (`/api.php?action=query…`), or `action=edit` for a form POST. */
  what: string;
  /** The wiki answered, but the client never heard it. */
  lost: boolean;
}

/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of a real wiki. Every request is forwarded
 * and the wiki's whole answer read; for the chosen requests the proxy then closes the client's
 * connection instead of passing the answer on — the wiki acted, the client never hears. This is
 * the failure a retry must not turn into a duplicate (a second page, revision or file version).
 */
export class LostAnswerProxy {
  readonly requests: ProxiedRequest[] = [];
  url = '';
  #lose: (index: number) => boolean = () => false;
  #server: Server | undefined;

  constructor(private readonly upstream: string) {}

  async listen(): Promise<this> {
    const server = createServer((req, res) => void this.#forward(req, res));
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this;
  }

  close(): Promise<void> {
    this.#server?.closeAllConnections();
    return new Promise((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  /** Starts counting requests from 0 again and loses no answer. */
  reset(): void {
    this.requests.length = 0;
    this.#lose = () => false;
  }

  /** Loses the answer to request `index` (counted from the last reset) only. */
  loseAnswer(index: number): void {
    this.#lose = (i) => i === index;
  }

  /** Loses the answer to request `index` and to every request after it. */
  loseAnswersFrom(index: number): void {
    this.#lose = (i) => i >= index;
  }

  async #forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const index = this.requests.length;
    const body = await readAll(req);
    const target = new URL(req.url ?? '/', this.upstream);
    const what = req.method === 'POST' ? describeForm(req.headers, body) : `${target.pathname}${target.search}`;
    const entry: ProxiedRequest = { index, method: req.method ?? 'GET', what, lost: this.#lose(index) };
    this.requests.push(entry);
    const answer = await new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
      const out = httpRequest(target, { method: req.method, headers }, (upstream) => {
        void readAll(upstream).then((data) => resolve({ status: upstream.statusCode ?? 502, headers: upstream.headers, body: data }), reject);
      });
      out.on('error', reject);
      out.end(body);
    });
    if (entry.lost) {
      // The wiki has done its part; the client's connection closes before a byte of the answer.
      req.socket.destroy();
      return;
    }
    // The body is passed on whole: hop-by-hop headers of the wiki's connection do not apply.
    const headers: Record<string, string | string[] | undefined> = { ...answer.headers, 'content-length': String(answer.body.length) };
    for (const hop of ['transfer-encoding', 'connection', 'keep-alive']) delete headers[hop];
    res.writeHead(answer.status, headers).end(answer.body);
  }
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** `action=edit title=…` for a urlencoded POST, `action=upload filename=…` for a multipart one. */
function describeForm(headers: IncomingHttpHeaders, body: Buffer): string {
  const type = headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(body.toString('utf8'));
    return ['action', 'title', 'filename'].filter((k) => form.has(k)).map((k) => `${k}=${form.get(k)}`).join(' ');
  }
  const text = body.toString('latin1');
  const field = (name: string) => new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)`).exec(text)?.[1];
  return [['action', field('action')], ['filename', field('filename')]].filter(([, v]) => v).map(([k, v]) => `${k}=${v}`).join(' ') || `${type.split(';')[0]} POST`;
}
