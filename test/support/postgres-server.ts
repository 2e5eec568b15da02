import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { startLoopbackServer } from './loopback-server.js';

export { freePort } from './loopback-server.js';

/** Debian installs each major version's server programs under /usr/lib/postgresql/<major>/bin. */
const VERSIONS = '/usr/lib/postgresql';
const run = promisify(execFile);

export interface TestPostgres {
  port: number;
  /** postgres://analyst:<password>@127.0.0.1:<port>/briefs — a login that may read (and, outside briefs, write). */
  url: string;
  /** The analyst's password, to check that it is never printed. */
  password: string;
  /** Runs SQL as the superuser (to load tables). */
  admin(sql: string): Promise<void>;
  stop(): Promise<void>;
}

/** The newest installed major version's bin folder (15 on Debian 12, 17 on Debian 13). */
function postgresBin(): string | undefined {
  const majors = existsSync(VERSIONS) ? readdirSync(VERSIONS).filter((v) => /^\d+$/.test(v) && existsSync(join(VERSIONS, v, 'bin', 'initdb'))) : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? undefined : join(VERSIONS, newest, 'bin');
}

/**
 * A throw-away PostgreSQL cluster (Debian's binaries, the newest installed major) on 127.0.0.1 and a free port: initdb in a
 * temporary folder owned by the `postgres` user (the server refuses to run as root), password
 * authentication, no Unix socket outside that folder. The server runs in the foreground as a
 * loopback test server (`loopback-server.ts`). Takes a few seconds; stop() removes it all.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error(`no PostgreSQL server under ${VERSIONS}: run scripts/setup-test.sh (as root)`);
  const dir = mkdtempSync(join(tmpdir(), 'bs-postgres-'));
  const data = join(dir, 'data');
  const adminPassword = randomBytes(12).toString('hex');
  const password = `An@lyst:${randomBytes(9).toString('base64url')}`;
  mkdirSync(data);
  writeFileSync(join(dir, 'pw'), adminPassword);
  chownSync(dir, uid('postgres'), gid('postgres'));
  chownSync(data, uid('postgres'), gid('postgres'));
  chownSync(join(dir, 'pw'), uid('postgres'), gid('postgres'));
  const asPostgres = (cmd: string, args: string[]) => run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { timeout: 60_000 });
  await asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${join(dir, 'pw')}`, '--no-sync', '-E', 'UTF8', '--locale=C']);
  const server = await startLoopbackServer({
    name: 'postgres',
    command: 'runuser',
    args: (port) => ['-u', 'postgres', '--', join(bin, 'postgres'), '-D', data, '-c', 'listen_addresses=127.0.0.1', '-p', String(port), '-k', dir, '-c', 'fsync=off'],
    ready: (_port, output) => output.includes('database system is ready to accept connections'),
    // SIGTERM would wait for every client to disconnect; SIGINT is the fast shutdown.
    stopSignal: 'SIGINT',
  }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const { port } = server;
  const stop = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const adminUrl = `postgres://postgres:${adminPassword}@127.0.0.1:${port}`;
  const admin = async (sql: string, database = 'briefs') => {
    const client = new pg.Client({ connectionString: `${adminUrl}/${database}` });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await admin('CREATE DATABASE briefs', 'postgres');
    await admin(`CREATE ROLE analyst LOGIN PASSWORD '${password.replaceAll("'", "''")}'; GRANT ALL ON SCHEMA public TO analyst;`);
  } catch (error) {
    await stop();
    throw error;
  }
  const url = `postgres://analyst:${encodeURIComponent(password)}@127.0.0.1:${port}/briefs`;
  return { port, url, password, admin: (sql) => admin(sql), stop };
}

function uid(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}

function gid(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}
