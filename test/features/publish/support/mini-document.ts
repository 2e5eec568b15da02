import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { briefingToDocument } from '../../../../src/features/publish/document/briefing-to-document.js';
import type { PublishDocument } from '../../../../src/features/publish/document/publish-document.js';
import { renderMemory } from '../../../support/render-folder.js';

export const MINI_BRIEFING = 'test/fixtures/publish/mini-briefing';

/** The fixture briefing's files, as entries for an in-memory render. */
export function miniEntries(edit: (brief: string) => string = (b) => b): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else entries[relative(MINI_BRIEFING, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(MINI_BRIEFING);
  entries['brief.md'] = edit(entries['brief.md'] ?? '');
  return entries;
}

/** A briefing rendered in memory (no browser) and turned into the document the wiki converters use. */
/** `pdf: null` renders as if the build made no PDF. */
export async function renderDocument(entries: Record<string, string | Uint8Array>, pdf: string | null = '%PDF-1.7 test'): Promise<PublishDocument> {
  const result = await renderMemory(entries, 'mini-briefing');
  if (!result.html) throw new Error(result.messages.map((m) => `${m.file}:${m.place?.line ?? 0}: ${m.reason}`).join('\n'));
  return briefingToDocument({ result, id: { slug: 'wiki-check', period: undefined, variant: undefined }, pdf: pdf === null ? undefined : new TextEncoder().encode(pdf) });
}

export function miniDocument(edit?: (brief: string) => string, pdf?: string): Promise<PublishDocument> {
  return renderDocument(miniEntries(edit), pdf ?? '%PDF-1.7 test');
}
