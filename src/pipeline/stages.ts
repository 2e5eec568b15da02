/**
 * The pipeline, declared once. Stage names are used in logs, timings and error prefixes.
 *
 *   load → frontmatter → template → data → prose → markdown → charts → html → layout → (pdf → publish)
 *
 * load/frontmatter read the briefing folder through `BriefingFiles`; everything from `data` to
 * `layout` is a pure transform of what was loaded; printing and publishing sit at the edges.
 */
export const STAGES = ['load', 'frontmatter', 'template', 'data', 'prose', 'markdown', 'charts', 'html', 'layout'] as const;

export type StageName = (typeof STAGES)[number];

export type Timings = Partial<Record<StageName, number>>;

/** Times stages with an injected clock (performance.now in the CLI, a fake in tests). */
export class StageTimer {
  readonly timings: Timings = {};

  constructor(private readonly now: () => number) {}

  run<T>(stage: StageName, fn: () => T): T {
    const start = this.now();
    try {
      return fn();
    } finally {
      this.timings[stage] = (this.timings[stage] ?? 0) + this.now() - start;
    }
  }

  async runAsync<T>(stage: StageName, fn: () => Promise<T>): Promise<T> {
    const start = this.now();
    try {
      return await fn();
    } finally {
      this.timings[stage] = (this.timings[stage] ?? 0) + this.now() - start;
    }
  }
}
