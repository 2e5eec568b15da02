import { z } from 'zod';
import type { defaultChartTheme } from '../charts/chart-theme.js';
import type { HelperPlugin } from '../prose/helper-api.js';
import { layoutOptionsSchema, type LayoutOptionsInput } from './layout-options.js';

/** `template.json`: page setup for print and the chart theme that matches the CSS. */
export const templateConfigSchema = z.object({
  name: z.string().optional(),
  extends: z.string().optional(),
  page: z
    .object({
      size: z.enum(['A4', 'Letter']).default('A4'),
      margin: z
        .object({ top: z.string(), right: z.string(), bottom: z.string(), left: z.string() })
        .default({ top: '20mm', right: '18mm', bottom: '20mm', left: '18mm' }),
    })
    .default({ size: 'A4', margin: { top: '20mm', right: '18mm', bottom: '20mm', left: '18mm' } }),
  chart: z
    .object({
      fontFamily: z.string(),
      fontSize: z.number(),
      titleFontSize: z.number(),
      textColor: z.string(),
      mutedColor: z.string(),
      gridColor: z.string(),
      background: z.string(),
      palette: z.array(z.string()).min(1),
      width: z.number().positive(),
      height: z.number().positive(),
    })
    .partial()
    .default({}),
  options: layoutOptionsSchema.default({}),
});

export type TemplateConfig = z.output<typeof templateConfigSchema>;

/** The files of one template folder, as read (any part may be missing when it extends another). */
export interface TemplateParts {
  layout?: string;
  partials: Record<string, string>;
  css?: string;
  config?: unknown;
  helpers?: readonly HelperPlugin[];
}

/** A resolved template, ready to render a briefing. */
export interface Template {
  name: string;
  layout: string;
  partials: Record<string, string>;
  css: string;
  page: TemplateConfig['page'];
  chart: typeof defaultChartTheme;
  /** Layout options set by the template chain (front matter may override them). */
  options: LayoutOptionsInput;
  helpers: readonly HelperPlugin[];
}

/** Where named templates come from (the project's `templates/` folder on disk, or memory in tests). */
export interface TemplateLibrary {
  names(): string[];
  load(name: string): TemplateParts | undefined;
}
