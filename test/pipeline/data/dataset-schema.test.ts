import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasets } from '../../../src/pipeline/data/load-datasets.js';
import { diskFiles } from '../../../src/edges/files/disk-files.js';
import { catalogue } from '../../../src/messages/catalogue.js';
import { formatMessage } from '../../../src/messages/format-message.js';
import { MessageLog } from '../../../src/messages/message-log.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/data');

async function load(folder: string) {
  const log = new MessageLog();
  const datasets = await loadDatasets(diskFiles(join(FIXTURES, folder), `f/${folder}`), {}, log);
  return { datasets, messages: log.messages, lines: log.messages.map(formatMessage) };
}

const invalid = (dataset: string, column: string, detail: string) => catalogue.dataInvalid(dataset, column, detail).reason;

describe('dataset schemas from sidecar files', () => {
  it('reports every rule broken in data/releases.csv at the cell (sidecar YAML schema)', async () => {
    const { messages } = await load('checked');
    const releases = messages.filter((m) => m.file === 'f/checked/data/releases.csv').map((m) => [m.place?.line, m.place?.column, m.reason]);
    expect(releases).toEqual([
      [2, 26, invalid('releases', 'downloads', '1200000 is above the maximum 1000000')],
      [4, 25, invalid('releases', 'downloads', '"12x" is not a number')],
      [5, 1, invalid('releases', 'model', 'missing required value')],
      [5, 4, invalid('releases', 'lab', '"Mistral" is not one of the allowed values: "DeepSeek", "Meta", "Qwen"')],
      [5, 12, invalid('releases', 'date', '"2026-02-30" is not a date (expected YYYY-MM-DD, a real calendar day)')],
      [5, 23, invalid('releases', 'downloads', '"12,34" is not a number')],
      [5, 31, invalid('releases', 'open', '"maybe" is not a boolean (expected true or false)')],
      [7, 1, invalid('releases', 'model', 'duplicate key model = "R1", version = 1 (first on line 2)')],
      [8, 6, invalid('releases', 'version', '0 is below the minimum 1')],
      [8, 24, invalid('releases', 'downloads', '-1 is below the minimum 0')],
      [8, 27, invalid('releases', 'open', '"yes" is not a boolean (expected true or false)')],
      [10, 7, invalid('releases', 'version', '"1.5" is not an integer')],
      [10, 27, invalid('releases', 'downloads', '"1,0000" is not a number')],
    ]);
  });

  it('prints them as file:line:column: error: dataset, column: detail [data-invalid]', async () => {
    const { lines } = await load('checked');
    expect(lines).toContain('f/checked/data/releases.csv:4:25: error: dataset "releases", column "downloads": "12x" is not a number [data-invalid]');
  });

  it('types declared columns by the schema and keeps the plain typing for the others', async () => {
    const { datasets } = await load('checked');
    const releases = datasets.get('releases');
    expect(releases?.rows[1]).toEqual({ model: 'V3', version: 1, lab: 'DeepSeek', date: '2024-12-26', downloads: 80500.5, open: true, note: null });
    expect(releases?.rows[6]).toEqual({ model: 'Qwen', version: 2, lab: 'Qwen', date: '2025-09-02', downloads: 3000, open: null, note: null });
    // Rows with an error still load (with today's typing) so later stages can report their own problems.
    expect(releases?.rows).toHaveLength(8);
    expect(releases?.rows[3]).toMatchObject({ model: null, date: '2026-02-30', downloads: '12,34', note: 'multi\nline note' });
    // The record with a quoted line break takes lines 5 and 6.
    expect(releases?.rowPlaces.map((p) => p.line)).toEqual([2, 3, 4, 5, 7, 8, 9, 10]);
  });

  it('reads numbers with the declared thousands and decimal separators only (sidecar JSON schema, TSV)', async () => {
    const { datasets, messages } = await load('checked');
    expect(datasets.get('prices')?.rows.slice(0, 3)).toEqual([
      { lab: 'DeepSeek', price: 0.55, tokens: 1_000_000 },
      { lab: 'Meta', price: 1234.5, tokens: 12 },
      { lab: 'Qwen', price: 1234.5, tokens: 2000 },
    ]);
    const prices = messages.filter((m) => m.file === 'f/checked/data/prices.tsv').map((m) => [m.place?.line, m.place?.column, m.reason]);
    expect(prices).toEqual([
      [5, 5, invalid('prices', 'price', '"0.55" is not a number')],
      [5, 10, invalid('prices', 'tokens', '"1000.000" is not an integer')],
    ]);
  });

  it('reports declared columns missing from the header at line 1', async () => {
    const { messages } = await load('checked');
    const missing = messages.filter((m) => m.file === 'f/checked/data/missing.csv');
    const header = ['model', 'downloads'];
    expect(missing.map((m) => [m.place, m.severity, m.reason])).toEqual([
      [{ line: 1, column: 1 }, 'error', catalogue.dataColumnMissing('missing', 'id', 'key', header).reason],
      [{ line: 1, column: 1 }, 'error', catalogue.dataColumnMissing('missing', 'date', 'required', header).reason],
      [{ line: 1, column: 1 }, 'warning', catalogue.dataColumnAbsent('missing', 'lab', header).reason],
    ]);
  });

  it('never loads a sidecar as a dataset', async () => {
    const { datasets } = await load('checked');
    expect([...datasets.keys()].sort()).toEqual(['missing', 'prices', 'releases']);
  });
});

describe('invalid sidecar schemas', () => {
  it('reports shape errors at their place in the sidecar JSON', async () => {
    const { messages } = await load('bad-schema');
    const x = messages.filter((m) => m.file === 'f/bad-schema/data/x.schema.json').map((m) => [m.place?.line, m.place?.column, m.reason]);
    expect(x).toEqual([
      [3, 20, expect.stringMatching(/^schema of dataset "x": columns\.a\.type: Invalid option: expected one of "string"\|"number"/)],
      [4, 30, catalogue.dataSchemaInvalid('x', 'columns.b: unknown key "requird"').reason],
      [6, 3, catalogue.dataSchemaInvalid('x', 'unknown key "separator"').reason],
    ]);
  });

  it('reports rules a schema cannot keep at their place in the sidecar YAML', async () => {
    const { messages } = await load('bad-schema');
    const y = messages.filter((m) => m.file === 'f/bad-schema/data/y.schema.yaml').map((m) => [m.place?.line, m.place?.column, m.reason]);
    expect(y).toEqual([
      [1, 12, catalogue.dataSchemaInvalid('y', '"." cannot be both the thousands and the decimal separator').reason],
      [3, 27, catalogue.dataSchemaInvalid('y', '"min" applies to number and integer columns; column "a" is string').reason],
      [4, 35, catalogue.dataSchemaInvalid('y', 'allowed value 2.5 is not an integer (column "b")').reason],
    ]);
  });

  it('reports broken JSON, and a schema without a dataset', async () => {
    const { messages, datasets } = await load('bad-schema');
    expect(messages.find((m) => m.file === 'f/bad-schema/data/w.schema.json')).toMatchObject({
      ruleId: 'data-schema-invalid',
      place: { line: 1, column: 18 },
    });
    expect(messages.find((m) => m.file === 'f/bad-schema/data/z.schema.yml')).toMatchObject({
      severity: 'warning',
      reason: catalogue.dataSchemaOrphan('z').reason,
      place: { line: 1, column: 1 },
    });
    // An unusable schema checks nothing: the data loads with the plain typing (the error fails the build).
    expect(datasets.get('x')?.rows).toEqual([{ a: 1, b: 2 }]);
  });
});
