import { basename, join, resolve } from 'node:path';
import { diskFiles } from '../../edges/files/disk-files.js';
import { fontsourceStore } from '../../edges/fonts/font-store.js';
import { MessageLog } from '../../messages/message-log.js';
import type { Message } from '../../messages/message.js';
import { loadBriefing } from '../../pipeline/load/load-briefing.js';
import { diskTemplateLibrary, loadTemplateHelpers } from '../../pipeline/templates/disk-template-library.js';
import { TEMPLATES_DIR } from '../../paths.js';
import type { ParamRequest } from '../../pipeline/params/param-request.js';
import { readConfigFile } from './config/config-file.js';
import { resolveTarget } from './config/resolve-target.js';
import type { PublishTarget } from './config/target-schema.js';
import { ConfluenceProvider } from './confluence/confluence-provider.js';
import type { PublishDocument } from './document/publish-document.js';
import type { GitRunner } from './git/git-cli.js';
import { GitProvider } from './git/git-provider.js';
import type { HttpOptions } from './http/http-client.js';
import { MediawikiProvider } from './mediawiki/mediawiki-provider.js';
import { collectOutputs } from './outputs/collect-outputs.js';
import { pagePattern } from './pages/page-titles.js';
import type { PublishContext, PublishOutcome } from './publish-context.js';
import { PublishError } from './publish-error.js';
import { recordPath } from './record/publish-record.js';
import type { PublishProvider } from './runner/publish-provider.js';
import { runPublish } from './runner/run-publish.js';

export interface PublishOptions {
  dir: string;
  /** Target name (`--to`). */
  to: string;
  out: string;
  configPath: string;
  dryRun: boolean;
  force: boolean;
  /** `--period`, `--param`, `--matrix`: which outputs, exactly as `brief build` takes them. */
  request: ParamRequest;
}

/** What the run may touch: the environment (credentials), the network, the terminal. */
export interface PublishEffects {
  env: Readonly<Record<string, string | undefined>>;
  log: (line: string) => void;
  secrets: Set<string>;
  http?: Pick<HttpOptions, 'fetch' | 'retry'>;
  /** The git CLI (tests hand in one that fails like a network); the real one otherwise. */
  git?: (env: Readonly<Record<string, string | undefined>>) => GitRunner;
}

/** The briefing has content errors: nothing can be published until `brief build` succeeds. */
export class ContentErrors extends Error {
  constructor(readonly messages: readonly Message[]) {
    super('the briefing has errors');
    this.name = 'ContentErrors';
  }
}

/**
 * `brief publish`: publishes what `brief build` made, one wiki page per (period, variant) output
 * and an index page listing them all. A missing or stale build stops the publish and says
 * exactly which command builds it.
 */
export async function publishBriefing(options: PublishOptions, effects: PublishEffects): Promise<PublishOutcome> {
  const configured = readConfigFile(options.configPath);
  const shown = options.dir.replace(/\/+$/, '') || '.';
  const log = new MessageLog();
  const loaded = loadBriefing(diskFiles(options.dir, shown), log);
  if (!loaded || !loaded.metaValid) throw new ContentErrors(log.messages);
  const target = resolveTarget(options.to, configured.targets, loaded.meta.publish);
  const templates = diskTemplateLibrary(TEMPLATES_DIR, await loadTemplateHelpers(TEMPLATES_DIR));
  const collected = await collectOutputs({ dir: options.dir, out: options.out, meta: loaded.meta, request: options.request, templates, fonts: fontsourceStore(), log: effects.log });
  if (collected.kind === 'content errors') throw new ContentErrors(collected.messages);
  if (collected.kind === 'not built') throw new PublishError(options.to, 'build', collected.problems.join('\n  '));
  const slug = loaded.meta.slug ?? basename(resolve(options.dir));
  const ctx: PublishContext = {
    name: options.to,
    recordPath: recordPath(options.out, slug, options.to),
    cacheDir: join(options.out, '.publish', '.git-cache', options.to),
    force: options.force,
    dryRun: options.dryRun,
    env: effects.env,
    log: effects.log,
    http: effects.http ?? {},
    secrets: effects.secrets,
  };
  return publishOutputs(target, collected.outputs, ctx, effects);
}

/** Publishes rendered outputs of one briefing to a target: the runner with that target's provider. */
export async function publishOutputs(target: PublishTarget, outputs: readonly PublishDocument[], ctx: PublishContext, effects: Pick<PublishEffects, 'git'> = {}): Promise<PublishOutcome> {
  return runPublish(providerFor(target, ctx, outputs, effects), outputs, pagePattern(target.page), ctx);
}

/** The one place that maps a target's type to its provider. */
function providerFor(target: PublishTarget, ctx: PublishContext, outputs: readonly PublishDocument[], effects: Pick<PublishEffects, 'git'>): PublishProvider {
  const first = outputs[0];
  switch (target.type) {
    case 'mediawiki':
      return new MediawikiProvider(target, ctx, first?.output.slug ?? 'a briefing');
    case 'git':
      return new GitProvider(target, ctx, first?.title ?? 'briefing', effects.git);
    case 'confluence':
      return new ConfluenceProvider(target, ctx);
  }
}
