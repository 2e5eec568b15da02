import type { TemplateConfig } from '../../pipeline/templates/template.js';

type Page = TemplateConfig['page'];

const SIZES_MM: Record<Page['size'], [number, number]> = { A4: [210, 297], Letter: [215.9, 279.4] };
const PX_PER_MM = 96 / 25.4;

/** A CSS length in mm, cm, in, pt or px → CSS px. */
export function toPx(length: string): number {
  const m = /^\s*(-?\d*\.?\d+)\s*(mm|cm|in|pt|px)?\s*$/.exec(length);
  if (!m) throw new Error(`cannot read the length "${length}" (use mm, cm, in, pt or px)`);
  const value = Number(m[1]);
  const factor = { mm: PX_PER_MM, cm: PX_PER_MM * 10, in: 96, pt: 96 / 72, px: 1 }[(m[2] ?? 'px') as 'mm'];
  return value * factor;
}

export interface PageGeometry {
  /** CSS that sets the paper size and margins (it wins over the theme's own @page rule). */
  css: string;
  /** The content box of one page, in CSS px: what a column must be to paginate like print. */
  contentWidth: number;
  contentHeight: number;
}

export function pageGeometry(page: Page): PageGeometry {
  const [w, h] = SIZES_MM[page.size];
  const { top, right, bottom, left } = page.margin;
  return {
    css: `@page { size: ${page.size}; margin: ${top} ${right} ${bottom} ${left}; }`,
    contentWidth: w * PX_PER_MM - toPx(left) - toPx(right),
    contentHeight: h * PX_PER_MM - toPx(top) - toPx(bottom),
  };
}
