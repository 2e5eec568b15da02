import type { BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { ProseText } from '../prose/prose-stage.js';
import { collectCitations, type Citations } from './citations.js';
import { collectImages, type ImageSources } from './collect-images.js';
import { collectCrossReferences, type CrossReferences, type ReferenceLabels } from './cross-references.js';
import { collectFigureRequests, type FigureRequest } from './figure-requests.js';
import { MAX_NESTING } from './nesting-limit.js';
import { parseNarrativeCached, type ParsedNarrativeCache } from './parse-markdown.js';
import type { ProseDocument } from './prose-document.js';
import { reportRemovedHtml } from './raw-html-check.js';

export interface MarkdownStageInput {
  texts: readonly ProseText[];
  /** Where embedded images are read from. */
  files: BriefingFiles;
  /** Starts every slot name; random per run so raw HTML in content cannot forge a slot. */
  slotPrefix: string;
  /** Words a cross-reference reads ("Figure", "Table"), in the briefing's language. */
  labels: ReferenceLabels;
  /** Trees of earlier renders by text, handed in by the caller; absent: every file is parsed. */
  parsed?: ParsedNarrativeCache | undefined;
}

export interface MarkdownStageOutput {
  /** The narrative files as mdast, with slots where charts and citation marks go. */
  docs: ProseDocument[];
  /** The charts asked for, numbered in reading order across files. */
  requests: FigureRequest[];
  citations: Citations;
  /** Every image source the narrative shows → its data URI (the html stage swaps them in). */
  images: ImageSources;
  /** What `@fig-…`/`@tbl-…` can name, and the captioned tables. */
  references: CrossReferences;
}

/**
 * Each narrative file parsed to mdast; chart directives and blocks become figure slots, footnote
 * references become citation slots numbered across files. Images and cross-references are read
 * from the trees, not written into them: the html stage resolves both.
 */
export function markdownStage(input: MarkdownStageInput, log: MessageLog): MarkdownStageOutput {
  const requests: FigureRequest[] = [];
  const parsed = input.texts.map((text) => {
    const tooDeep = (offset: number) => log.report(catalogue.markdownTooDeep(MAX_NESTING), text.file, text.placeOf(offset));
    const found = collectFigureRequests({ ...text, tree: parseNarrativeCached(text.markdown, tooDeep, input.parsed) }, requests.length + 1, input.slotPrefix, log);
    requests.push(...found.requests);
    reportRemovedHtml(found.doc, log);
    return found.doc;
  });
  const { docs, citations } = collectCitations(parsed, input.slotPrefix, log);
  const images = collectImages(docs, input.files, log);
  const references = collectCrossReferences(docs, requests, input.labels, log);
  return { docs, requests, citations, images, references };
}
