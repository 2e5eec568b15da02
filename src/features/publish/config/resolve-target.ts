import { InputError } from '../../../messages/errors.js';
import { PublishError } from '../publish-error.js';
import { CONFIG_FILE } from './config-file.js';
import { PLACEMENT_KEYS, targetSchema, type FrontMatterTarget, type PublishTarget } from './target-schema.js';

/**
 * The target `--to name` means: the config file's declaration, with the briefing's own page
 * placement on top. A briefing may not change where a configured target connects (so it cannot
 * send a credential to another server), and a target declared only in a briefing gets no
 * credentials at all.
 */
export function resolveTarget(
  name: string,
  configured: Readonly<Record<string, PublishTarget>>,
  frontMatter: Readonly<Record<string, FrontMatterTarget>> | undefined,
): PublishTarget {
  const base = configured[name];
  const placed = frontMatter?.[name];
  if (!base && !placed) {
    const known = [...new Set([...Object.keys(configured), ...Object.keys(frontMatter ?? {})])].sort();
    throw new InputError(`unknown publish target "${name}" (known: ${known.length > 0 ? known.join(', ') : `none; declare targets in ${CONFIG_FILE}`})`);
  }
  const overrides = Object.fromEntries(Object.entries(placed ?? {}).filter(([, value]) => value !== undefined));
  if (base) {
    const connection = Object.keys(overrides).filter((key) => !(PLACEMENT_KEYS as readonly string[]).includes(key));
    if (connection.length > 0) {
      throw new PublishError(
        name,
        'config',
        `front matter "publish.${name}.${connection[0]}": this target is declared in ${CONFIG_FILE}; a briefing may set only ${PLACEMENT_KEYS.join(', ')}`,
      );
    }
  }
  const merged: Record<string, unknown> = { ...base, ...overrides };
  if (!base && (merged.type === 'mediawiki' || merged.type === 'confluence')) {
    throw new PublishError(name, 'config', `a ${String(merged.type)} target needs credentials, which only ${CONFIG_FILE} may name; declare "${name}" there`);
  }
  const result = targetSchema.safeParse(merged);
  if (result.success) return result.data;
  const where = base ? `${CONFIG_FILE} with the briefing's front matter` : 'front matter';
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'target'}: ${issue.message}`);
  throw new PublishError(name, 'config', `invalid target (${where}): ${problems.join('; ')}`);
}

/** Where a target is, as recorded in the publish record: a record made for another place is ignored. */
export function targetLocation(target: PublishTarget): string {
  switch (target.type) {
    case 'mediawiki':
      return target.api;
    case 'git':
      return target.url;
    case 'confluence':
      return `${target.url} space ${target.space}`;
  }
}
