import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The profile folder of the Chromium that process `pid` started itself. Other test files start
 * browsers at the same time, so a new folder in the temp dir is not necessarily this child's.
 */
function profileOf(pid: number): string | undefined {
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      if (/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] !== String(pid)) continue;
      const profile = /--user-data-dir=([^\0]+)/.exec(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))?.[1];
      if (profile) return profile;
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

/** Ctrl-C while printing: the real CLI (dist/, built by `npm test`) in a child process. */
describe('brief build interrupted', () => {
  it('closes the browser, removes its profile and leaves no partial output', async () => {
    expect(existsSync('dist/cli/main.js')).toBe(true);
    const out = mkdtempSync(join(tmpdir(), 'brief-int-'));
    const child = spawn(process.execPath, ['bin/brief.js', 'build', 'content/deepseek-moment', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Wait until its browser is up (a Chromium whose parent is the child), then interrupt.
    const started = Date.now();
    let profile = profileOf(child.pid ?? -1);
    while (profile === undefined && Date.now() - started < 60_000) {
      await new Promise((r) => setTimeout(r, 50));
      profile = profileOf(child.pid ?? -1);
    }
    expect(profile).toMatch(/briefsmith-chromium-/);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(existsSync(profile ?? '')).toBe(false);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    const survivors = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(profile ?? '---');
        } catch {
          return false;
        }
      });
    expect(survivors).toEqual([]);
  });
});
