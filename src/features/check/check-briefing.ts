import type { BriefingFiles } from '../../edges/files/briefing-files.js';
import { MessageLog } from '../../messages/message-log.js';
import type { Message } from '../../messages/message.js';
import { renderBriefing, type RenderInput, type RenderResult } from '../../pipeline/render-briefing.js';
import { checkLinks } from './broken-links.js';
import { documentIds } from './document-ids.js';
import { checkSectionStructure } from './section-structure.js';
import { reportUnusedDatasets } from './unused-datasets.js';

export interface CheckResult {
  render: RenderResult;
  /** The pipeline's messages and the whole-briefing rules', sorted by file and place. */
  messages: readonly Message[];
}

/**
 * The whole pipeline (everything but printing) and then the rules that need the finished
 * briefing: in-page links, unused datasets, empty sections, skipped heading levels (ragged data
 * rows are the data stage's own errors). The same function serves `brief check` and the preview, so both report the same.
 */
export async function checkBriefing(input: RenderInput): Promise<CheckResult> {
  const render = await renderBriefing(input);
  const log = new MessageLog();
  for (const message of render.messages) log.add(message);
  const { internals } = render;
  if (internals) lintBriefing(render, internals, input.files, log);
  return { render, messages: log.messages };
}

function lintBriefing(render: RenderResult, internals: NonNullable<RenderResult['internals']>, files: BriefingFiles, log: MessageLog): void {
  reportUnusedDatasets(render, internals, files, log);
  checkSectionStructure(internals.docs, log);
  checkLinks(internals.docs, documentIds(render), log);
}
