import type { BriefingFiles } from '../../edges/files/briefing-files.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { ProseText } from '../prose/prose-stage.js';
import { collectCitations, type Citations } from './citations.js';
import { embedImages } from './embed-images.js';
import { collectFigureRequests, type FigureRequest } from './figure-requests.js';
import { parseNarrative } from './parse-markdown.js';
import type { ProseDocument } from './prose-document.js';

export interface MarkdownStageInput {
  texts: readonly ProseText[];
  /** Where embedded images are read from. */
  files: BriefingFiles;
  /** Starts every slot name; random per run so raw HTML in content cannot forge a slot. */
  slotPrefix: string;
}

export interface MarkdownStageOutput {
  /** The narrative files as mdast, with slots where charts and citation marks go. */
  docs: ProseDocument[];
  /** The charts asked for, numbered in reading order across files. */
  requests: FigureRequest[];
  citations: Citations;
}

/**
 * Each narrative file parsed to mdast; chart directives and blocks become figure slots, local
 * images become data URIs, footnote references become citation slots numbered across files.
 */
export function markdownStage(input: MarkdownStageInput, log: MessageLog): MarkdownStageOutput {
  const requests: FigureRequest[] = [];
  const parsed = input.texts.map((text) => {
    const found = collectFigureRequests({ ...text, tree: parseNarrative(text.markdown) }, requests.length + 1, input.slotPrefix, log);
    requests.push(...found.requests);
    return embedImages(found.doc, input.files, log);
  });
  const { docs, citations } = collectCitations(parsed, input.slotPrefix, log);
  return { docs, requests, citations };
}
