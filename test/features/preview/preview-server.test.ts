import { networkInterfaces } from 'node:os';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../../src/features/preview/start-preview.js';
import { copyFixture, firstState, get, listeningAddresses } from './preview-support.js';

/** The preview server over plain HTTP (the browser tier is preview-browser.test.ts). */
describe('brief preview server', () => {
  let dir: string;
  let preview: Preview;
  let port: number;

  beforeAll(async () => {
    dir = copyFixture();
    preview = await startPreview({ dir, port: 0 });
    port = preview.address.port;
    await preview.settled();
  });

  afterAll(async () => {
    await preview?.close();
  });

  it('listens on 127.0.0.1 only, never on another address of the machine', () => {
    expect(preview.address.address).toBe('127.0.0.1');
    expect(preview.url).toBe(`http://127.0.0.1:${port}/`);
    const listening = listeningAddresses(port);
    if (listening === undefined) return; // no socket tables here: address() above is the check
    // The kernel's own table, not a connection attempt: traffic to a non-loopback address is
    // not allowed in this workplace, and the table proves no other address would accept one.
    expect(listening).toEqual(['127.0.0.1']);
    const others = Object.values(networkInterfaces()).flat().filter((a) => a && !a.internal).map((a) => a?.address);
    for (const address of others) expect(listening).not.toContain(address);
  });

  it('serves the page with the live-update script, and the bare page it swaps in', async () => {
    const page = await get(port, '/');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('Two months of sales: 8 units in all.');
    expect(page.body.toString()).toContain('<script data-brief-preview');
    const bare = await get(port, '/__preview/page');
    expect(bare.body.toString()).toContain('Two months of sales');
    expect(bare.body.toString()).not.toContain('<script');
    expect((await get(port, '/nope')).status).toBe(404);
  });

  it('answers only to its own Host (no DNS rebinding)', async () => {
    const reply = await get(port, '/', 'attacker.example:80');
    expect(reply.status).toBe(403);
    expect((await get(port, '/', `localhost:${port}`)).status).toBe(200);
  });

  it('reports a broken edit on /events while keeping the last good page, and survives a missing brief.md', async () => {
    const good = await firstState(port);
    expect(good.errors).toEqual([]);
    writeFileSync(join(dir, 'brief.md'), '---\ntitle: Clean fixture\n---\n\nOops {{nope}}.\n');
    await waitFor(async () => (await firstState(port)).errors.length > 0);
    const broken = await firstState(port);
    expect(broken.version).toBe(good.version);
    expect(broken.errors).toEqual([`${dir}/brief.md:5:8: error: unknown variable "nope" [variable-unknown]`]);
    expect((await get(port, '/__preview/page')).body.toString()).toContain('Two months of sales');
    expect((await get(port, '/pdf')).status).toBe(503);

    rmSync(join(dir, 'brief.md'));
    await waitFor(async () => (await firstState(port)).errors.some((e) => e.includes('[brief-missing]')));
    expect((await get(port, '/')).status).toBe(200);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the preview');
    await new Promise((r) => setTimeout(r, 50));
  }
}
