import { fontsourceStore } from '../../src/edges/fonts/font-store.js';
import { memoryFiles, type BriefingFiles } from '../../src/edges/files/briefing-files.js';
import { diskFiles } from '../../src/edges/files/disk-files.js';
import { renderBriefing, type RenderResult } from '../../src/pipeline/render-briefing.js';
import { TEMPLATES_DIR } from '../../src/paths.js';
import { diskTemplateLibrary } from '../../src/pipeline/templates/disk-template-library.js';
import type { QueryEngine } from '../../src/edges/sql/query-engine.js';

export const templates = diskTemplateLibrary(TEMPLATES_DIR);

/** Renders a briefing folder on disk with the project's templates (fonts embedded); SQL datasets need `queries`. */
export function renderFolder(dir: string, root = dir, queries?: QueryEngine): Promise<RenderResult> {
  return renderBriefing({ files: diskFiles(dir, root), templates, fonts: fontsourceStore(), ...(queries ? { queries } : {}) });
}

/** Renders an in-memory briefing (no fonts: faster, same structure). */
export function renderMemory(entries: Record<string, string | Uint8Array>, root = 'b'): Promise<RenderResult> {
  const files: BriefingFiles = memoryFiles(entries, root);
  return renderBriefing({ files, templates });
}

export const minimalBrief = (body: string, front = 'title: Test briefing'): string => `---\n${front}\n---\n${body}`;
