import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A port on 127.0.0.1 that nothing listens on (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A server program the tests started on loopback. */
export interface LoopbackServer {
  port: number;
  /** Ends the server and waits for it (idempotent). */
  stop(): Promise<void>;
}

export interface LoopbackServerSpec {
  /** Named in errors: "redis-server did not start …". */
  name: string;
  /** A port chosen beforehand with `freePort()`, for a server whose configuration names it; a free one otherwise. */
  port?: number;
  command: string;
  /** The program's arguments for the port it is to listen on (always bind it to 127.0.0.1). */
  args: (port: number) => string[];
  env?: NodeJS.ProcessEnv;
  /** True once the server serves; asked every 100 ms with what it printed so far. */
  ready: (port: number, output: string) => boolean | Promise<boolean>;
  /** How the server shuts down quickly and cleanly (SIGTERM unless it waits for its clients then). */
  stopSignal?: NodeJS.Signals;
  /** How long it may take to start; 30 s unless given. */
  startSeconds?: number;
}

/**
 * Starts a throw-away server for a test on a free loopback port and waits until it serves. It
 * runs in its own process group, so stop() ends it with everything it forked (PHP's built-in
 * server and PostgreSQL fork workers that would keep the port); a server that does not stop
 * within 5 s is killed. A server that exits or never gets ready is stopped and its output thrown.
 */
export async function startLoopbackServer(spec: LoopbackServerSpec): Promise<LoopbackServer> {
  const port = spec.port ?? (await freePort());
  const child = spawn(spec.command, spec.args(port), { env: spec.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    // The start-up lines are what the ready check and errors need; a chatty server is not kept whole.
    if (output.length < 64_000) output += chunk.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (error) => (output += `\n${error.message}`));
  const server = { port, stop: () => stopGroup(child, exited, spec.stopSignal ?? 'SIGTERM') };
  const deadline = Date.now() + (spec.startSeconds ?? 30) * 1000;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) throw new Error(`${spec.name} exited before it was ready`);
      if (await spec.ready(port, output)) return server;
      if (Date.now() > deadline) throw new Error(`${spec.name} was not ready on 127.0.0.1:${port} within ${spec.startSeconds ?? 30} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}; it printed:\n${output.trim()}`, { cause: error });
  }
}

async function stopGroup(child: ChildProcess, exited: Promise<void>, signal: NodeJS.Signals): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const signalGroup = (s: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), s);
    } catch {
      // the group is gone already
    }
  };
  signalGroup(signal);
  const timer = setTimeout(() => signalGroup('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
