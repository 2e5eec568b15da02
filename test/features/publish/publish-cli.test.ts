import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

describe('brief publish (command line)', () => {
  let work: string;
  let dir: string;
  let config: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'brief-publish-cli-'));
    dir = join(work, 'mini');
    cpSync('test/fixtures/publish/mini-briefing', dir, { recursive: true });
    config = join(work, 'briefsmith.config.json');
    writeFileSync(config, JSON.stringify({ publish: { notes: { type: 'git', url: `file://${join(work, 'none.git')}` } } }));
  });

  it('is listed in the help and explains itself', async () => {
    expect((await runCli('--help')).out).toContain('brief publish <briefing-dir> --to <target> [--param NAME=VALUE]... [--period P|P1..P2|latest] [--matrix NAME=V1,V2]... [--dry-run] [--force] [--out DIR] [--config FILE]');
  });

  it('exits 2 on usage errors, naming the known targets for an unknown one', async () => {
    expect((await runCli('publish')).code).toBe(2);
    const noTarget = await runCli('publish', dir);
    expect(noTarget.code).toBe(2);
    expect(noTarget.err).toContain('brief publish needs --to <target>');
    const unknown = await runCli('publish', dir, '--to', 'wiki', '--config', config);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown publish target "wiki" (known: notes)');
  });

  it('takes --period, --param and --matrix as build does: a value that does not fit is a usage error', async () => {
    const noPeriod = await runCli('publish', dir, '--to', 'notes', '--config', config, '--period', '2026-W10');
    expect(noPeriod.code).toBe(2);
    expect(noPeriod.err).toContain('has no period parameter, so --period does not apply');
    const unknown = await runCli('publish', dir, '--to', 'notes', '--config', config, '--param', 'region=EU');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown parameter "region" (declared: none)');
    const twice = await runCli('publish', dir, '--to', 'notes', '--config', config, '--param', 'region=EU', '--matrix', 'region=EU,US');
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('parameter "region" is given twice');
  });

  it('reports config problems at their place and exits 1', async () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, '{\n  "publish": { "wiki": { "type": "mediawiki", "api": "https://w.example/api.php", "user": "B", "password": "hunter2" } }\n}\n');
    const result = await runCli('publish', dir, '--to', 'wiki', '--config', bad);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${bad}:2:`);
    expect(result.err).toContain('publish config "publish.wiki.passwordEnv": is required');
    expect(result.err).toContain('publish config "publish.wiki.password": unknown key');
  });

  it('requires a current build and says which command makes it', async () => {
    const result = await runCli('publish', dir, '--to', 'notes', '--config', config, '--out', join(work, 'out'));
    expect(result.code).toBe(1);
    expect(result.err).toBe(`brief: publish to "notes" failed at build: ${join(work, 'out', 'wiki-check', 'index.html')} does not exist; run "brief build ${dir} --out ${join(work, 'out')}" first`);
  });

  it('publishes nothing from a briefing with errors', async () => {
    const broken = join(work, 'broken');
    cpSync(dir, broken, { recursive: true });
    writeFileSync(join(broken, 'brief.md'), '---\ntitle: B\n---\n{{nope}}\n');
    const result = await runCli('publish', broken, '--to', 'notes', '--config', config);
    expect(result.code).toBe(1);
    expect(result.err).toContain('error: unknown variable "nope"');
    expect(result.err).toContain('the briefing has errors; nothing was published');
  });
});
