import { z } from 'zod';
import { pageTitle } from '../../../pipeline/frontmatter/publish-declarations.js';

// What a briefing's front matter may declare is part of the front-matter schema.
export { targetName, type FrontMatterTarget } from '../../../pipeline/frontmatter/publish-declarations.js';

/**
 * Publish targets, validated by one zod schema per kind (which also gives the types). A target
 * names the environment variables that hold its credentials, never the credentials themselves.
 */
const envName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the name of an environment variable, e.g. WIKI_BOT_PASSWORD');
const httpUrl = z
  .string()
  .regex(/^https?:\/\/[^\s/]+/, 'expected an http:// or https:// URL');
const author = z.strictObject({ name: z.string().min(1), email: z.string().min(1) });

export const mediawikiTarget = z.strictObject({
  type: z.literal('mediawiki'),
  /** The wiki's api.php, e.g. https://wiki.example.org/w/api.php */
  api: httpUrl,
  /** A bot password's user name, `User@app` (Special:BotPasswords). */
  user: z.string().min(1),
  passwordEnv: envName,
  /** Page title; default: the briefing's title. */
  page: pageTitle.optional(),
  /** Edit and upload summary. */
  summary: z.string().optional(),
});

export const gitTarget = z.strictObject({
  type: z.literal('git'),
  /** What `git clone` takes: https://github.com/org/repo.wiki.git, a path, a file:// URL. */
  url: z.string().min(1),
  /** Default: the branch the clone checks out. */
  branch: z.string().min(1).optional(),
  page: pageTitle.optional(),
  /** Folder (in the wiki repository) for charts and the PDF. */
  assets: z.string().regex(/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/, 'expected a relative folder such as "assets"').default('assets'),
  message: z.string().optional(),
  /** Commit author; default: $GIT_AUTHOR_NAME/$GIT_AUTHOR_EMAIL, else Briefsmith. */
  author: author.optional(),
  /** For https remotes: user name sent with the token (GitHub accepts any). */
  user: z.string().min(1).optional(),
  tokenEnv: envName.optional(),
});

export const confluenceTarget = z
  .strictObject({
    type: z.literal('confluence'),
    flavor: z.enum(['cloud', 'datacenter']),
    /** Cloud: https://example.atlassian.net (the /wiki prefix is added); Data Center: the base URL with its context path. */
    url: httpUrl,
    space: z.string().min(1),
    /** Id of the page to publish under; default: the top of the space. */
    parentId: z.string().regex(/^\d+$/, 'expected a page id (digits)').optional(),
    /** Cloud only: the Atlassian account the API token belongs to. */
    email: z.string().min(1).optional(),
    /** Cloud: an API token; Data Center: a personal access token. */
    tokenEnv: envName,
    page: pageTitle.optional(),
    message: z.string().optional(),
  })
  .refine((t) => t.flavor !== 'cloud' || t.email !== undefined, { message: 'Confluence Cloud needs "email" (the account of the API token)', path: ['email'] });

export const targetSchema = z.discriminatedUnion('type', [mediawikiTarget, gitTarget, confluenceTarget]);

export type PublishTarget = z.output<typeof targetSchema>;
export type MediawikiTarget = z.output<typeof mediawikiTarget>;
export type GitTarget = z.output<typeof gitTarget>;
export type ConfluenceTarget = z.output<typeof confluenceTarget>;

/** Keys a briefing may set for a target that briefsmith.config.json declares: where the page goes. */
export const PLACEMENT_KEYS = ['page', 'summary', 'message', 'space', 'parentId', 'assets'] as const;
