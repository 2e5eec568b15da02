import { z } from 'zod';

/**
 * What front matter may say about publishing (`publish:`). It lives with the rest of the front
 * matter because the front matter is validated as a whole, before any feature runs; the publish
 * feature builds its full target schemas on these names and page titles.
 */
export const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
export const targetName = z.string().regex(TARGET_NAME, 'expected a target name of letters, digits, "-" and "_"');
export const pageTitle = z.string().min(1).max(255);

const credential = z
  .never({ error: 'credentials are named only in briefsmith.config.json, never in a briefing' })
  .optional();

/**
 * One target under `publish:`. Briefings are content, and content is not trusted with
 * credentials: it may place pages (or declare a target that needs none), but not name a secret.
 * Whether the whole target is valid is checked once merged with the config file.
 */
export const frontMatterTarget = z.strictObject({
  type: z.enum(['mediawiki', 'git', 'confluence']).optional(),
  api: z.string().optional(),
  url: z.string().optional(),
  user: z.string().optional(),
  email: z.string().optional(),
  flavor: z.string().optional(),
  branch: z.string().optional(),
  author: z.unknown().optional(),
  page: pageTitle.optional(),
  summary: z.string().optional(),
  message: z.string().optional(),
  space: z.string().optional(),
  parentId: z.union([z.string(), z.number()]).transform(String).optional(),
  assets: z.string().optional(),
  passwordEnv: credential,
  tokenEnv: credential,
});

export type FrontMatterTarget = z.output<typeof frontMatterTarget>;

/** `publish:` — target name → page placement. */
export const frontMatterPublish = z.record(targetName, frontMatterTarget);
