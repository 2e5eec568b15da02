import { afterAll, describe, expect, it } from 'vitest';
import { memoryFiles, type BriefingFiles } from '../../src/edges/files/briefing-files.js';
import { diskFiles } from '../../src/edges/files/disk-files.js';
import { duckdbEngine } from '../../src/edges/sql/duckdb-engine.js';
import { memoryRenderCache } from '../../src/pipeline/render-cache.js';
import { MessageLog } from '../../src/messages/message-log.js';
import { BRIEFING_STAGES, type BriefingRun } from '../../src/pipeline/briefing-stages.js';
import { renderBriefing } from '../../src/pipeline/render-briefing.js';
import { STAGES, STOP, StageError } from '../../src/pipeline/stages.js';
import { minimalBrief, templates } from '../support/render-folder.js';

const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'));

/** A briefing that reaches every stage and every kind of rewrite: a chart file, an inline chart, an image, citations. */
const ALL_KINDS: Record<string, string | Uint8Array> = {
  'brief.md': minimalBrief(
    'Opening with a source.[^a]\n\n![dot](img/dot.png)\n\n::chart{src="charts/bars.vl.json" caption="Bars" id="fig-bars"}\n\n[^a]: The source.\n',
    'title: Every stage\nheadline: "{{count \\"sales\\"}} rows"',
  ),
  'sections/01-more.md': '## More\n\nAgain.[^a]\n\n```vega-lite caption="Inline"\n{"description": "d", "data": {"name": "sales"}, "mark": "bar", "encoding": {"x": {"field": "n", "type": "quantitative"}}}\n```\n',
  'charts/bars.vl.json': '{"description": "Bars by team", "data": {"name": "sales"}, "mark": "bar", "encoding": {"x": {"field": "team", "type": "nominal"}, "y": {"field": "n", "type": "quantitative"}}}',
  'data/sales.csv': 'team,n\nA,3\nB,5\n',
  'img/dot.png': PNG,
};

/** Freezes a value and everything reachable from it (bytes and functions excepted: they cannot be or need not be). */
function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value)) return value;
  seen.add(value);
  if (value instanceof Map) for (const [key, item] of value) [key, item].forEach((v) => deepFreeze(v, seen));
  if (value instanceof Set) for (const item of value) deepFreeze(item, seen);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) deepFreeze(descriptor.value, seen);
  }
  return Object.freeze(value);
}

/** The weekly example has a SQL dataset (queries/top_orgs.sql): DuckDB over its folder answers it. */
const WEEKLY = 'content/open-model-weekly';
const weeklyQueries = duckdbEngine(WEEKLY);
afterAll(() => weeklyQueries.close());

/**
 * Runs the declared stages one by one, as `runStages` does, but with each stage's input deeply
 * frozen, and with a render cache, whose parsed trees are frozen from the start (so the markdown
 * stage's own steps after parsing are held to the same rule).
 */
async function runFrozen(files: BriefingFiles, given: Record<string, string> = {}, queries?: BriefingRun['queries']) {
  const log = new MessageLog();
  const run: BriefingRun = { files, templates, fonts: undefined, chartCache: undefined, renderCache: memoryRenderCache(), given, slotPrefix: 'frozen-', log, ...(queries ? { queries } : {}) };
  let state: object = {};
  const ran: string[] = [];
  for (const stage of STAGES) {
    const added = await (BRIEFING_STAGES[stage] as (state: object, run: BriefingRun) => unknown)(deepFreeze(state), run);
    ran.push(stage);
    if (added === STOP) break;
    state = { ...state, ...(added as object) };
  }
  return { state: state as Record<string, unknown>, ran, messages: log.messages };
}

describe('the declared pipeline', () => {
  it('runs the declared stages in order and times each with the injected clock', async () => {
    let tick = 0;
    const result = await renderBriefing({ files: memoryFiles(ALL_KINDS), templates, now: () => tick++ });
    expect(result.messages).toEqual([]);
    expect(result.html).toContain('<img src="data:image/png;base64,');
    expect(Object.keys(result.timings)).toEqual([...STAGES]);
    // One clock reading before and one after each stage, nothing else timed.
    expect(Object.values(result.timings)).toEqual(STAGES.map(() => 1));
    expect(tick).toBe(2 * STAGES.length);
  });

  it('stops where a stage says so: no brief.md after load, errors before layout', async () => {
    const missing = await renderBriefing({ files: memoryFiles({ 'data/x.csv': 'a\n1\n' }), templates });
    expect(Object.keys(missing.timings)).toEqual(['load']);
    expect(missing.messages.map((m) => m.ruleId)).toEqual(['brief-missing']);
    const broken = await renderBriefing({ files: memoryFiles({ 'brief.md': minimalBrief('Hi {{nope}}.\n') }), templates });
    expect(Object.keys(broken.timings)).toEqual([...STAGES]);
    expect(broken.html).toBeUndefined();
    expect(broken.internals?.narrative?.intro).toContain('Hi');
  });

  it('names the stage a failure escaped from and keeps the failure as its cause', async () => {
    const inner = memoryFiles(ALL_KINDS);
    const disk = new Error('EIO: i/o error, read');
    const failing: BriefingFiles = { ...inner, readBytes: (path) => (path === 'img/dot.png' ? failWith(disk) : inner.readBytes(path)) };
    const failure = await renderBriefing({ files: failing, templates }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StageError);
    expect(failure).toMatchObject({ stage: 'markdown', message: 'markdown stage failed: EIO: i/o error, read', cause: disk });
  });

  it('no stage changes its input: each runs on a deeply frozen state and the page is the same', async () => {
    const frozen = await runFrozen(memoryFiles(ALL_KINDS));
    expect(frozen.ran).toEqual([...STAGES]);
    expect(frozen.messages).toEqual([]);
    const normal = await renderBriefing({ files: memoryFiles(ALL_KINDS), templates });
    // Slot names differ per run and never reach the page.
    expect(frozen.state['html']).toBe(normal.html);
  });

  it('no stage changes its input in a periodic briefing with data windows either', async () => {
    const frozen = await runFrozen(diskFiles(WEEKLY), { period: '2026-W08', region: 'EU' }, weeklyQueries);
    expect(frozen.ran).toEqual([...STAGES]);
    expect(frozen.messages).toEqual([]);
    expect(frozen.state['html']).toContain('Week 8, 2026');
    // The queries stage ran: the SQL dataset's rows reached the prose and the chart.
    expect(frozen.state['html']).toContain('The five most downloaded organisations took');
    expect(frozen.state['html']).toContain('id="fig-top-orgs"');
  });
});

function failWith(error: Error): never {
  throw error;
}
