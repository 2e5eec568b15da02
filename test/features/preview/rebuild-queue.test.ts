import { describe, expect, it } from 'vitest';
import { RebuildQueue } from '../../../src/features/preview/rebuild-queue.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A rebuild that takes `ms` and records how many ran at once. */
function slowBuild(ms: number) {
  const stats = { runs: 0, active: 0, maxActive: 0 };
  const build = async () => {
    stats.runs++;
    stats.active++;
    stats.maxActive = Math.max(stats.maxActive, stats.active);
    await tick(ms);
    stats.active--;
  };
  return { stats, build };
}

describe('RebuildQueue', () => {
  it('debounces a burst of changes into one rebuild', async () => {
    const { stats, build } = slowBuild(5);
    const queue = new RebuildQueue(build, 20);
    for (let i = 0; i < 5; i++) {
      queue.schedule();
      await tick(2);
    }
    await tick(40);
    await queue.idle();
    expect(stats.runs).toBe(1);
  });

  it('never rebuilds concurrently, and a change during a rebuild queues exactly one more', async () => {
    // Each rebuild waits until the test lets it finish, so the outcome does not depend on how busy the machine is.
    const stats = { runs: 0, active: 0, maxActive: 0 };
    const gates: Array<() => void> = [];
    const build = async () => {
      stats.runs++;
      stats.active++;
      stats.maxActive = Math.max(stats.maxActive, stats.active);
      await new Promise<void>((finish) => gates.push(finish));
      stats.active--;
    };
    const queue = new RebuildQueue(build, 5);
    queue.now();
    for (let i = 0; i < 3; i++) {
      queue.schedule();
      await tick(10); // past the debounce: each change lands while the first rebuild still runs
    }
    expect(stats).toEqual({ runs: 1, active: 1, maxActive: 1 });
    gates.shift()?.();
    while (gates.length === 0) await tick(1); // the one queued rebuild starts
    gates.shift()?.();
    await queue.idle();
    expect(stats).toEqual({ runs: 2, active: 0, maxActive: 1 });
  });

  it('survives a failing rebuild and stops scheduling once closed', async () => {
    let runs = 0;
    const queue = new RebuildQueue(async () => {
      runs++;
      throw new Error('boom');
    }, 1);
    queue.now();
    await queue.idle();
    queue.schedule();
    await tick(10);
    await queue.idle();
    expect(runs).toBe(2);
    await queue.close();
    queue.schedule();
    queue.now();
    await tick(10);
    expect(runs).toBe(2);
  });
});
