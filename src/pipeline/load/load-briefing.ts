import { parseFrontMatter, splitFrontMatter } from '../frontmatter/parse-front-matter.js';
import { metaSchema, type Meta } from '../frontmatter/meta-schema.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import { displayPath, type BriefingFiles } from '../../edges/files/briefing-files.js';

/** A Markdown file of the narrative, before templating. */
export interface ProseSource {
  path: string;
  file: string;
  text: string;
  firstLine: number;
}

export interface LoadedBriefing {
  /** Validated front matter; when it is invalid, a fallback so later stages still report their problems. */
  meta: Meta;
  metaValid: boolean;
  prose: ProseSource[];
  /** The front matter as written, for places inside its values. */
  frontMatter: { yaml: string; file: string };
}

/** Reads `brief.md` (front matter + opening narrative) and `sections/*.md` in file-name order. */
export function loadBriefing(files: BriefingFiles, log: MessageLog): LoadedBriefing | undefined {
  const briefPath = 'brief.md';
  const display = displayPath(files, briefPath);
  const text = files.readText(briefPath);
  if (text === undefined) {
    log.report(catalogue.briefMissing(briefPath), files.root);
    return undefined;
  }
  const split = splitFrontMatter(text);
  const parsed = parseFrontMatter(split.yaml, display, log);
  const meta = parsed ?? metaSchema.parse({ title: 'Untitled briefing' });
  const prose: ProseSource[] = [{ path: briefPath, file: display, text: split.body, firstLine: split.bodyLine }];
  for (const name of files.list('sections')) {
    if (!name.endsWith('.md')) continue;
    const path = `sections/${name}`;
    const body = files.readText(path);
    if (body !== undefined) prose.push({ path, file: displayPath(files, path), text: body, firstLine: 1 });
  }
  return { meta, metaValid: parsed !== undefined, prose, frontMatter: { yaml: split.yaml, file: display } };
}
