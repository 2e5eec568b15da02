import type { ServerResponse } from 'node:http';

/**
 * Server-Sent Events to every open preview tab: one named event, JSON data. The browser's
 * EventSource reconnects by itself (after `retry` ms), so a restarted server is picked up too.
 */
export class EventStream {
  readonly #clients = new Set<ServerResponse>();
  readonly #heartbeat: NodeJS.Timeout;

  constructor() {
    // A comment line now and then keeps idle connections from being dropped by proxies or timeouts.
    this.#heartbeat = setInterval(() => this.#clients.forEach((c) => c.write(': ping\n\n')), 20_000);
    this.#heartbeat.unref();
  }

  /** Takes over a request to `/events`; `first` is sent at once so a new tab is up to date. */
  open(response: ServerResponse, event: string, first: unknown): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write('retry: 500\n\n');
    response.write(frame(event, first));
    this.#clients.add(response);
    response.on('close', () => this.#clients.delete(response));
  }

  send(event: string, data: unknown): void {
    const text = frame(event, data);
    for (const client of this.#clients) client.write(text);
  }

  close(): void {
    clearInterval(this.#heartbeat);
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }
}

// JSON.stringify never emits a raw newline, so the data is always a single `data:` line.
const frame = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
