import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/messages/catalogue.js';
import { minimalBrief, renderMemory } from '../../support/render-folder.js';

const front = [
  'title: Checked data',
  'data:',
  '  rel:',
  '    schema:',
  '      key: model',
  '      thousands: ","',
  '      columns:',
  '        downloads: { type: number, required: true }',
].join('\n');

describe('a front-matter schema through renderBriefing', () => {
  it('types the cells the prose reads', async () => {
    const result = await renderMemory({
      'brief.md': minimalBrief('Total: {{num (sum "rel" "downloads")}} downloads.\n', front),
      'data/rel.csv': 'model,downloads\nR1,"1,200"\nV3,800\n',
    });
    expect(result.messages).toEqual([]);
    expect(result.html).toContain('Total: 2,000 downloads.');
  });

  it('fails the render with every bad cell at its place', async () => {
    const result = await renderMemory({
      'brief.md': minimalBrief('Rows: {{count "rel"}}.\n', front),
      'data/rel.csv': 'model,downloads\nR1,"1,200"\nV3,\nR1,"1,20"\n',
    });
    expect(result.html).toBeUndefined();
    expect(result.messages.map((m) => [m.file, m.place, m.reason])).toEqual([
      ['b/data/rel.csv', { line: 3, column: 4 }, catalogue.dataInvalid('rel', 'downloads', 'missing required value').reason],
      ['b/data/rel.csv', { line: 4, column: 1 }, catalogue.dataInvalid('rel', 'model', 'duplicate key "R1" (first on line 2)').reason],
      ['b/data/rel.csv', { line: 4, column: 4 }, catalogue.dataInvalid('rel', 'downloads', '"1,20" is not a number').reason],
    ]);
  });
});
