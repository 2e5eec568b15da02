import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private copy of a fixture briefing that a test may edit. */
export function copyFixture(name = 'test/fixtures/check/clean'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'brief-preview-')), 'briefing');
  cpSync(name, dir, { recursive: true });
  return dir;
}

export interface Reply {
  status: number;
  type: string;
  body: Buffer;
}

/** GET on the loopback address only (never another host), optionally with another Host header. */
export function get(port: number, path: string, host?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: host ? { host } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The first `state` event the preview's event stream sends on connect. */
export function firstState(port: number): Promise<{ version: string | null; errors: string[]; warnings: string[] }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/events' }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => {
        text += c.toString('utf8');
        const data = /event: state\ndata: (.*)\n\n/.exec(text)?.[1];
        if (data !== undefined) {
          resolve(JSON.parse(data) as never);
          req.destroy();
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Local addresses with a TCP socket listening on `port`, read from the kernel's socket tables
 * (`/proc/net/tcp`, `/proc/net/tcp6`); undefined where there are none (not Linux). This shows
 * which addresses could accept a connection without sending traffic to any of them.
 */
export function listeningAddresses(port: number): string[] | undefined {
  const tables = ['/proc/net/tcp', '/proc/net/tcp6'].filter((f) => existsSync(f));
  if (tables.length === 0) return undefined;
  const found: string[] = [];
  for (const table of tables) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local = '', , state] = line.trim().split(/\s+/);
      const [hex = '', portHex = ''] = local.split(':');
      if (state !== '0A' || parseInt(portHex, 16) !== port) continue; // 0A = LISTEN
      found.push(hex.length === 8 ? ipv4(hex) : `ipv6:${hex}`);
    }
  }
  return found;
}

/** `0100007F` (little-endian hex) → `127.0.0.1` */
const ipv4 = (hex: string): string => [6, 4, 2, 0].map((i) => parseInt(hex.slice(i, i + 2), 16)).join('.');
