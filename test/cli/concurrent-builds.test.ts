import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The real CLI (dist/, built by `npm test`) in a child process. */
function brief(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['bin/brief.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

/** A small periodic briefing (no charts): each process costs little more than Node's start, the race is the same. */
const weekly = 'test/fixtures/periodic/tiny-weekly';

/** Overlapping cron runs and CI matrices: several `brief build` processes into one --out at the same time. */
describe('concurrent builds into one output folder', () => {
  it('six single-period builds started at once: six archive entries, every time', async () => {
    expect(existsSync('dist/cli/main.js')).toBe(true);
    for (let round = 0; round < 3; round++) {
      const out = mkdtempSync(join(tmpdir(), 'brief-concurrent-'));
      const weeks = [1, 2, 3, 4, 5, 6].map((k) => `2026-W1${k}`);
      const results = await Promise.all(weeks.map((week) => brief(['build', weekly, '--format', 'html', '--out', out, '--period', week])));
      for (const result of results) expect(result).toMatchObject({ code: 0, err: '' });
      const root = join(out, 'tiny-weekly');
      const manifest = JSON.parse(readFileSync(join(root, 'archive.json'), 'utf8')) as { entries: Array<{ path: string }> };
      expect(manifest.entries.map((e) => e.path)).toEqual([...weeks].reverse().map((w) => `${w}/EU`));
      const index = readFileSync(join(root, 'index.html'), 'utf8');
      for (const week of weeks) expect(index).toContain(`href="${week}/EU/index.html"`);
      expect(readdirSync(root).filter((n) => n.startsWith('.'))).toEqual([]);
    }
  }, 240_000);

  it('two builds of the same issue at once: both succeed and the archive lists it once', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-concurrent-'));
    const args = ['build', weekly, '--format', 'html', '--out', out, '--period', '2026-W20', '--matrix', 'region=EU,US'];
    const [a, b] = await Promise.all([brief(args), brief(args)]);
    expect([a?.code, b?.code]).toEqual([0, 0]);
    const manifest = JSON.parse(readFileSync(join(out, 'tiny-weekly', 'archive.json'), 'utf8')) as { entries: Array<{ path: string }> };
    expect(manifest.entries.map((e) => e.path)).toEqual(['2026-W20/EU', '2026-W20/US']);
  }, 120_000);
});
