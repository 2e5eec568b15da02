import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ERRORS_PER_DATASET } from '../../../src/pipeline/data/capped-report.js';
import { loadDatasets } from '../../../src/pipeline/data/load-datasets.js';
import { dataDeclarationsSchema, type DataDeclaration } from '../../../src/pipeline/frontmatter/data-declarations.js';
import { memoryFiles, type BriefingFiles } from '../../../src/edges/files/briefing-files.js';
import { diskFiles } from '../../../src/edges/files/disk-files.js';
import { catalogue } from '../../../src/messages/catalogue.js';
import { MessageLog } from '../../../src/messages/message-log.js';

const temp = mkdtempSync(join(tmpdir(), 'briefsmith-data-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Writes a briefing folder to disk and returns it as `BriefingFiles`. */
function folder(name: string, entries: Record<string, string>): BriefingFiles {
  const dir = join(temp, name);
  for (const [path, text] of Object.entries(entries)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return diskFiles(dir, name);
}

async function load(files: BriefingFiles, declarations: Record<string, unknown> = {}) {
  const log = new MessageLog();
  const parsed: Record<string, DataDeclaration> = dataDeclarationsSchema.parse(declarations);
  const datasets = await loadDatasets(files, parsed, log);
  return { datasets, messages: log.messages };
}

const brief = (yaml: string): string => `---\ntitle: T\n${yaml}---\nBody\n`;

describe('schemas in front matter', () => {
  const schema = { columns: { day: { type: 'date', required: true }, n: { type: 'integer', max: 10 }, ok: { type: 'boolean' } } };

  it('checks dates as real calendar days and keeps them as ISO text', async () => {
    const files = folder('dates', { 'data/d.csv': 'day,n,ok\n2024-02-29,1,True\n2026-02-30,2,false\n2025-1-05,3,\n2100-02-29,11,FALSE\n' });
    const { datasets, messages } = await load(files, { d: { schema } });
    expect(datasets.get('d')?.rows[0]).toEqual({ day: '2024-02-29', n: 1, ok: true });
    expect(messages.map((m) => [m.place?.line, m.place?.column, m.reason])).toEqual([
      [3, 1, catalogue.dataInvalid('d', 'day', '"2026-02-30" is not a date (expected YYYY-MM-DD, a real calendar day)').reason],
      [4, 1, catalogue.dataInvalid('d', 'day', '"2025-1-05" is not a date (expected YYYY-MM-DD, a real calendar day)').reason],
      [5, 1, catalogue.dataInvalid('d', 'day', '"2100-02-29" is not a date (expected YYYY-MM-DD, a real calendar day)').reason],
      [5, 12, catalogue.dataInvalid('d', 'n', '11 is above the maximum 10').reason],
    ]);
  });

  it('wins over a sidecar, which gets a warning', async () => {
    const files = folder('both', {
      'brief.md': brief(''),
      'data/d.csv': 'day,n,ok\n2024-01-01,12,\n',
      'data/d.schema.json': '{"columns": {"n": {"type": "string"}}}',
    });
    const { datasets, messages } = await load(files, { d: { schema } });
    expect(datasets.get('d')?.rows).toEqual([{ day: '2024-01-01', n: 12, ok: null }]);
    expect(messages).toEqual([
      expect.objectContaining({ file: 'both/data/d.csv', reason: catalogue.dataInvalid('d', 'n', '12 is above the maximum 10').reason }),
      expect.objectContaining({ file: 'both/data/d.schema.json', severity: 'warning', reason: catalogue.dataSchemaIgnored('d').reason }),
    ]);
  });

  it('reports a rule it cannot keep at its place in brief.md, and a schema without data', async () => {
    const yaml = 'data:\n  d:\n    schema:\n      columns:\n        day: { type: date, min: 3 }\n  ghost:\n    schema: { columns: {} }\n';
    const files = folder('fm-problems', { 'brief.md': brief(yaml), 'data/d.csv': 'day\nsoon\n' });
    const { messages, datasets } = await load(files, {
      d: { schema: { columns: { day: { type: 'date', min: 3 } } } },
      ghost: { schema: { columns: {} } },
    });
    expect(messages.map((m) => [m.file, m.place, m.severity, m.reason])).toEqual([
      ['fm-problems/brief.md', { line: 7, column: 33 }, 'error', catalogue.dataSchemaInvalid('d', '"min" applies to number and integer columns; column "day" is date').reason],
      ['fm-problems/brief.md', { line: 9, column: 5 }, 'warning', catalogue.dataSchemaOrphan('ghost').reason],
    ]);
    expect(datasets.get('d')?.rows).toEqual([{ day: 'soon' }]);
  });
});

describe('all errors, capped', () => {
  it(`reports the first ${ERRORS_PER_DATASET} errors of a dataset, then how many more, at the first one not shown`, async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `${i},${i}x\n`).join('');
    const files = folder('many', { 'data/many.csv': `id,n\n${rows}` });
    const { messages } = await load(files, { many: { schema: { columns: { n: { type: 'number' } } } } });
    expect(messages).toHaveLength(ERRORS_PER_DATASET + 1);
    expect(messages[0]).toMatchObject({ place: { line: 2, column: 3 }, reason: catalogue.dataInvalid('many', 'n', '"0x" is not a number').reason });
    expect(messages[ERRORS_PER_DATASET - 1]).toMatchObject({ place: { line: 51, column: 4 } });
    expect(messages[ERRORS_PER_DATASET]).toMatchObject({
      place: { line: 52, column: 4 },
      reason: '… and 70 more errors in dataset "many" (not shown; the first is here)',
    });
  });
});

describe('JSON datasets with a schema', () => {
  it('checks JSON and NDJSON records, at the value', async () => {
    const files = memoryFiles({
      'data/a.json': '[\n  {"k": "x", "n": "1,5"},\n  {"k": "x", "n": 2}\n]',
      'data/b.ndjson': '{"k": 1}\n{"k": "y"}\n',
    });
    const schema = (type: string) => ({ key: 'k', decimal: ',', columns: { k: { type }, n: { type: 'number' } } });
    const { datasets, messages } = await load(files, { a: { schema: schema('string') }, b: { schema: schema('integer') } });
    expect(datasets.get('a')?.rows).toEqual([{ k: 'x', n: 1.5 }, { k: 'x', n: 2 }]);
    expect(messages.map((m) => [m.file, m.place, m.reason])).toEqual([
      ['brief/data/a.json', { line: 3, column: 9 }, catalogue.dataInvalid('a', 'k', 'duplicate key "x" (first on line 2)').reason],
      ['brief/data/b.ndjson', { line: 1, column: 1 }, catalogue.dataColumnAbsent('b', 'n', ['k']).reason],
      ['brief/data/b.ndjson', { line: 2, column: 7 }, catalogue.dataInvalid('b', 'k', '"y" is not an integer').reason],
    ]);
  });
});

describe('streamed and whole-text reads', () => {
  it('give the same dataset and messages', async () => {
    const entries = { 'data/r.csv': '\ufeffa,b\n1,"x\ny"\n\nnope,2\n' };
    const declarations = { r: { schema: { columns: { a: { type: 'integer' } } } } };
    const streamed = await load(memoryFiles(entries), declarations);
    const { openStream: _stream, ...textOnly } = memoryFiles(entries);
    const whole = await load(textOnly, declarations);
    expect(streamed).toEqual(whole);
    expect(whole.messages).toEqual([expect.objectContaining({ place: { line: 5, column: 1 } })]);
  });
});

describe('files in data/ that are not record sets', () => {
  it('leaves maps, images and notes to the charts, and warns about anything else', async () => {
    const { datasets, messages } = await load(
      memoryFiles({
        'data/r.csv': 'a\n1\n',
        'data/world.topojson': '{"type": "Topology", "objects": {}, "arcs": []}',
        'data/us.json': '{"type": "Topology", "objects": {}, "arcs": []}',
        'data/logo.png': new Uint8Array([137, 80, 78, 71]),
        'data/README.md': '# Sources',
        'data/sales.xlsx': 'PK',
      }),
    );
    expect([...datasets.keys()]).toEqual(['r']);
    expect(messages.map((m) => [m.file, m.ruleId, m.severity, m.reason])).toEqual([
      ['brief/data/sales.xlsx', 'data-file-ignored', 'warning', catalogue.dataFileIgnored('data/sales.xlsx').reason],
    ]);
  });

  it('keeps nested JSON values as written, for charts, and as JSON text in cells', async () => {
    const { datasets } = await load(memoryFiles({ 'data/w.json': '[{"id": 1, "record": {"low": 2, "high": 5}}, {"id": 2, "record": null}]' }));
    const w = datasets.get('w');
    const [first, second] = w?.rows ?? [];
    expect(first).toEqual({ id: 1, record: '{"low":2,"high":5}' });
    expect(first && w?.nested?.get(first)).toEqual({ record: { low: 2, high: 5 } });
    expect(second && w?.nested?.get(second)).toBeUndefined();
  });
});
