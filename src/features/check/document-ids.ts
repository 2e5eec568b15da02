import type { RenderResult } from '../../pipeline/render-briefing.js';
import { labelsFor } from '../../pipeline/templates/labels.js';
import { layoutStage } from '../../pipeline/templates/layout-stage.js';
import { compileTemplate } from '../../pipeline/templates/render-template.js';

/**
 * Every id in the finished page: headings, figures, citation marks, sources and the template's
 * own landmarks. Read from the page itself, so a custom template's ids count too. When other
 * errors kept the pipeline from producing a page, the layout is rendered here from the narrative
 * it did produce, so links are still checked against what the page would hold.
 */
export function documentIds(result: RenderResult): Set<string> {
  const html = result.html ?? layoutWithoutPage(result);
  const drawn = new Set(result.figures.map((f) => f.number));
  // A chart that failed is not in the page, but its id is the author's: a link to it is a
  // follow-on of the chart's own error, not a second mistake.
  const failed = (result.internals?.requests ?? []).filter((r) => !drawn.has(r.number)).flatMap((r) => (r.id === undefined ? [] : [r.id]));
  const ids = new Set<string>([...result.headings.map((h) => h.id), ...result.figures.map((f) => f.id), ...failed]);
  if (html) for (const m of html.matchAll(/\sid="([^"]*)"/g)) ids.add(decodeAttribute(m[1] ?? ''));
  return ids;
}

function layoutWithoutPage(result: RenderResult): string | undefined {
  const narrative = result.internals?.narrative;
  if (!narrative || !result.meta || !result.template) return undefined;
  try {
    return layoutStage({
      meta: result.meta,
      narrative,
      figures: result.figures,
      labels: labelsFor(result.meta.lang),
      css: '',
      options: result.template.options,
      layout: compileTemplate(result.template).layout,
      fonts: undefined,
      generator: '',
    }).html;
  } catch {
    return undefined; // a failing layout is reported by the pipeline; headings and figures remain
  }
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>' };

function decodeAttribute(value: string): string {
  return value.replace(/&(amp|quot|#x27|#39|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}
