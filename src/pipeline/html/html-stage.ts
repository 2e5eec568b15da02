import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import type { Citations } from '../markdown/citations.js';
import type { ImageSources } from '../markdown/collect-images.js';
import type { CrossReferences } from '../markdown/cross-references.js';
import type { ProseDocument } from '../markdown/prose-document.js';
import type { Labels } from '../templates/labels.js';
import { citationMark, fillSlots, type SlotFill } from './fill-slots.js';
import { finishTree, type Heading } from './finish-tree.js';
import { markdownToHast } from './markdown-to-hast.js';
import { pageIdSlugger } from './page-ids.js';
import { splitSections, type SectionHtml } from './split-sections.js';

export interface Source {
  number: number;
  id: string;
  html: string;
  backrefs: Array<{ id: string; label: string }>;
}

export interface NarrativeHtml {
  intro: string;
  sections: SectionHtml[];
  headings: Heading[];
  sources: Source[];
}

export interface HtmlStageInput {
  docs: readonly ProseDocument[];
  citations: Citations;
  /** Rendered figures; their ids are taken, so headings get other ones. */
  figures: ReadonlyArray<{ id: string; slot: string; html: string }>;
  labels: Labels;
  /** Image sources as written → embedded data URIs (markdown stage). */
  images?: ImageSources;
  /** Cross-reference targets and captioned tables (markdown stage). */
  references?: CrossReferences;
}

/** The narrative files become one sanitized tree, filled with figures and citations, split into sections. */
export function htmlStage(input: HtmlStageInput): NarrativeHtml {
  const mdast: Root = { type: 'root', children: input.docs.flatMap((d) => d.tree.children) };
  const resolved = { ...(input.images ? { images: input.images } : {}), ...(input.references ? { references: input.references } : {}) };
  const tree = markdownToHast(mdast, resolved);
  const headings = finishTree(tree, pageIdSlugger(input.figures.map((f) => f.id)));
  const fills = new Map<string, SlotFill>();
  for (const figure of input.figures) fills.set(figure.slot, { html: figure.html });
  for (const mark of input.citations.marks) fills.set(mark.slot, { element: citationMark(mark.number, mark.refId, input.labels.citation) });
  fillSlots(tree, fills);
  const { intro, sections } = splitSections(tree);
  const sources = input.citations.list.map((c) => ({
    number: c.number,
    id: `src-${c.number}`,
    html: inlineHtml(markdownToHast({ type: 'root', children: c.content }, resolved)),
    backrefs: c.refIds.map((id, i) => ({ id, label: c.refIds.length > 1 ? `${input.labels.backToText} ${i + 1}` : input.labels.backToText })),
  }));
  return { intro, sections, headings, sources };
}

/** A note that is one paragraph renders without its `<p>`, so it sits inline in the sources list. */
function inlineHtml(tree: HastRoot): string {
  const meaningful = tree.children.filter((n) => !(n.type === 'text' && n.value.trim() === ''));
  const only = meaningful[0];
  if (meaningful.length === 1 && only?.type === 'element' && only.tagName === 'p') {
    return toHtml({ type: 'root', children: only.children });
  }
  return toHtml(tree).trim();
}
