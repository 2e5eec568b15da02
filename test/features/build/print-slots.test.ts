import { describe, expect, it } from 'vitest';
import { slots } from '../../../src/features/build/print-slots.js';
import { runPool } from '../../../src/features/build/run-pool.js';

describe('print slots', () => {
  it('keeps at most `size` tasks running while more jobs are in flight, in order of arrival, through failures', async () => {
    const printing = slots(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await runPool([0, 1, 2, 3, 4, 5, 6], 3, (n) =>
      printing
        .run(async () => {
          started.push(n);
          running += 1;
          most = Math.max(most, running);
          await new Promise((resolve) => setImmediate(resolve));
          running -= 1;
          if (n === 3) throw new Error('print failed');
          return n * 10;
        })
        .catch((e: Error) => e.message),
    );
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results).toEqual([0, 10, 20, 'print failed', 40, 50, 60]);
  });
});
