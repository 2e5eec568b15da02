import { fontsourceStore } from '../../src/edges/fonts/font-store.js';
import { memoryFiles } from '../../src/edges/files/briefing-files.js';
import type { PdfPrinter} from '../../src/edges/pdf/pdf-printer.js';
import { type PrintResult } from '../../src/edges/pdf/pdf-printer.js';
import { pdfMetadata } from '../../src/features/build/build-briefing.js';
import { renderBriefing, type RenderResult } from '../../src/pipeline/render-briefing.js';
import { pageTexts, pdfFile } from './pdf-tools.js';
import { templates } from './render-folder.js';

export interface PrintedBrief {
  rendered: RenderResult;
  printed: PrintResult;
  /** pdftotext of each page, index 0 = page 1. */
  texts: string[];
}

/** Renders an in-memory briefing with embedded fonts and prints it with real Chromium. */
export async function printBrief(printer: PdfPrinter, entries: Record<string, string | Uint8Array>): Promise<PrintedBrief> {
  const rendered = await renderBriefing({ files: memoryFiles(entries, 'b'), templates, fonts: fontsourceStore() });
  const errors = rendered.messages.filter((m) => m.severity === 'error');
  if (!rendered.html || !rendered.meta || !rendered.template) throw new Error(`did not render: ${errors.map((m) => m.reason).join('; ')}`);
  const printed = await printer.print({ html: rendered.html, page: rendered.template.page, meta: pdfMetadata(rendered.meta) });
  return { rendered, printed, texts: pageTexts(pdfFile(printed.pdf), printed.layout.pageCount) };
}

const SENTENCES = [
  'Open-weight releases kept a steady cadence through the quarter, with most organisations publishing on a monthly rhythm.',
  'Downloads concentrated on a handful of model families, and the largest of them drew more than half of the total.',
  'Licences mattered as much as benchmarks: permissive terms shortened the path from evaluation to deployment.',
  'Regional patterns differed, yet the direction of change was the same in every market we track.',
  'Smaller distilled variants carried much of the growth, because they run on hardware teams already own.',
];

/** About `words` words of plain English prose, in paragraphs of four sentences. */
export function prose(words: number, seed = 0): string {
  const out: string[] = [];
  let count = 0;
  for (let i = seed; count < words; i++) {
    const sentence = SENTENCES[i % SENTENCES.length] ?? '';
    out.push(sentence);
    count += sentence.split(/\s+/).length;
    if (out.length % 4 === 0) out.push('\n\n');
  }
  return out.join(' ').replace(/ \n\n /g, '\n\n');
}

/** A small inline bar chart, as a fenced Vega-Lite block. */
export function chartBlock(id: string, caption: string, height?: number): string {
  const spec = {
    description: 'Bar chart of releases by quarter.',
    ...(height ? { height } : {}),
    data: { values: [{ q: 'Q1', n: 12 }, { q: 'Q2', n: 18 }, { q: 'Q3', n: 15 }, { q: 'Q4', n: 22 }] },
    mark: 'bar',
    encoding: { x: { field: 'q', type: 'nominal', title: 'Quarter' }, y: { field: 'n', type: 'quantitative', title: 'Releases' } },
  };
  return `\`\`\`vega-lite caption="${caption}" id="${id}"\n${JSON.stringify(spec)}\n\`\`\``;
}

/** A ~300-word brief with one chart and three sections; `front` adds front-matter lines. */
export function shortBrief(front = ''): string {
  return [
    '---',
    'title: Quarterly open-model note',
    'date: 2026-01-15',
    'classification: Internal',
    'summary: Releases rose in the fourth quarter; downloads concentrated on a few families.',
    front,
    '---',
    prose(60),
    '## Releases',
    prose(90, 1),
    chartBlock('fig-releases', 'Releases by quarter'),
    '## Downloads',
    prose(90, 2),
    '## Outlook',
    prose(60, 3),
  ].join('\n\n');
}

/** A brief with two figures and a captioned table, referred to before and after they appear. */
export const XREF_BRIEF = [
  '---\ntitle: Cross-references\ncover: false\ncontents: false\n---',
  'As @fig-share shows, and @tbl-origin confirms, downloads moved (see also @fig-trend).',
  '## Data',
  chartBlock('fig-trend', 'Weekly trend'),
  chartBlock('fig-share', 'Share by origin'),
  '| Origin | Share |\n|---|--:|\n| China | 61% |\n| United States | 30% |',
  'Table: Share of downloads by *origin* {#tbl-origin}',
  'Write to analyst@fig-desk.org; `@fig-trend` in code stays code; [a link @fig-trend](#data) keeps its text.',
].join('\n\n');

/**
 * Paragraphs (their text as in the page) that a page break splits, with how many lines print
 * before and after the break, read from pdftotext's page texts (`texts`, running header and
 * footer lines dropped).
 */
export function splitParagraphs(texts: readonly string[], paragraphs: readonly string[]): Array<{ start: string; before: number; after: number }> {
  const norm = (t: string) => t.replace(/\u2060/g, '').replace(/\s+/g, ' ').trim();
  const pages = texts.map((t) => {
    const lines = t.split('\n').map(norm).filter((l) => l !== '').slice(1, -1);
    const lineOf: number[] = [];
    lines.forEach((l, i) => lineOf.push(...Array.from({ length: l.length + 1 }, () => i)));
    return { lines, text: lines.join(' '), lineOf };
  });
  const splits: Array<{ start: string; before: number; after: number }> = [];
  for (const text of paragraphs.map(norm).filter((t) => t.length > 200)) {
    const start = text.slice(0, 30);
    const end = text.replace(/(\s*\[\d+\])+$/, '').slice(-20); // a citation mark may sit above the line
    const page = pages.findIndex((p) => p.text.includes(start));
    const here = pages[page];
    const next = pages[page + 1];
    if (!here || !next) continue;
    const at = here.text.indexOf(start);
    if (here.text.indexOf(end, at) >= 0) continue; // not split
    const endAt = next.text.indexOf(end);
    if (endAt < 0) throw new Error(`the end of "${start}…" is on neither page ${page + 1} nor ${page + 2}`);
    splits.push({ start, before: here.lines.length - (here.lineOf[at] ?? 0), after: (next.lineOf[endAt + end.length - 1] ?? 0) + 1 });
  }
  return splits;
}
