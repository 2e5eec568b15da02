import { appendFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDatasets } from '../../../src/pipeline/data/load-datasets.js';
import type { BriefingFiles } from '../../../src/edges/files/briefing-files.js';
import { diskFiles } from '../../../src/edges/files/disk-files.js';
import { MessageLog } from '../../../src/messages/message-log.js';

const ROWS = 100_000;
const ORGS = ['DeepSeek', 'Alibaba', 'Baidu', 'Tencent', 'Moonshot'];

const temp = mkdtempSync(join(tmpdir(), 'briefsmith-large-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Full garbage collection: `global.gc` under --expose-gc, else V8's own gc function fetched at run time. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  // The trick jest's leak detector uses: the flag makes a fresh context define `gc`.
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** JS heap plus memory outside it (Buffers); `external` already includes `arrayBuffers`. */
function liveBytes(): number {
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

const day = (i: number): string => new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
const grouped = (n: number): string => n.toLocaleString('en-US');

/** ~7 MB: id, date, org, a quoted number with thousands separators, a share and a note. */
function writeLargeCsv(dir: string): number {
  const path = join(dir, 'data/big.csv');
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(path, 'id,date,org,downloads,share,note\n');
  for (let start = 0; start < ROWS; start += 10_000) {
    let block = '';
    for (let i = start; i < start + 10_000; i++) {
      block += `${i + 1},${day(i)},${ORGS[i % ORGS.length]},"${grouped((i * 7919) % 9_000_000)}",${(i % 1000) / 1000},Release note ${i} for model line ${i % 97}\n`;
    }
    appendFileSync(path, block);
  }
  writeFileSync(
    join(dir, 'data/big.schema.json'),
    JSON.stringify({
      key: 'id',
      thousands: ',',
      columns: {
        id: { type: 'integer', required: true, min: 1 },
        date: { type: 'date', required: true },
        org: { type: 'string', values: ORGS },
        downloads: { type: 'number', min: 0 },
        share: { type: 'number', min: 0, max: 1 },
        note: { type: 'string' },
      },
    }),
  );
  return statSync(path).size;
}

describe('a 100,000-row CSV', () => {
  it('streams through the schema check without holding the file text', async () => {
    const fileBytes = writeLargeCsv(temp);
    const gc = collector();
    const disk = diskFiles(temp);
    let chunks = 0;
    let peak = 0;
    // The same disk files, measuring live memory (after a full collection) as chunks arrive.
    const files: BriefingFiles = {
      ...disk,
      openStream: (path) => {
        const measure = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            // A full collection costs ~0.1–0.2 s in a test worker, so sample every eighth chunk (~15 samples).
            if (++chunks % 8 === 0) {
              gc();
              peak = Math.max(peak, liveBytes());
            }
            done(null, chunk);
          },
        });
        return disk.openStream?.(path)?.pipe(measure);
      },
    };
    const log = new MessageLog();
    gc();
    const before = liveBytes();
    const started = performance.now();
    const datasets = await loadDatasets(files, {}, log);
    const seconds = (performance.now() - started) / 1000;
    gc();
    const retained = liveBytes() - before;
    const peakGrowth = peak - before;

    const big = datasets.get('big');
    expect(log.messages).toEqual([]);
    expect(big?.rows).toHaveLength(ROWS);
    expect(big?.rows[ROWS - 1]).toEqual({
      id: ROWS,
      date: day(ROWS - 1),
      org: ORGS[(ROWS - 1) % ORGS.length],
      downloads: ((ROWS - 1) * 7919) % 9_000_000,
      share: 0.999,
      note: `Release note ${ROWS - 1} for model line ${(ROWS - 1) % 97}`,
    });
    expect(big?.rowPlaces[ROWS - 1]).toEqual({ line: ROWS + 1, column: 1 });
    const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
    console.log(
      `100k rows: file ${mb(fileBytes)}, ${chunks} chunks, ${seconds.toFixed(2)} s; live memory growth: peak during load ${mb(peakGrowth)}, retained rows ${mb(retained)}`,
    );
    // The file arrived in many chunks, so it was streamed rather than read whole.
    expect(chunks).toBeGreaterThan(50);
    // While loading, live memory may hold the rows built so far (at most the retained rows) plus a
    // chunk and a record or two. Holding the file's text as well would add at least its size (one
    // byte per ASCII character in V8, twice that as UTF-16 or as a Buffer plus its string), so the
    // bound "rows + half the file" is exceeded by any load that keeps the text next to the rows.
    expect(peakGrowth).toBeLessThan(retained + fileBytes / 2);
  });
});
