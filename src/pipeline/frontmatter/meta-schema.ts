import { z } from 'zod';
import { layoutOptionsSchema } from '../templates/layout-options.js';
import { dataDeclarationsSchema } from './data-declarations.js';
import { paramsSchema } from './param-declarations.js';
import { frontMatterPublish } from './publish-declarations.js';

/**
 * The one schema for a briefing's front matter. It validates the YAML and gives the TypeScript
 * type (`Meta`), so the two never drift apart. Unknown keys are errors: a typo such as `autors`
 * should not silently drop the authors.
 */
const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'));

const author = z.union([
  z.string().min(1).transform((name) => ({ name })),
  z.strictObject({ name: z.string().min(1), affiliation: z.string().optional(), email: z.string().optional() }),
]);

export const metaSchema = z.strictObject({
  title: z.string().min(1),
  subtitle: z.string().optional(),
  date: isoDate.optional(),
  authors: z.array(author).default([]),
  summary: z.string().optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a BCP 47 language tag such as "en" or "zh-CN"')
    .default('en'),
  template: z.string().min(1).default('briefing'),
  /** Layout options (see `layout-options.ts`); they override the template's `options`. */
  ...layoutOptionsSchema.shape,
  classification: z.string().optional(),
  keywords: z.array(z.string()).default([]),
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and dashes')
    .optional(),
  params: paramsSchema.default({}),
  data: dataDeclarationsSchema.default({}),
  /** Interactive HTML charts (tooltips, selections) with Vega's runtime inlined; `::chart{… interactive="false"}` opts one out. */
  interactive: z.boolean().default(false),
  /** A short line for the archive index, evaluated like the narrative, e.g. "{{num (sum "releases@current" "n")}} releases". */
  headline: z.string().optional(),
  /** Where `brief publish` may put this briefing: target name → page placement (see the README). */
  publish: frontMatterPublish.optional(),
});

export type Meta = z.output<typeof metaSchema>;
export type Author = Meta['authors'][number];
