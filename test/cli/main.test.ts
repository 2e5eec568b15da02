import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { VERSION } from '../../src/version.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function briefing(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'brief-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('brief CLI', () => {
  it('prints its version (the one in package.json) and help', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    expect(await run('--version')).toMatchObject({ code: 0, out: VERSION });
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('brief build <briefing-dir>...');
  });

  it('exits 2 on usage errors', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('frobnicate')).err).toContain('unknown command "frobnicate"');
    expect((await run('build', '--nope')).code).toBe(2);
    expect((await run('build')).err).toContain('needs at least one briefing folder');
    expect((await run('build', '/no/such/dir')).err).toContain('no such briefing folder: /no/such/dir');
    const dir = briefing({ 'brief.md': '---\ntitle: T\n---\nHi\n' });
    expect((await run('build', dir, '--format', 'docx')).err).toContain('unknown --format "docx"');
    expect((await run('build', dir, '--concurrency', '0')).err).toContain('--concurrency must be a whole number from 1 to 64');
  });

  it('writes <out>/<slug>/index.html and exits 0', async () => {
    const dir = briefing({ 'brief.md': '---\ntitle: Tiny\nslug: tiny\n---\nHello **world**.\n' });
    const out = mkdtempSync(join(tmpdir(), 'brief-out-'));
    const result = await run('build', dir, '--out', out, '--format', 'html');
    expect(result.code).toBe(0);
    expect(readFileSync(join(out, 'tiny', 'index.html'), 'utf8')).toContain('Hello <strong>world</strong>.');
    expect(readdirSync(out)).toEqual(['tiny']); // no staging leftovers
  });

  it('reports every content error, exits 1 and leaves the previous output untouched', async () => {
    const dir = briefing({ 'brief.md': '---\ntitle: Tiny\nslug: tiny\n---\nFirst version.\n' });
    const out = mkdtempSync(join(tmpdir(), 'brief-out-'));
    expect((await run('build', dir, '--out', out, '--format', 'html')).code).toBe(0);
    const before = readFileSync(join(out, 'tiny', 'index.html'), 'utf8');
    writeFileSync(join(dir, 'brief.md'), '---\ntitle: Tiny\nslug: tiny\n---\nSecond {{nope 1}} and {{meta.titel}}.\n\n::chart{src="charts/none.vl.json"}\n');
    const result = await run('build', dir, '--out', out, '--format', 'html');
    expect(result.code).toBe(1);
    expect(result.err).toContain('/brief.md:5:10: error: unknown helper "nope" [helper-unknown]');
    expect(result.err).toContain('/brief.md:5:25: error: unknown variable "meta.titel" (did you mean "meta.title"?) [variable-unknown]');
    expect(result.err).toContain('/brief.md:7:1: error: chart file "charts/none.vl.json" does not exist [chart-missing]');
    expect(result.err).toMatch(/3 errors; nothing written/);
    expect(readFileSync(join(out, 'tiny', 'index.html'), 'utf8')).toBe(before);
    expect(readdirSync(out)).toEqual(['tiny']);
  });

  it('continues past a failing briefing and exits 1', async () => {
    const good = briefing({ 'brief.md': '---\ntitle: Good\nslug: good\n---\nOk.\n' });
    const bad = briefing({ 'brief.md': '---\ntitel: Bad\n---\n' });
    const out = mkdtempSync(join(tmpdir(), 'brief-out-'));
    const result = await run('build', bad, good, '--out', out, '--format', 'html');
    expect(result.code).toBe(1);
    expect(existsSync(join(out, 'good', 'index.html'))).toBe(true);
    expect(result.err).toContain('/brief.md:2:1: error: front matter "titel": unknown key (did you mean "title"?) [front-matter-invalid]');
  });

  it('prints several briefings with one browser, a line each and a summary table', async () => {
    const dirs = ['one', 'two', 'three'].map((slug) =>
      briefing({ 'brief.md': `---\ntitle: Brief ${slug}\nslug: ${slug}\ndate: 2026-01-02\n---\n## Only section\n\nText of ${slug}.\n` }),
    );
    const bad = briefing({ 'brief.md': '---\ntitle: Broken\nslug: broken\n---\n{{oops}}\n' });
    const out = mkdtempSync(join(tmpdir(), 'brief-out-'));
    const result = await run('build', ...dirs, bad, '--out', out, '--concurrency', '2');
    expect(result.code).toBe(1);
    for (const slug of ['one', 'two', 'three']) {
      expect(readdirSync(join(out, slug)).sort()).toEqual(['index.html', `${slug}.pdf`]);
      expect(readFileSync(join(out, slug, `${slug}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(existsSync(join(out, 'broken'))).toBe(false);
    const table = result.out.split('\n');
    expect(table).toContainEqual(expect.stringMatching(/^briefing\s+pages\s+seconds\s+result$/));
    for (const dir of dirs) expect(table).toContainEqual(expect.stringMatching(new RegExp(`^${dir}\\s+\\d+\\s+[\\d.]+\\s+ok$`)));
    expect(table).toContainEqual(expect.stringMatching(new RegExp(`^${bad}\\s+-\\s+[\\d.]+\\s+1 error$`)));
    expect(result.out).toContain('3 of 4 built');
  });
});
