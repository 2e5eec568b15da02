import { startLoopbackServer } from './loopback-server.js';

export interface TestRedis {
  /** `redis://127.0.0.1:PORT` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A throw-away redis-server (Debian's, installed by scripts/setup-test.sh) on a free loopback
 * port, persistence off, stopped by `stop()`. Nothing is written to disk.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const server = await startLoopbackServer({
    name: 'redis-server',
    command: '/usr/bin/redis-server',
    args: (port) => ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    ready: (_port, output) => output.includes('Ready to accept connections'),
  });
  return { url: `redis://127.0.0.1:${server.port}`, port: server.port, stop: server.stop };
}
