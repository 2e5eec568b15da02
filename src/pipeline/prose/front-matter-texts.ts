import { isScalar, parseDocument } from 'yaml';
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
  const placers = lazyPlacers(source.yaml);
  const out: Partial<Record<TemplatedKey, string>> = {};
  for (const key of TEMPLATED_KEYS) {
    const text = meta[key];
    if (text === undefined) continue;
    if (!text.includes('{{')) {
      out[key] = text;
      continue;
    }
    // The front matter is parsed for places only when a message needs one, not on every render.
    let placeInValue: ((inText: Place) => Place) | undefined;
    out[key] = evaluateText(text, source.file, (inText) => (placeInValue ??= placers()(key, text))(inText), ctx, log);
  }
  return out as Pick<Meta, TemplatedKey>;
}

function evaluateText(text: string, file: string, placeInFile: (inText: Place) => Place, ctx: ProseContext, log: MessageLog): string {
  const { markdown } = evaluateProse(
    {
      text, file, firstLine: 1, placeInFile,
      context: templateContext(ctx), lang: ctx.meta.lang, datasets: ctx.datasets, helpers: ctx.helpers,
    },
    log,
    ctx.prepared,
  );
  // The evaluation escaped values for Markdown; these texts are plain, so the escapes go again.
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1').trim();
}

/**
 * For each key, a function from a place in its parsed value to the place in `brief.md` where that
 * character is written: through quotes and escapes, the indentation of block values, and the
 * line breaks a folded (`>`) or plain value joins into spaces. Parsed only when a templated
 * value needs a place.
 */
function lazyPlacers(yaml: string): () => (key: TemplatedKey, value: string) => (inText: Place) => Place {
  let found: ((key: TemplatedKey, value: string) => (inText: Place) => Place) | undefined;
  return () =>
    (found ??= (() => {
      const doc = parseDocument(yaml);
      const index = new LineIndex(yaml);
      // The YAML starts on line 2 of brief.md, after the opening fence.
      const place = (offset: number): Place => {
        const p = index.place(offset);
        return { line: p.line + 1, column: p.column };
      };
      return (key, value) => {
        const node = doc.get(key, true);
        if (!isScalar(node) || !node.range) return () => ({ line: 2, column: 1 });
        const offsets = alignValue(value, yaml, node.range[0], node.range[1]);
        const inValue = new LineIndex(value);
        return (inText) => place(offsets[Math.min(inValue.offset(inText), value.length)] ?? node.range?.[0] ?? 0);
      };
    })());
}

/**
 * Source offset of each character of a scalar's parsed `value` (plus one past its end), found by
 * walking the written text `yaml[start, end)` alongside it: a character is where it is next
 * written (after an escaping backslash, past a block header or indentation); a space or line
 * break of the value is the next whitespace of the source (a folded line break).
 */
function alignValue(value: string, yaml: string, start: number, end: number): number[] {
  const offsets: number[] = [];
  const opening = yaml[start] ?? '';
  // Past an opening quote, or past a block value's header line (`>-`, `|`).
  let j = opening === '"' || opening === "'" ? start + 1 : opening === '>' || opening === '|' ? yaml.indexOf('\n', start) + 1 || end : start;
  for (const c of value.split('')) {
    const white = /\s/.test(c);
    let k = j;
    while (k < end && (white ? !/\s/.test(yaml[k] ?? '') : yaml[k] !== c)) k++;
    if (k >= end) k = j; // an escape such as \u00e9 the walk cannot follow: keep the last place
    offsets.push(k);
    j = k + 1;
  }
  offsets.push(j);
  return offsets;
}
