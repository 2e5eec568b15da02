/**
 * The pipeline, declared once. `runStages` runs exactly this list, in this order; the names are
 * the keys of the timings and the context of an error that escapes a stage.
 *
 *   load → frontmatter → template → data → params → queries → prose → markdown → charts → html → layout   (→ pdf → publish)
 *
 * load reads the briefing folder through `BriefingFiles`; everything after it is a transform of
 * what was read, each stage returning new values; printing and publishing sit after the pipeline.
 */
import { InternalError } from '../messages/errors.js';

export const STAGES = ['load', 'frontmatter', 'template', 'data', 'params', 'queries', 'prose', 'markdown', 'charts', 'html', 'layout'] as const;

export type StageName = (typeof STAGES)[number];

/** Milliseconds per stage, in the order the stages ran. */
export type Timings = Partial<Record<StageName, number>>;

/** What a stage returns when the run cannot go on (no `brief.md`, no template, errors before layout). */
export const STOP = Symbol('stop');

/** The stages declared before `stage`, as a union of names. */
type Earlier<Stage extends StageName, Rest extends readonly StageName[] = typeof STAGES> = Rest extends readonly [
  infer First extends StageName,
  ...infer Others extends readonly StageName[],
]
  ? First extends Stage
    ? never
    : First | Earlier<Stage, Others>
  : never;

type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** What a stage may read: everything the stages declared before it produced. */
export type StateBefore<Outputs extends Record<StageName, object>, Stage extends StageName> = Readonly<Intersection<Outputs[Earlier<Stage>]>>;

/** Everything the stages produced, as far as the run got. */
export type StageState<Outputs extends Record<StageName, object>> = Partial<Intersection<Outputs[StageName]>>;

/**
 * One function per stage name. Each reads the state the earlier stages produced (the type
 * enforces the declared order) and returns what it adds, or `STOP`.
 */
export type StageTable<Outputs extends Record<StageName, object>, Context> = {
  [Stage in StageName]: (
    state: StateBefore<Outputs, Stage>,
    context: Context,
  ) => Outputs[Stage] | typeof STOP | Promise<Outputs[Stage] | typeof STOP>;
};

/** A failure that is not a content problem (those are messages), named by the stage it escaped from. */
export class StageError extends InternalError {
  constructor(
    readonly stage: StageName,
    cause: unknown,
  ) {
    super(`${stage} stage`, cause);
    this.name = 'StageError';
  }
}

export interface StageRun<Outputs extends Record<StageName, object>> {
  state: StageState<Outputs>;
  timings: Timings;
  /** The stage that stopped the run, if one did. */
  stoppedAt: StageName | undefined;
}

/**
 * Runs the stages in declared order, timing each with the injected clock (performance.now in the
 * CLI; output never depends on it). Each stage's additions are merged into a new state object, so
 * no stage sees another's changes except through what it returned.
 */
export async function runStages<Outputs extends Record<StageName, object>, Context>(
  table: StageTable<Outputs, Context>,
  context: Context,
  now: () => number,
): Promise<StageRun<Outputs>> {
  let state: Record<string, unknown> = {};
  const timings: Timings = {};
  for (const stage of STAGES) {
    const run = table[stage] as (state: unknown, context: Context) => object | typeof STOP | Promise<object | typeof STOP>;
    const start = now();
    let added: object | typeof STOP;
    try {
      added = await run(state, context);
    } catch (error) {
      throw new StageError(stage, error);
    } finally {
      timings[stage] = now() - start;
    }
    if (added === STOP) return { state: state as StageState<Outputs>, timings, stoppedAt: stage };
    state = { ...state, ...added };
  }
  return { state: state as StageState<Outputs>, timings, stoppedAt: undefined };
}
