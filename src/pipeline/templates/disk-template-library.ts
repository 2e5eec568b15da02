import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HelperPlugin } from '../prose/helper-api.js';
import type { TemplateLibrary, TemplateParts } from './template.js';

/**
 * Named templates from a folder on disk (the project's `templates/`). These are installed code,
 * trusted like any package: a template may bring `helpers.js` (loaded with `loadHelpers`).
 */
export function diskTemplateLibrary(dir: string, helpers: ReadonlyMap<string, readonly HelperPlugin[]> = new Map()): TemplateLibrary {
  const cache = new Map<string, TemplateParts | undefined>();
  const read = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
  return {
    names: () => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : []),
    load(name) {
      if (!/^[a-z0-9][a-z0-9_-]*$/i.test(name)) return undefined;
      if (cache.has(name)) return cache.get(name);
      const root = join(dir, name);
      let parts: TemplateParts | undefined;
      if (existsSync(root)) {
        const partials: Record<string, string> = {};
        const partialDir = join(root, 'partials');
        if (existsSync(partialDir)) {
          for (const file of readdirSync(partialDir).sort()) {
            if (file.endsWith('.hbs')) partials[file.slice(0, -4)] = readFileSync(join(partialDir, file), 'utf8');
          }
        }
        const layout = read(join(root, 'layout.hbs'));
        const css = read(join(root, 'theme.css'));
        const config = read(join(root, 'template.json'));
        const own = helpers.get(name);
        parts = {
          partials,
          ...(layout !== undefined ? { layout } : {}),
          ...(css !== undefined ? { css } : {}),
          ...(config !== undefined ? { config: JSON.parse(config) as unknown } : {}),
          ...(own ? { helpers: own } : {}),
        };
      }
      cache.set(name, parts);
      return parts;
    },
  };
}

/** Imports `<dir>/<name>/helpers.js` for every template that has one (its default export is a HelperPlugin). */
export async function loadTemplateHelpers(dir: string): Promise<Map<string, readonly HelperPlugin[]>> {
  const found = new Map<string, readonly HelperPlugin[]>();
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name, 'helpers.js');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)) as { default?: HelperPlugin };
    if (typeof mod.default === 'function') found.set(entry.name, [mod.default]);
  }
  return found;
}
