import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { copyFixture, get } from './preview-support.js';

/**
 * Profile folders of the Chromium processes `pid` started itself (other test files may run
 * browsers at the same time, so new folders in the temp dir are not necessarily ours).
 */
function browserProfilesOf(pid: number): string[] {
  const found = new Set<string>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      if (/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] !== String(pid)) continue;
      const profile = /--user-data-dir=([^\0]+)/.exec(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))?.[1];
      if (profile) found.add(profile);
    } catch {
      // the process ended while we looked
    }
  }
  return [...found];
}

const processesUsing = (profile: string) =>
  readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        return readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(profile);
      } catch {
        return false;
      }
    });

async function run(...argv: string[]) {
  const err: string[] = [];
  const code = await main(argv, { out: () => undefined, err: (l) => err.push(l) });
  return { code, err: err.join('\n') };
}

describe('brief preview (CLI)', () => {
  it('exits 2 on usage errors', async () => {
    expect((await run('preview')).err).toContain('brief preview needs a briefing folder');
    expect((await run('preview', 'a', 'b')).err).toContain('one briefing folder at a time');
    expect((await run('preview', '/no/such/dir')).code).toBe(2);
    const port = await run('preview', 'test/fixtures/check/clean', '--port', '99999');
    expect(port).toMatchObject({ code: 2 });
    expect(port.err).toContain('--port must be a whole number from 0 to 65535');
  });

  it('prints its URL, and on Ctrl-C closes the PDF browser and the watcher and exits 0 (the real CLI from dist/)', async () => {
    expect(existsSync('dist/cli/main.js')).toBe(true);
    const dir = copyFixture();
    const child = spawn(process.execPath, ['bin/brief.js', 'preview', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const found = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
        if (found) resolve(found);
      });
      child.on('exit', () => reject(new Error(`preview exited early: ${stderr}`)));
    });
    const port = Number(new URL(url).port);
    expect((await get(port, '/')).status).toBe(200);
    expect((await get(port, '/pdf')).type).toBe('application/pdf'); // starts the browser
    const ours = browserProfilesOf(child.pid ?? -1);
    expect(ours).toHaveLength(1);
    const profile = ours[0] ?? '';

    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(stderr).toContain('stopping the preview');
    expect(existsSync(profile)).toBe(false);
    expect(processesUsing(profile)).toEqual([]);
    await expect(get(port, '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});
