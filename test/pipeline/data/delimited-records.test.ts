import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readDelimitedStream, readDelimitedText, type Delimiter, type TextRecord } from '../../../src/pipeline/data/delimited-records.js';
import type { Place } from '../../../src/messages/message.js';

interface Seen {
  cells: string[];
  line: number;
  places: Place[];
}

const seen = (records: TextRecord[]): Seen[] => records.map((r) => ({ cells: r.cells, line: r.line, places: r.cells.map((_, i) => r.cellPlace(i)) }));

function fromText(text: string, delimiter: Delimiter = ','): Seen[] {
  const records: TextRecord[] = [];
  readDelimitedText(text, delimiter, (r) => records.push(r));
  return seen(records);
}

/** Streams the text one byte at a time, so every cell and every UTF-8 character is split across chunks. */
async function fromBytes(text: string, delimiter: Delimiter = ','): Promise<Seen[]> {
  const bytes = Buffer.from(text);
  const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
  const records: TextRecord[] = [];
  await readDelimitedStream(Readable.from(chunks, { objectMode: false }), delimiter, (r) => records.push(r));
  return seen(records);
}

const at = (line: number, column: number): Place => ({ line, column });

describe('delimited records', () => {
  const text = '\ufeffcity,note,n\n北京,"two\nlines, one ""quote""",1\n\n"x",  y,"3"\n';
  const expected: Seen[] = [
    { cells: ['city', 'note', 'n'], line: 1, places: [at(1, 1), at(1, 6), at(1, 11)] },
    { cells: ['北京', 'two\nlines, one "quote"', '1'], line: 2, places: [at(2, 1), at(2, 4), at(3, 23)] },
    { cells: ['x', '  y', '3'], line: 5, places: [at(5, 1), at(5, 5), at(5, 9)] },
  ];

  it('knows the line of each record and the column of each cell (quote included), past a BOM and blank lines', () => {
    expect(fromText(text)).toEqual(expected);
  });

  it('streams to the same records, whatever the chunk boundaries', async () => {
    expect(await fromBytes(text)).toEqual(expected);
  });

  it('counts \\r\\n and \\r as one line end, in records and inside quoted cells', async () => {
    const crlf = 'a,b\r\n1,"x\r\ny"\r\n\r\n2,z\r3,w';
    const records = [
      { cells: ['a', 'b'], line: 1, places: [at(1, 1), at(1, 3)] },
      { cells: ['1', 'x\r\ny'], line: 2, places: [at(2, 1), at(2, 3)] },
      { cells: ['2', 'z'], line: 5, places: [at(5, 1), at(5, 3)] },
      { cells: ['3', 'w'], line: 6, places: [at(6, 1), at(6, 3)] },
    ];
    expect(fromText(crlf)).toEqual(records);
    expect(await fromBytes(crlf)).toEqual(records);
  });

  it('reads TSV, and points a short row’s missing cell at the record', () => {
    const [, row] = fromText('a\tb\tc\n"1\t2"\t3\n', '\t');
    expect(row?.cells).toEqual(['1\t2', '3']);
    expect(row?.places).toEqual([at(2, 1), at(2, 7)]);
  });

  it('raises a quote that is never closed at the line its record starts', async () => {
    const broken = 'a,b\n1,2\n\n3,"4\n5\n';
    expect(() => fromText(broken)).toThrow(expect.objectContaining({ line: 4, message: 'a quoted cell starting in this record is never closed' }));
    await expect(fromBytes(broken)).rejects.toMatchObject({ line: 4 });
  });
});
