import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import { displayPath, type BriefingFiles } from '../../edges/files/briefing-files.js';
import { frontmatterStage, type FrontMatterStageOutput } from '../frontmatter/frontmatter-stage.js';

/** A Markdown file of the narrative, before templating. */
export interface ProseSource {
  path: string;
  file: string;
  text: string;
  firstLine: number;
}

/** The briefing's text files as read: `brief.md` whole (front matter and all), then the sections. */
export interface LoadedFiles {
  brief: { path: string; file: string; text: string };
  sections: ProseSource[];
}

/** Reads `brief.md` and `sections/*.md` in file-name order; without `brief.md` there is no briefing. */
export function loadStage(files: BriefingFiles, log: MessageLog): LoadedFiles | undefined {
  const briefPath = 'brief.md';
  const text = files.readText(briefPath);
  if (text === undefined) {
    log.report(catalogue.briefMissing(briefPath), files.root);
    return undefined;
  }
  const sections: ProseSource[] = [];
  for (const name of files.list('sections')) {
    if (!name.endsWith('.md')) continue;
    const path = `sections/${name}`;
    const body = files.readText(path);
    if (body !== undefined) sections.push({ path, file: displayPath(files, path), text: body, firstLine: 1 });
  }
  return { brief: { path: briefPath, file: displayPath(files, briefPath), text }, sections };
}

/** The first two stages, for callers that need only the front matter (planning a batch build). */
export function loadBriefing(files: BriefingFiles, log: MessageLog): FrontMatterStageOutput | undefined {
  const loaded = loadStage(files, log);
  return loaded && frontmatterStage(loaded, log);
}
