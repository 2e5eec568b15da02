import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Runs `brief …` (the compiled CLI, as users run it) in a fresh Node process with a module hook
 * that records every module it loads, and returns the exit code and those module URLs.
 */
function modulesLoadedBy(...argv: string[]): { code: number | null; modules: string[]; stderr: string } {
  const log = join(mkdtempSync(join(tmpdir(), 'brief-imports-')), 'modules.txt');
  const run = spawnSync(process.execPath, ['--import', './test/support/record-imports.mjs', 'bin/brief.js', ...argv], {
    env: { ...process.env, BRIEF_IMPORT_LOG: log },
    encoding: 'utf8',
  });
  return { code: run.status, modules: readFileSync(log, 'utf8').trim().split('\n'), stderr: run.stderr };
}

const VEGA = /\/node_modules\/vega(-lite)?\//;
const PUPPETEER = /\/node_modules\/puppeteer-core\//;
/** The PDF printer and the code that starts a browser (`browser-processes.js`, the shutdown kill switch, starts nothing). */
const PRINTER = /\/dist\/edges\/(pdf\/|browser\/launch-browser)/;
/** Database drivers: only a briefing that queries a source (pg) or runs a DuckDB query (in its own process) needs them. */
const DRIVERS = /\/node_modules\/(pg|pg-cursor|@duckdb\/[^/]+)\//;

describe('each command loads only what it uses', () => {
  it('brief new loads neither vega nor vega-lite nor the PDF printer', () => {
    const parent = mkdtempSync(join(tmpdir(), 'brief-imports-new-'));
    const { code, modules, stderr } = modulesLoadedBy('new', 'fresh', '--dir', parent);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(modules).toContainEqual(expect.stringMatching(/\/dist\/features\/scaffold\/new-briefing\.js$/));
    expect(modules.filter((url) => VEGA.test(url) || PUPPETEER.test(url) || PRINTER.test(url) || url.includes('/dist/pipeline/charts/'))).toEqual([]);
  });

  it('brief check renders charts (vega) but never loads the PDF printer or puppeteer', () => {
    const { code, modules } = modulesLoadedBy('check', 'test/fixtures/check/clean');
    expect(code).toBe(0);
    expect(modules).toContainEqual(expect.stringMatching(VEGA)); // the recorder sees package imports
    expect(modules.filter((url) => PUPPETEER.test(url) || PRINTER.test(url))).toEqual([]);
  });

  it('brief build --format html loads no printer, puppeteer or database driver, and a rebuild from the chart cache no vega', () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-imports-html-'));
    const args = ['build', 'test/fixtures/check/clean', '--out', out, '--format', 'html', '--quiet'];
    const first = modulesLoadedBy(...args);
    expect(first.code).toBe(0);
    expect(first.modules).toContainEqual(expect.stringMatching(VEGA)); // the chart is drawn once
    expect(first.modules.filter((url) => PUPPETEER.test(url) || PRINTER.test(url) || DRIVERS.test(url))).toEqual([]);
    const rebuild = modulesLoadedBy(...args);
    expect(rebuild.code).toBe(0);
    expect(rebuild.modules.filter((url) => VEGA.test(url) || PUPPETEER.test(url) || PRINTER.test(url))).toEqual([]);
  }, 180_000); // two cold processes; slow only on a loaded machine

  it('the check can fail: a PDF build does load the printer and puppeteer', () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-imports-pdf-'));
    const { code, modules } = modulesLoadedBy('build', 'test/fixtures/check/clean', '--out', out, '--format', 'pdf', '--quiet');
    expect(code).toBe(0);
    expect(modules).toContainEqual(expect.stringMatching(PUPPETEER));
    expect(modules).toContainEqual(expect.stringMatching(/\/dist\/edges\/pdf\/pdf-printer\.js$/));
  });
});
