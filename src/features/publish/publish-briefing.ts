import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { TEMPLATES_DIR } from '../../paths.js';
import { fontsourceStore } from '../../edges/fonts/font-store.js';
import { diskFiles } from '../../edges/files/disk-files.js';
import type { Message } from '../../messages/message.js';
import { renderBriefing } from '../../pipeline/render-briefing.js';
import { loadBriefing } from '../../pipeline/load/load-briefing.js';
import { MessageLog } from '../../messages/message-log.js';
import { archivedEngine } from '../../edges/sql/archived-results.js';
import { diskTemplateLibrary, loadTemplateHelpers } from '../../pipeline/templates/disk-template-library.js';
import { readConfigFile } from './config/config-file.js';
import { resolveTarget } from './config/resolve-target.js';
import type { PublishTarget } from './config/target-schema.js';
import { publishToConfluence } from './confluence/publish-confluence.js';
import { briefingToDocument } from './document/briefing-to-document.js';
import { publishToGitWiki } from './git/publish-git.js';
import type { HttpOptions } from './http/http-client.js';
import { publishToMediawiki } from './mediawiki/publish-mediawiki.js';
import type { PublishContext, PublishOutcome } from './publish-context.js';
import { PublishError } from './publish-error.js';
import { recordPath } from './record/publish-record.js';

export interface PublishOptions {
  dir: string;
  /** Target name (`--to`). */
  to: string;
  out: string;
  configPath: string;
  dryRun: boolean;
  force: boolean;
}

/** What the run may touch: the environment (credentials), the network, the terminal. */
export interface PublishEffects {
  env: Readonly<Record<string, string | undefined>>;
  log: (line: string) => void;
  secrets: Set<string>;
  http?: Pick<HttpOptions, 'fetch' | 'retry'>;
}

/** The briefing has content errors: nothing can be published until `brief build` succeeds. */
export class ContentErrors extends Error {
  constructor(readonly messages: readonly Message[]) {
    super('the briefing has errors');
    this.name = 'ContentErrors';
  }
}

/**
 * `brief publish`: publishes what `brief build` made. The briefing is rendered again (no
 * browser; SQL datasets are read from the results stored with the build) for the document tree
 * the wiki formats are made from; the built index.html must be byte-identical to that render, so
 * the wiki page, the charts and the PDF all come from the same sources. A missing or stale build stops the publish and says which command to run.
 */
export async function publishBriefing(options: PublishOptions, effects: PublishEffects): Promise<PublishOutcome> {
  const configured = readConfigFile(options.configPath);
  const shown = options.dir.replace(/\/+$/, '') || '.';
  const templates = diskTemplateLibrary(TEMPLATES_DIR, await loadTemplateHelpers(TEMPLATES_DIR));
  const files = diskFiles(options.dir, shown);
  // SQL datasets are answered from the results the build stored, so the wiki gets what was built.
  const builtSlug = loadBriefing(files, new MessageLog())?.meta.slug ?? basename(resolve(options.dir));
  const queries = archivedEngine(({ period }) => join(options.out, builtSlug, ...(period ? [period] : [])));
  const result = await renderBriefing({ files, templates, fonts: fontsourceStore(), queries });
  if (!result.html || !result.meta || !result.document) throw new ContentErrors(result.messages);
  const target = resolveTarget(options.to, configured.targets, result.meta.publish);
  const slug = result.meta.slug ?? basename(resolve(options.dir));
  const period = result.period?.id;
  const folder = join(options.out, slug, ...(period ? [period] : []));
  const built = join(folder, 'index.html');
  const rebuild = `run "brief build ${shown} --out ${options.out}" first`;
  if (!existsSync(built)) throw new PublishError(options.to, 'build', `${built} does not exist; ${rebuild}`);
  if (readFileSync(built, 'utf8') !== result.html) throw new PublishError(options.to, 'build', `${built} is older than the briefing's sources; ${rebuild}`);
  const pdfPath = join(folder, `${slug}.pdf`);
  const pdf = existsSync(pdfPath) ? new Uint8Array(readFileSync(pdfPath)) : undefined;
  if (!pdf) effects.log(`note: no ${pdfPath} (built without --format pdf?); publishing without a PDF`);
  const document = briefingToDocument({ result, slug, ...(period ? { period } : {}), pdf });
  const ctx: PublishContext = {
    name: options.to,
    document,
    recordPath: recordPath(options.out, slug, options.to),
    cacheDir: join(options.out, '.publish', '.git-cache', options.to),
    force: options.force,
    dryRun: options.dryRun,
    env: effects.env,
    log: effects.log,
    http: effects.http ?? {},
    secrets: effects.secrets,
  };
  return publishTo(target, ctx);
}

/** The one place that maps a target's type to its publisher. */
export function publishTo(target: PublishTarget, ctx: PublishContext): Promise<PublishOutcome> {
  switch (target.type) {
    case 'mediawiki':
      return publishToMediawiki(target, ctx);
    case 'git':
      return publishToGitWiki(target, ctx);
    case 'confluence':
      return publishToConfluence(target, ctx);
  }
}
