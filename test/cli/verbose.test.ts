import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startPreview } from '../../src/features/preview/start-preview.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * A briefing whose own `figure` partial throws while the charts stage renders the first figure
 * (`#each` without a list): a failure of the content (not a positioned message) with a cause.
 */
function brokenPartial(): string {
  const dir = mkdtempSync(join(tmpdir(), 'brief-verbose-'));
  const files: Record<string, string> = {
    'brief.md': '---\ntitle: T\n---\nHi.\n\n::chart{src="charts/a.vl.json" caption="A"}\n',
    'charts/a.vl.json': '{"description": "d", "data": {"name": "x"}, "mark": "bar", "encoding": {"x": {"field": "n", "type": "quantitative"}}}',
    'data/x.csv': 'n\n1\n',
    'partials/figure.hbs': '<figure>{{#each}}x{{/each}}</figure>',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const CHAIN = [
  /^ {4}1\. charts stage failed: template the figure partial: Must pass iterator to #each \(via StageError\)$/m,
  /^ {4}2\. template the figure partial: Must pass iterator to #each \(via ContentFailure\)$/m,
  /^ {4}3\. Must pass iterator to #each$/m,
  /^ {4}Original error stack trace: Error: Must pass iterator to #each/m,
];

describe('--verbose', () => {
  it('check and build print the numbered cause chain of a failure, and only when asked', async () => {
    const dir = brokenPartial();
    const out = mkdtempSync(join(tmpdir(), 'brief-verbose-out-'));
    for (const argv of [['check', dir], ['build', dir, '--out', out, '--format', 'html']]) {
      const plain = await run(...argv);
      expect(plain.code).toBe(1);
      expect(plain.out + plain.err).toContain('charts stage failed: template the figure partial: Must pass iterator to #each');
      expect(plain.out + plain.err).not.toContain('internal error');
      expect(plain.err).not.toContain('(via StageError)');
      const verbose = await run(...argv, '--verbose');
      expect(verbose.code).toBe(1);
      for (const line of CHAIN) expect(verbose.err).toMatch(line);
    }
  });

  it('publish prints the chain of the step that failed', async () => {
    const work = mkdtempSync(join(tmpdir(), 'brief-verbose-publish-'));
    const dir = join(work, 'mini');
    cpSync('test/fixtures/publish/mini-briefing', dir, { recursive: true });
    expect((await run('build', dir, '--out', join(work, 'out'), '--format', 'html', '--quiet')).code).toBe(0);
    const config = join(work, 'config.json');
    writeFileSync(config, JSON.stringify({ publish: { nowhere: { type: 'git', url: join(work, 'no-such-wiki.git') } } }));
    const result = await run('publish', dir, '--to', 'nowhere', '--out', join(work, 'out'), '--config', config, '--verbose');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^brief: publish to "nowhere" failed at clone: /m);
    expect(result.err).toMatch(/^ {4}1\. publish to "nowhere" failed at clone: .* \(via PublishError\)$/m);
    expect(result.err).toMatch(/^ {4}2\. git clone failed: .*no-such-wiki\.git.* \(via GitError\)$/m);
  });

  it('new and preview take it too; preview logs the chain of a crashed rebuild', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'brief-verbose-new-'));
    expect((await run('new', 'fresh', '--dir', parent, '--verbose')).code).toBe(0);
    expect((await run('preview', '/no/such/dir', '--verbose')).err).toContain('no such briefing folder');
    const log: string[] = [];
    const preview = await startPreview({ dir: brokenPartial(), port: 0, verbose: true, log: (line) => log.push(line) });
    try {
      await preview.settled();
    } finally {
      await preview.close();
    }
    const printed = log.join('\n');
    expect(printed).toContain('the briefing could not be rendered: charts stage failed');
    for (const line of CHAIN) expect(printed).toMatch(line);
  });

  it('a failure no command handles is one line, with its chain under --verbose', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'brief-verbose-file-')), 'not-a-folder');
    writeFileSync(file, '');
    const dir = join(file, 'content');
    const plain = await run('new', 'fresh', '--dir', dir);
    expect(plain.code).toBe(1); // the machine said no: not a bug, not bad content
    expect(plain.err.split('\n')).toEqual([expect.stringMatching(/^brief: ENOTDIR: not a directory, mkdir /)]);
    const verbose = await run('new', 'fresh', '--dir', dir, '--verbose');
    expect(verbose.code).toBe(1);
    expect(verbose.err).toMatch(/^brief: ENOTDIR: not a directory, mkdir /m);
    expect(verbose.err).toMatch(/^ {4}1\. ENOTDIR: not a directory, mkdir .*$/m);
    expect(verbose.err).toMatch(/^ {4}Original error stack trace: Error: ENOTDIR/m);
  });
});
