import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function start(args: string[]): { child: ChildProcess; out: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['bin/brief.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', () => undefined);
  return { child, out: () => out, exit: new Promise((resolve) => child.on('close', (code) => resolve(code))) };
}

async function untilBuilt(out: () => string, n: number): Promise<void> {
  while ((out().match(/^✓ /gm) ?? []).length < n) await new Promise((r) => setTimeout(r, 25));
}

/** Every output folder with a record is in archive.json, every entry's files exist, nothing half-written is left. */
function expectConsistent(root: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'archive.json'), 'utf8')) as { entries: Array<{ path: string; html?: string; pdf?: string }> };
  const recorded = readdirSync(root)
    .filter((week) => /^\d{4}-W\d{2}$/.test(week))
    .flatMap((week) => readdirSync(join(root, week)).map((variant) => `${week}/${variant}`))
    .filter((path) => existsSync(join(root, path, 'output.json')));
  const listed = manifest.entries.map((e) => e.path);
  expect([...listed].sort()).toEqual([...recorded].sort());
  for (const entry of manifest.entries) for (const file of [entry.html, entry.pdf]) if (file) expect(existsSync(join(root, file))).toBe(true);
  const hidden = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name.startsWith('.') ? [join(dir, e.name)] : e.isDirectory() ? hidden(join(dir, e.name)) : []);
  expect(hidden(root)).toEqual([]);
  return listed;
}

/** Chromium processes whose parent is `pid` (from /proc: no other process is signalled or asked). */
function chromiumChildren(pid: number): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).filter((p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return parent === pid && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('chromium');
    } catch {
      return false; // it ended while we looked
    }
  });
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

/** The real CLI (dist/, built by `npm test`) stopped by real signals in the middle of a batch. */
describe('a batch stopped half-way', () => {
  it('Ctrl-C (SIGINT) keeps every output written so far and its archive entry; the next run carries on', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-sigint-'));
    const args = ['build', 'test/fixtures/periodic/tiny-weekly', '--out', out, '--concurrency', '1', '--period', '2026-W01..2026-W12'];
    const run = start(args);
    await untilBuilt(run.out, 2);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    const root = join(out, 'tiny-weekly');
    const kept = expectConsistent(root);
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(kept.length).toBeLessThan(12);
    const again = start([...args.slice(0, -2), '--period', '2026-W01..2026-W12', '--format', 'html']);
    expect(await again.exit).toBe(0);
    expect((again.out().match(/is up to date/g) ?? []).length).toBe(kept.length);
    expect(expectConsistent(root)).toHaveLength(12);
  }, 180_000);

  it('a kill (SIGKILL) leaves earlier outputs and the archive consistent, and a lock it held is recovered', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-sigkill-'));
    const args = ['build', 'content/open-model-weekly', '--format', 'html', '--out', out, '--concurrency', '1', '--period', '2026-W01..2026-W06'];
    const run = start(args);
    await untilBuilt(run.out, 2);
    run.child.kill('SIGKILL');
    await run.exit;
    const root = join(out, 'open-model-weekly');
    expect(expectConsistent(root).length).toBeGreaterThanOrEqual(2);
    // As if it had died inside the archive's locked section.
    writeFileSync(join(root, '.brief-lock'), JSON.stringify({ pid: run.child.pid, host: hostname(), token: 'killed', at: Date.now() }));
    const again = start(args);
    expect(await again.exit).toBe(0);
    expect(expectConsistent(root)).toHaveLength(6);
  }, 180_000);

  it('a PDF batch killed with SIGKILL leaves no Chromium running: the browser exits when its pipe closes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-sigkill-pdf-'));
    const run = start(['build', 'test/fixtures/periodic/tiny-weekly', '--out', out, '--concurrency', '1', '--period', '2026-W01..2026-W12']);
    await untilBuilt(run.out, 1);
    const pid = run.child.pid ?? 0;
    const browsers = chromiumChildren(pid);
    expect(browsers.length).toBeGreaterThan(0);
    run.child.kill('SIGKILL');
    await run.exit;
    // Chromium notices the closed pipe at once; a loaded machine may take a few seconds to let it go.
    for (let i = 0; i < 100 && browsers.some(alive); i++) await sleep(100);
    expect(browsers.filter(alive)).toEqual([]);
  }, 180_000);
});
