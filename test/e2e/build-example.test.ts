import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderResult } from '../../src/pipeline/render-briefing.js';
import { renderFolder } from '../support/render-folder.js';

/** The example briefing end to end, through the in-memory API with the real template and fonts. */
describe('content/deepseek-moment', () => {
  let result: RenderResult;
  let html: string;

  beforeAll(async () => {
    result = await renderFolder('content/deepseek-moment', 'content/deepseek-moment');
    html = result.html ?? '';
  });

  it('builds without errors or warnings', () => {
    expect(result.messages).toEqual([]);
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });

  it('has at least six numbered figures, each an accessible inline SVG with a caption and a data table', () => {
    expect(result.figures.length).toBeGreaterThanOrEqual(6);
    expect(result.figures.map((f) => f.number)).toEqual(result.figures.map((_, i) => i + 1));
    for (const figure of result.figures) {
      const start = html.indexOf(`<figure class="chart" id="${figure.id}"`);
      expect(start, figure.id).toBeGreaterThan(-1);
      const end = html.indexOf('</figure>', start);
      const markup = html.slice(start, end);
      expect(markup).toMatch(/<svg[^>]*role="img"[^>]*aria-label="[^"]{10,}"/);
      expect(figure.caption.length, `caption of ${figure.id}`).toBeGreaterThan(10);
      expect(markup).toContain(`${figure.number}.`);
      expect(markup).toMatch(/<details class="chart-data">[\s\S]*<table[\s\S]*<th scope="col">/);
    }
  });

  it('lists every section and figure in the table of contents, linked by id', () => {
    const toc = /<nav[^>]*class="toc"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    const h2s = result.headings.filter((h) => h.level === 2);
    expect(h2s.length).toBeGreaterThanOrEqual(5);
    for (const h of h2s) {
      expect(toc).toContain(`href="#${h.id}"`);
      expect(html).toContain(`<h2 id="${h.id}"`);
    }
    for (const f of result.figures) expect(toc).toContain(`href="#${f.id}"`);
  });

  it('numbers citations in order of first use and links each to the sources list', () => {
    const body = html.replace(/<style>[\s\S]*?<\/style>/g, '');
    const marks = [...body.matchAll(/<sup class="cite"><a href="#src-(\d+)" id="cite-(\d+)-(\d+)"/g)];
    expect(marks.length).toBeGreaterThanOrEqual(5);
    let highest = 0;
    for (const [, target, number] of marks) {
      expect(target).toBe(number);
      const n = Number(number);
      expect(n).toBeLessThanOrEqual(highest + 1); // a new number is always the next one
      highest = Math.max(highest, n);
      expect(body).toMatch(new RegExp(`<li [^>]*id="src-${n}"`));
    }
  });

  it('carries Chinese text and embeds the font subsets it needs', () => {
    expect(html).toContain('深度求索');
    expect(html).toMatch(/@font-face\{font-family:'Noto Sans SC'[^}]*src:url\(data:font\/woff2;base64,/);
    expect(html).toMatch(/@font-face\{font-family:'Noto Sans';font-style:normal;font-weight:400/);
  });

  it('is self-contained: no external resource reference and no script', () => {
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => (m[1] ?? '').replace(/\/\*[\s\S]*?\*\//g, ''));
    for (const css of styles) expect(css).not.toMatch(/@import|url\((?!["']?data:)/);
    const markup = html.replace(/<style>[\s\S]*?<\/style>/g, '');
    expect(markup).not.toMatch(/<script|<iframe|<object|<embed|<link[^>]+href/i);
    const resources = [...markup.matchAll(/\s(?:src|xlink:href|href)="([^"#][^"]*)"/g)].map((m) => m[1] ?? '');
    for (const url of resources) {
      const allowed = url.startsWith('data:') || /^https?:\/\//.test(url); // http(s) only as <a> navigation
      expect(allowed, url).toBe(true);
    }
    for (const m of markup.matchAll(/<(img|image|source|video|audio)\b[^>]*\s(?:src|href)="([^"]*)"/g)) {
      expect(m[2]?.startsWith('data:'), m[0].slice(0, 80)).toBe(true);
    }
  });

  it('rebuilds to identical bytes', async () => {
    const again = await renderFolder('content/deepseek-moment', 'content/deepseek-moment');
    expect(again.html === html).toBe(true);
  });
});
