import { isScalar, parseDocument, Scalar } from 'yaml';
import type { Meta } from '../frontmatter/meta-schema.js';
import { LineIndex } from '../../messages/line-index.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { Place } from '../../messages/message.js';
import { evaluateProse } from './evaluate-prose.js';
import { templateContext, type ProseContext } from './prose-stage.js';

/** Front matter texts that are Handlebars templates, so each period and variant has its own cover, PDF Title and archive line. */
export const TEMPLATED_KEYS = ['title', 'subtitle', 'summary', 'headline'] as const;

export type TemplatedKey = (typeof TEMPLATED_KEYS)[number];

export interface FrontMatterSource {
  /** The YAML between the fences, as written. */
  yaml: string;
  /** `brief.md` as shown in messages. */
  file: string;
}

/**
 * Evaluates `title`, `subtitle`, `summary` and `headline` like the narrative — strict, with the
 * same helpers, `params` and `period` — and returns them as plain text. A mistake is reported at
 * its place inside the front matter value. Keys without `{{` are returned as written.
 */
export function evaluateFrontMatterTexts(
  meta: Meta,
  source: FrontMatterSource,
  ctx: ProseContext,
  log: MessageLog,
): Pick<Meta, TemplatedKey> {
  const starts = lazyStarts(source.yaml);
  const out: Partial<Record<TemplatedKey, string>> = {};
  for (const key of TEMPLATED_KEYS) {
    const text = meta[key];
    if (text === undefined) continue;
    out[key] = text.includes('{{') ? evaluateText(text, source.file, starts()(key), ctx, log) : text;
  }
  return out as Pick<Meta, TemplatedKey>;
}

function evaluateText(text: string, file: string, start: Place, ctx: ProseContext, log: MessageLog): string {
  const { markdown } = evaluateProse(
    {
      text, file, firstLine: start.line, firstColumn: start.column,
      context: templateContext(ctx), lang: ctx.meta.lang, datasets: ctx.datasets, helpers: ctx.helpers,
    },
    log,
    ctx.prepared,
  );
  // The evaluation escaped values for Markdown; these texts are plain, so the escapes go again.
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1').trim();
}

/**
 * Where each key's text starts in `brief.md`: after the opening quote of a quoted value, on the
 * line after `>`/`|` of a block value. (Folded lines are joined, so places after the first line of
 * a block value are approximate.) Parsed only when a templated value needs a place.
 */
function lazyStarts(yaml: string): () => (key: TemplatedKey) => Place {
  let found: ((key: TemplatedKey) => Place) | undefined;
  return () =>
    (found ??= (() => {
      const doc = parseDocument(yaml);
      const index = new LineIndex(yaml);
      // The YAML starts on line 2 of brief.md, after the opening fence.
      const place = (offset: number): Place => {
        const p = index.place(offset);
        return { line: p.line + 1, column: p.column };
      };
      return (key) => {
        const node = doc.get(key, true);
        if (!isScalar(node) || !node.range) return { line: 2, column: 1 };
        const start = node.range[0];
        if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) return place(start + 1);
        if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
          const next = yaml.indexOf('\n', start) + 1;
          const indent = /^[ \t]*/.exec(yaml.slice(next))?.[0].length ?? 0;
          return place(next + indent);
        }
        return place(start);
      };
    })());
}
