import type { Meta } from '../frontmatter/meta-schema.js';
import type { FontStore } from '../../edges/fonts/font-store.js';
import type { NarrativeHtml } from '../html/html-stage.js';
import { tocSections } from '../html/split-sections.js';
import type { PeriodContext } from '../params/params-stage.js';
import type { Labels } from './labels.js';
import { contentsPlan, resolveLayoutOptions, type LayoutOptionsInput } from './layout-options.js';
import type { TemplateRenderer } from './render-template.js';

export interface LayoutInput {
  meta: Meta;
  narrative: NarrativeHtml;
  figures: ReadonlyArray<{ id: string; number: number; caption: string }>;
  labels: Labels;
  css: string;
  /** The template's layout options; front matter overrides them key by key. */
  options: LayoutOptionsInput;
  layout: TemplateRenderer;
  fonts: FontStore | undefined;
  generator: string;
  params?: Readonly<Record<string, unknown>>;
  period?: PeriodContext | null;
}

const FONT_MARKER = '/*briefsmith:font-faces*/';

/**
 * Renders the template's layout, then embeds the font subsets the finished page needs. Also gives
 * the page's visible text, which the fonts were chosen for (the glyph check reads it too).
 */
export function layoutStage(input: LayoutInput): { html: string; text: string } {
  const { meta, narrative, labels } = input;
  const options = resolveLayoutOptions(input.options, meta);
  const context = {
    options,
    contents: contentsPlan(options.contents, narrative.sections.length),
    lang: meta.lang,
    meta: { ...meta, dateText: meta.date ? formatDate(meta.date, meta.lang) : undefined },
    labels,
    css: `${FONT_MARKER}\n${input.css}`,
    intro: narrative.intro,
    sections: narrative.sections,
    toc: { sections: tocSections(narrative.headings), figures: input.figures.map((f) => ({ id: f.id, number: f.number, caption: f.caption })) },
    sources: narrative.sources,
    generator: input.generator,
    params: input.params ?? {},
    period: input.period ?? null,
  };
  const html = input.layout(context);
  const text = visibleText(html);
  const faces = input.fonts ? input.fonts.faceCss(text, input.css) : '';
  return { html: html.replace(FONT_MARKER, faces), text };
}

export function formatDate(isoDate: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * Text a reader can see: markup, styles, scripts and embedded data removed (so a CSS comment does
 * not pull in a font). The JSON of live charts stays: its labels and values show in the chart
 * and its tooltips.
 */
export function visibleText(html: string): string {
  return html
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<script\b(?![^>]*\stype="application\/json")[^>]*>[\s\S]*?<\/script>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity) => decodeEntity(entity));
}

function decodeEntity(entity: string): string {
  const named: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&nbsp;': '\u00a0' };
  if (named[entity]) return named[entity];
  const code = entity.startsWith('&#x') ? parseInt(entity.slice(3), 16) : entity.startsWith('&#') ? parseInt(entity.slice(2), 10) : NaN;
  return Number.isFinite(code) ? String.fromCodePoint(code) : ' ';
}
