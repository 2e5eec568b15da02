import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The child gets a temp folder of its own, so browsers other tests start at the same time cannot be mistaken for its own. */
const childTmp = mkdtempSync(join(tmpdir(), 'brief-int-tmp-'));
const profiles = () => new Set(readdirSync(childTmp).filter((n) => n.startsWith('briefsmith-chromium-')));

/** Ctrl-C while printing: the real CLI (dist/, built by `npm test`) in a child process. */
describe('brief build interrupted', () => {
  afterAll(() => rmSync(childTmp, { recursive: true, force: true }));

  it('closes the browser, removes its profile and leaves no partial output', async () => {
    expect(existsSync('dist/cli/main.js')).toBe(true);
    const out = mkdtempSync(join(tmpdir(), 'brief-int-'));
    const before = profiles();
    const child = spawn(process.execPath, ['bin/brief.js', 'build', 'content/deepseek-moment', '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TMPDIR: childTmp },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Wait until the browser is up (its profile folder appears), then interrupt.
    const started = Date.now();
    while ([...profiles()].every((p) => before.has(p)) && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 50));
    const ours = [...profiles()].filter((p) => !before.has(p));
    expect(ours.length).toBe(1);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(existsSync(join(childTmp, ours[0] ?? ''))).toBe(false);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    const survivors = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(ours[0] ?? '---');
        } catch {
          return false;
        }
      });
    expect(survivors).toEqual([]);
  });
});
