import { z } from 'zod';

/**
 * Layout options a template sets in `template.json` (`"options": {…}`) and a briefing may override
 * in front matter (same keys, top level). They choose what the page is made of, not how it looks.
 */
export const layoutOptionsSchema = z.strictObject({
  /** Which divisions start a new printed page: none; the back matter (Sources); every `##` section too. */
  sectionBreaks: z.enum(['none', 'major', 'all']).optional(),
  /** A cover page; without it, a title block opens page 1. */
  cover: z.boolean().optional(),
  /** A contents page: always, never, or `auto` (≥ 4 sections, or more than 4 printed pages). */
  contents: z.union([z.literal('auto'), z.boolean()]).optional(),
});

export type LayoutOptionsInput = z.output<typeof layoutOptionsSchema>;

export interface LayoutOptions {
  sectionBreaks: 'none' | 'major' | 'all';
  cover: boolean;
  contents: 'auto' | boolean;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = { sectionBreaks: 'major', cover: true, contents: 'auto' };

/** With `contents: auto`, this many `##` sections always get a contents page; fewer leave it to the printer. */
export const CONTENTS_MIN_SECTIONS = 4;

/** Later layers win, key by key: defaults → template chain → front matter. */
export function resolveLayoutOptions(...layers: ReadonlyArray<LayoutOptionsInput | undefined>): LayoutOptions {
  const resolved = { ...DEFAULT_LAYOUT_OPTIONS };
  for (const layer of layers) {
    if (layer?.sectionBreaks !== undefined) resolved.sectionBreaks = layer.sectionBreaks;
    if (layer?.cover !== undefined) resolved.cover = layer.cover;
    if (layer?.contents !== undefined) resolved.contents = layer.contents;
  }
  return resolved;
}

/**
 * Whether the page carries a contents block. `auto` with few sections leaves it to the printer
 * (`data-contents="auto"`), which keeps it only when the document without it would print on more
 * than 4 pages (`CONTENTS_PAGES_THRESHOLD` in src/edges/pdf/print-plan.ts).
 */
export function contentsPlan(option: LayoutOptions['contents'], sectionCount: number): { show: boolean; byPages: boolean } {
  if (option === true) return { show: true, byPages: false };
  if (option === false) return { show: false, byPages: false };
  return sectionCount >= CONTENTS_MIN_SECTIONS ? { show: true, byPages: false } : { show: true, byPages: true };
}
