import { describe, expect, it } from 'vitest';
import { csvToResult, resultHash, resultToCsv } from '../../../src/edges/sql/results-csv.js';
import type { QueryResult } from '../../../src/edges/sql/query-engine.js';

describe('stored query results', () => {
  it('read back to exactly the same cells: text vs numbers, null vs empty text, quotes and newlines', () => {
    const result: QueryResult = {
      columns: ['name', 'say "hi"', 'n'],
      rows: [
        ['', null, 1.5],
        ['x,"y"\nz', true, -0.1],
        [null, false, 1e21],
        ['123', '2026-01-05', 0],
      ],
    };
    const csv = resultToCsv(result);
    expect(csv.split('\n')[0]).toBe('"name","say ""hi""","n"');
    expect(csvToResult(csv)).toEqual(result);
  });

  it('keep a one-column null apart from an empty text', () => {
    const result: QueryResult = { columns: ['n'], rows: [[null], [''], [3]] };
    expect(csvToResult(resultToCsv(result))).toEqual(result);
  });

  it('hash the stored bytes', () => {
    expect(resultHash('"a"\n1\n')).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(resultHash('"a"\n1\n')).not.toBe(resultHash('"a"\n2\n'));
  });
});
