import type { Datasets } from '../data/dataset.js';
import type { PeriodContext } from '../params/params-stage.js';
import type { Meta } from '../frontmatter/meta-schema.js';
import type { ProseSource } from '../load/load-briefing.js';
import type { MessageLog } from '../../messages/message-log.js';
import { evaluateProse, type PreparedProseCache, type ProseOutput } from './evaluate-prose.js';
import type { HelperPlugin } from './helper-api.js';

export interface ProseContext {
  meta: Meta;
  datasets: Datasets;
  params: Record<string, unknown>;
  /** The briefing's period (`{{period.label}}`), null when it has none. */
  period: PeriodContext | null;
  helpers: readonly HelperPlugin[];
  /** Texts prepared by earlier renders (parsed, checked, compiled), handed in by the caller. */
  prepared?: PreparedProseCache | undefined;
}

/** The object the narrative's `{{…}}` expressions see. Optional keys are present as null so strict lookups of them work. */
export function templateContext(ctx: ProseContext): { meta: unknown; data: unknown; params: unknown; period: unknown } {
  const meta = { subtitle: null, date: null, summary: null, classification: null, slug: null, ...ctx.meta };
  const data = Object.fromEntries([...ctx.datasets].map(([name, d]) => [name, d.rows]));
  return { meta, data, params: ctx.params, period: ctx.period };
}

/** One narrative file after templating: plain Markdown, with the way back to the author's file. */
export interface ProseText extends ProseOutput {
  /** Display path for messages. */
  file: string;
}

/** Templating (Markdown as Handlebars) for each file of the narrative; the markdown stage parses the result. */
export function proseStage(sources: readonly ProseSource[], ctx: ProseContext, log: MessageLog): ProseText[] {
  const context = templateContext(ctx);
  return sources.map((source) => {
    const { markdown, placeOf } = evaluateProse(
      { text: source.text, file: source.file, firstLine: source.firstLine, context, lang: ctx.meta.lang, datasets: ctx.datasets, helpers: ctx.helpers },
      log,
      ctx.prepared,
    );
    return { file: source.file, markdown, placeOf };
  });
}
