import { describe, expect, it } from 'vitest';
import { datasetName, parseDataset, typeCell } from '../../../src/pipeline/data/parse-dataset.js';
import { MessageLog } from '../../../src/messages/message-log.js';

const parse = (path: string, text: string) => {
  const log = new MessageLog();
  return { dataset: parseDataset(path, text, `b/${path}`, log), messages: log.messages };
};

describe('parseDataset', () => {
  it('reads CSV with typed cells and row lines (quoted newlines included)', () => {
    const { dataset } = parse('data/orgs.csv', 'org,y2025,note\nBaidu,104,"two\nlines"\nTencent,,plain\n');
    expect(dataset?.name).toBe('orgs');
    expect(dataset?.columns).toEqual(['org', 'y2025', 'note']);
    expect(dataset?.rows).toEqual([
      { org: 'Baidu', y2025: 104, note: 'two\nlines' },
      { org: 'Tencent', y2025: null, note: 'plain' },
    ]);
    expect(dataset?.rowPlaces).toEqual([{ line: 2, column: 1 }, { line: 4, column: 1 }]);
  });

  it('reads TSV, JSON arrays and NDJSON', () => {
    expect(parse('data/a.tsv', 'x\ty\n1\tb\n').dataset?.rows).toEqual([{ x: 1, y: 'b' }]);
    expect(parse('data/b.json', '[{"x": 1}, {"x": 2, "y": "z"}]').dataset?.columns).toEqual(['x', 'y']);
    const nd = parse('data/c.ndjson', '{"x":1}\n\n{"x":2}\n').dataset;
    expect(nd?.rows).toEqual([{ x: 1 }, { x: 2 }]);
    expect(nd?.rowPlaces).toEqual([{ line: 1, column: 1 }, { line: 3, column: 1 }]);
  });

  it('reports broken JSON and NDJSON at their place', () => {
    expect(parse('data/b.json', '[{"x": 1},\n {"x": }]').messages[0]).toMatchObject({ ruleId: 'data-parse', place: { line: 2, column: 8 } });
    expect(parse('data/b.json', '{"x": 1}').messages[0]).toMatchObject({ reason: 'dataset "b": a JSON data file must hold an array of records' });
    expect(parse('data/c.ndjson', '{"x":1}\n{x}\n').messages[0]).toMatchObject({ ruleId: 'data-parse', place: { line: 2, column: 1 } });
  });

  it('skips a BOM, reads \r\n line ends and reports a quote never closed at its record', () => {
    const { dataset } = parse('data/a.csv', '\ufeffx,y\r\n1,"a\r\nb"\r\n\r\n2,c\r\n');
    expect(dataset?.columns).toEqual(['x', 'y']);
    expect(dataset?.rows).toEqual([{ x: 1, y: 'a\r\nb' }, { x: 2, y: 'c' }]);
    expect(dataset?.rowPlaces).toEqual([{ line: 2, column: 1 }, { line: 5, column: 1 }]);
    const broken = parse('data/a.csv', 'x,y\n1,"open\n2,b\n');
    expect(broken.dataset).toBeUndefined();
    expect(broken.messages).toEqual([
      expect.objectContaining({ ruleId: 'data-parse', place: { line: 2, column: 1 }, reason: 'dataset "a": a quoted cell starting in this record is never closed' }),
    ]);
  });

  it('keeps dates and codes as text, numbers as numbers', () => {
    expect(typeCell('2025-01-20')).toBe('2025-01-20');
    expect(typeCell('-1.5e3')).toBe(-1500);
    expect(typeCell('1,234')).toBe('1,234');
    expect(typeCell('  ')).toBeNull();
    expect(datasetName('data/org.releases.csv')).toBe('org');
  });
});
