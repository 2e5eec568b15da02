/** At most `size` tasks at once; the others wait their turn in order of arrival. */
export interface Slots {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * Bounds the PDFs printing at once to the tabs the machine can keep busy, independently of how
 * many jobs are in flight: a batch runs one job more than it has print tabs, so the next
 * briefing is rendered in Node while Chromium prints the others, instead of every tab waiting
 * for a render to finish before it prints again.
 */
export function slots(size: number): Slots {
  let free = Math.max(1, size);
  const waiting: Array<() => void> = [];
  return {
    async run(task) {
      if (free > 0) free -= 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        // Hand the slot straight to the next waiting task, or give it back.
        const next = waiting.shift();
        if (next) next();
        else free += 1;
      }
    },
  };
}
