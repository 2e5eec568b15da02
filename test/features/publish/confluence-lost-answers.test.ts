import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConfluenceTarget } from '../../../src/features/publish/config/target-schema.js';
import type { PublishDocument } from '../../../src/features/publish/document/publish-document.js';
import { publishOutputs } from '../../../src/features/publish/publish-briefing.js';
import { ConfluenceFake } from './support/confluence-fake.js';
import { LostAnswerProxy } from './support/lost-answer-proxy.js';
import { miniDocument } from './support/mini-document.js';

/**
 * The lost-answer sweep against the Confluence fake: the same proxy as for MediaWiki closes the
 * connection after the fake has acted, for each request of a publish in turn. Pages are
 * recognised by the hash of the body sent, which each version's message names; attachments by
 * the hash in their comment.
 */
const TOKEN = 'conf-token-1a2b3c4d5e6f';
const TITLE = 'Quarterly Wiki Check';

describe('brief publish to Confluence when answers are lost (against the fake)', () => {
  let v1: PublishDocument;
  let v2: PublishDocument;
  let fake: ConfluenceFake;
  let proxy: LostAnswerProxy;
  let work: string;

  beforeAll(async () => {
    v1 = await miniDocument();
    v2 = await miniDocument((b) => b.replace('See the chart below.', 'See the chart below, per team.'), '%PDF-1.7 test, second build');
  });

  afterEach(async () => {
    await proxy?.close();
    await fake?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function start(): Promise<ConfluenceTarget> {
    fake = await new ConfluenceFake({ flavor: 'datacenter', token: TOKEN, space: 'TEAM' }).listen();
    proxy = await new LostAnswerProxy(fake.url).listen();
    work = mkdtempSync(join(tmpdir(), 'brief-confluence-lost-'));
    return { type: 'confluence', flavor: 'datacenter', url: proxy.url, space: 'TEAM', tokenEnv: 'CONF_TOKEN' };
  }

  const publish = (target: ConfluenceTarget, doc: PublishDocument, lose?: () => void) => {
    proxy.reset();
    lose?.();
    const lines: string[] = [];
    const ctx = {
      name: 'confluence', recordPath: join(work, 'record.json'), cacheDir: join(work, 'cache'), force: false, dryRun: false,
      env: { CONF_TOKEN: TOKEN }, log: (l: string) => lines.push(l), secrets: new Set<string>(),
      http: { retry: { tries: 3, baseMs: 1, capMs: 1, sleep: async () => {} } },
    };
    return publishOutputs(target, [doc], ctx).then((outcome) => ({ outcome, lines }));
  };

  function expectState(version: number, pdfVersion: number): void {
    const pages = [...fake.pages.values()].filter((p) => p.title === TITLE);
    expect(pages.map((p) => p.version)).toEqual([version]);
    const attachments = [...fake.attachments.values()].filter((a) => a.pageId === pages[0]?.id).map((a) => `${a.filename} v${a.version}`).sort();
    expect(attachments).toEqual([`wiki-check-fig-releases.svg v1`, `wiki-check.pdf v${pdfVersion}`]);
  }

  it('creation, then a change: whichever answer is lost, one page, one version per change, no duplicate attachment', async () => {
    let target = await start();
    await publish(target, v1);
    const count = proxy.requests.length;
    expect(proxy.requests.filter((r) => r.method !== 'GET')).toHaveLength(3);
    for (let lost = 0; lost < count; lost++) {
      await proxy.close();
      await fake.close();
      rmSync(work, { recursive: true, force: true });
      target = await start();
      await publish(target, v1, () => proxy.loseAnswer(lost));
      expect(proxy.requests[lost]?.lost).toBe(true);
      expectState(1, 1);
      const changed = await publish(target, v2);
      expect(changed.outcome.changes, `after losing request ${lost}`).toBe(2);
      expectState(2, 2);
      expect((await publish(target, v2)).outcome.changes).toBe(0);
    }
  });

  it('update: whichever answer is lost, the next version and PDF data are written once', async () => {
    let target = await start();
    await publish(target, v1);
    await publish(target, v2);
    const count = proxy.requests.length;
    for (let lost = 0; lost < count; lost++) {
      await proxy.close();
      await fake.close();
      rmSync(work, { recursive: true, force: true });
      target = await start();
      await publish(target, v1);
      const run = await publish(target, v2, () => proxy.loseAnswer(lost));
      expect(proxy.requests[lost]?.lost).toBe(true);
      expect(run.lines.some((l) => l.startsWith('✓ updated page'))).toBe(true);
      expectState(2, 2);
      expect((await publish(target, v2)).outcome.changes).toBe(0);
    }
  });
});
