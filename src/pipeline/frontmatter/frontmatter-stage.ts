import type { MessageLog } from '../../messages/message-log.js';
import type { LoadedFiles, ProseSource } from '../load/load-briefing.js';
import type { FrontMatterSource } from '../prose/front-matter-texts.js';
import { metaSchema, type Meta } from './meta-schema.js';
import { parseFrontMatter, splitFrontMatter } from './parse-front-matter.js';

export interface FrontMatterStageOutput {
  /**
   * Validated front matter; when it is invalid, what is valid of it (else defaults), so later
   * stages report their own problems without echoing the front matter's.
   */
  meta: Meta;
  metaValid: boolean;
  /** The narrative: `brief.md` after its front matter, then the sections. */
  prose: ProseSource[];
  /** The front matter as written, for places inside its values (templated title, subtitle…). */
  frontMatter: FrontMatterSource;
}

/** Splits the front matter off `brief.md` and validates it (YAML only, one zod schema). */
export function frontmatterStage(loaded: LoadedFiles, log: MessageLog): FrontMatterStageOutput {
  const { brief } = loaded;
  const split = splitFrontMatter(brief.text);
  const salvage: { meta?: Meta } = {};
  const parsed = parseFrontMatter(split.yaml, brief.file, log, salvage);
  const meta = parsed ?? salvage.meta ?? metaSchema.parse({ title: 'Untitled briefing' });
  const opening: ProseSource = { path: brief.path, file: brief.file, text: split.body, firstLine: split.bodyLine };
  return { meta, metaValid: parsed !== undefined, prose: [opening, ...loaded.sections], frontMatter: { yaml: split.yaml, file: brief.file } };
}
