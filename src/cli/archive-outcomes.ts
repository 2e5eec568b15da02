import { join } from 'node:path';
import type { BuildOutcome } from '../features/build/build-briefing.js';
import { renderArchivePage } from '../features/archive/render-archive.js';
import { updateArchive } from '../features/archive/write-archive.js';
import type { FontStore } from '../edges/fonts/font-store.js';
import { labelsFor } from '../pipeline/templates/labels.js';
import { visibleText } from '../pipeline/templates/layout-stage.js';
import { VERSION } from '../version.js';

/** Records the periodic issues a build produced in each briefing's archive (once per briefing, after all its jobs). */
export function updateArchives(out: string, outcomes: readonly BuildOutcome[], fonts: FontStore): void {
  const bySlug = new Map<string, BuildOutcome[]>();
  for (const outcome of outcomes) {
    if (!outcome.ok || !outcome.archive) continue;
    bySlug.set(outcome.archive.slug, [...(bySlug.get(outcome.archive.slug) ?? []), outcome]);
  }
  for (const [slug, done] of bySlug) {
    const first = done[0]?.archive;
    if (!first) continue;
    const labels = labelsFor(first.lang);
    updateArchive(join(out, slug), slug, first.title, done.map((o) => o.archive!.entry), (manifest) => {
      const draft = renderArchivePage(manifest, { lang: first.lang, labels, css: '', generator: `Briefsmith ${VERSION}` });
      const css = `${fonts.faceCss(visibleText(draft))}\n${first.css}`;
      return renderArchivePage(manifest, { lang: first.lang, labels, css, generator: `Briefsmith ${VERSION}` });
    });
  }
}
