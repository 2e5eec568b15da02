import { basename } from 'node:path';
import { watch } from 'chokidar';

export interface SourceWatcher {
  close(): Promise<void>;
}

/** Editor droppings and hidden folders (`.git`, swap files, staging folders) never trigger a rebuild. */
function ignored(path: string, roots: readonly string[]): boolean {
  if (roots.includes(path)) return false;
  const name = basename(path);
  return name.startsWith('.') || name.endsWith('~') || name === 'node_modules' || name === '4913';
}

/**
 * Watches the briefing folder and the templates folder; `onChange` gets every added, changed or
 * removed file. Resolves once the initial scan is done, so an edit made right after is seen.
 */
export async function watchSources(roots: readonly string[], onChange: (path: string) => void, onError: (error: Error) => void): Promise<SourceWatcher> {
  const watcher = watch([...roots], { ignoreInitial: true, ignored: (path) => ignored(path, roots) });
  watcher.on('all', (_event, path) => onChange(path));
  watcher.on('error', (error) => onError(error as Error));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return { close: () => watcher.close() };
}
