import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBriefing } from '../../../src/features/check/check-briefing.js';
import { main } from '../../../src/cli/main.js';
import { fontsourceStore } from '../../../src/edges/fonts/font-store.js';
import { diskFiles } from '../../../src/edges/files/disk-files.js';
import { starterFiles, titleFromSlug } from '../../../src/features/scaffold/starter-files.js';
import { templates } from '../../support/render-folder.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const scratch = () => mkdtempSync(join(tmpdir(), 'brief-new-'));

describe('brief new', () => {
  it('scaffolds a briefing that builds and checks clean, with fonts: 0 errors, 0 warnings', async () => {
    const parent = join(scratch(), 'content');
    const result = await run('new', 'q3-market-review', '--dir', parent);
    expect(result.code).toBe(0);
    const folder = join(parent, 'q3-market-review');
    expect(result.out).toContain(`✓ created ${folder}/`);
    expect(readdirSync(folder).sort()).toEqual(['brief.md', 'charts', 'data', 'sections']);
    expect(readdirSync(parent)).toEqual(['q3-market-review']); // no staging folder left behind
    expect(statSync(folder).mode & 0o777).not.toBe(0o700);

    const brief = readFileSync(join(folder, 'brief.md'), 'utf8');
    expect(brief).toMatch(/^---\ntitle: "Q3 market review"\n/);
    expect(brief).toContain('::chart{src="charts/quarterly-totals.vl.json"');
    expect(readdirSync(join(folder, 'sections'))).toEqual(['01-next-steps.md']);

    const { render, messages } = await checkBriefing({ files: diskFiles(folder), templates, fonts: fontsourceStore() });
    expect(messages).toEqual([]);
    expect(render.html).toContain('<h2 id="what-the-data-shows">What the data shows</h2>');
    expect(render.html).toContain('a change of\n+43.3% over the year');
    expect(render.figures.map((f) => [f.id, f.chart.datasets])).toEqual([['fig-quarterly-totals', ['quarterly_totals']]]);

    expect((await run('check', folder, '--strict')).code).toBe(0);
    const out = scratch();
    expect((await run('build', folder, '--out', out, '--format', 'html')).code).toBe(0);
    expect(existsSync(join(out, 'q3-market-review', 'index.html'))).toBe(true);
  });

  it('refuses to overwrite an existing folder (usage error, exit 2) and leaves it untouched', async () => {
    const parent = scratch();
    mkdirSync(join(parent, 'taken'));
    writeFileSync(join(parent, 'taken', 'notes.md'), 'mine');
    const result = await run('new', 'taken', '--dir', parent);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${join(parent, 'taken')} already exists`);
    expect(readdirSync(join(parent, 'taken'))).toEqual(['notes.md']);
    expect(readdirSync(parent)).toEqual(['taken']);
  });

  it('validates the slug and the template name', async () => {
    const parent = scratch();
    for (const bad of ['Q3', 'a_b', '-a', 'a-', 'a--b', '../x', 'a/b', '']) {
      const result = await run('new', bad, '--dir', parent);
      expect(result.code, bad).toBe(2);
      expect(result.err, bad).toMatch(/invalid slug|needs a slug|unknown option/); // '-a' reads as an option
    }
    const template = await run('new', 'ok', '--dir', parent, '--template', 'nope');
    expect(template.code).toBe(2);
    expect(template.err).toContain('unknown --template "nope" (known: briefing, memo)');
    expect((await run('new', 'a', 'b', '--dir', parent)).err).toContain('brief new takes one slug');
    writeFileSync(join(parent, 'file'), '');
    expect((await run('new', 'ok', '--dir', join(parent, 'file'))).err).toContain('is not a folder');
    rmSync(join(parent, 'file'));
    expect(readdirSync(parent)).toEqual([]);
  });

  it('writes the chosen template and date into the front matter', () => {
    const files = starterFiles({ slug: 'x-y', template: 'briefing', today: '2026-02-03' });
    expect(files['brief.md']).toContain('\ndate: 2026-02-03\n');
    expect(files['brief.md']).toContain('\ntemplate: briefing\n');
    expect(titleFromSlug('2026-outlook')).toBe('2026 outlook');
  });
});
