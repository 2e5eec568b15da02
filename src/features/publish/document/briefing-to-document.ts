import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { outputLabel, pdfName, type OutputId } from '../../../edges/output/output-layout.js';
import type { Heading } from '../../../pipeline/html/finish-tree.js';
import { markdownToHast } from '../../../pipeline/html/markdown-to-hast.js';
import type { BriefingDocument, RenderResult } from '../../../pipeline/render-briefing.js';
import { labelsFor } from '../../../pipeline/templates/labels.js';
import { formatDate } from '../../../pipeline/templates/layout-stage.js';
import { sha1Hex, sha256Hex } from '../assets/hash.js';
import { wikiSafeSvg } from '../assets/wiki-svg.js';
import { blocksFromHast, trimInlines, type FigureInfo, type HastContext } from './from-hast.js';
import type { AssetKind, Inline, PublishAsset, PublishDocument, Source } from './publish-document.js';

export interface DocumentInput {
  /** A successful render: `meta` and `document` are present. */
  result: RenderResult;
  /** Which output the render is (its asset names and the PDF's name come from it). */
  id: OutputId;
  /** The built PDF, when the build made one. */
  pdf: Uint8Array | undefined;
}

const IMAGE_TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/svg+xml': 'svg' };
const PDF_LABEL: Record<string, string> = { en: 'PDF version', zh: 'PDF 版本' };

/**
 * A rendered briefing → the document every wiki converter works from. The narrative is the
 * pipeline's own mdast run through the pipeline's own sanitizer (`markdownToHast`), so a wiki
 * page never holds markup the HTML page would not. Pure and deterministic: equal input, equal
 * bytes, which is what makes re-publishing a no-op.
 */
export function briefingToDocument(input: DocumentInput): PublishDocument {
  const { result, id } = input;
  const { meta, document } = result;
  if (!meta || !document) throw new Error('briefingToDocument needs a successful render (meta and document)');
  // Every file of an output starts with the output's own name, so outputs never share a file.
  const pdfFile = pdfName(id);
  const base = pdfFile.replace(/\.pdf$/, '');
  const assets: PublishAsset[] = [];
  const figures = new Map<string, FigureInfo>();
  for (const figure of result.figures) {
    const asset = addAsset(assets, `${base}-${figure.id}.svg`, 'chart', 'image/svg+xml', new TextEncoder().encode(wikiSafeSvg(figure.chart.svg)));
    const description = figure.chart.description ?? figure.chart.title ?? figure.caption;
    figures.set(figure.id, { id: figure.id, number: figure.number, caption: figure.caption, description, asset, width: svgWidth(figure.chart.svg) });
  }
  const images = new Map<string, string>();
  const ctx: HastContext = {
    slots: document.slots,
    figures,
    image: (dataUri) => {
      const known = images.get(dataUri);
      if (known) return known;
      const decoded = decodeDataUri(dataUri);
      if (!decoded) return undefined;
      const bytes = decoded.mime === 'image/svg+xml' ? new TextEncoder().encode(wikiSafeSvg(new TextDecoder().decode(decoded.bytes))) : decoded.bytes;
      const name = addAsset(assets, `${base}-image-${images.size + 1}.${decoded.ext}`, 'image', decoded.mime, bytes);
      images.set(dataUri, name);
      return name;
    },
  };
  const tree = narrativeTree(document);
  assignHeadingIds(tree, result.headings);
  const blocks = blocksFromHast(tree, ctx);
  const sources = document.citations.map((c) => sourceOf(c, ctx, document));
  const pdf = input.pdf ? addAsset(assets, pdfFile, 'pdf', 'application/pdf', input.pdf) : undefined;
  const labels = labelsFor(meta.lang);
  const byline = [meta.date ? formatDate(meta.date, meta.lang) : undefined, meta.authors.map((a) => a.name).join(', ') || undefined, meta.classification]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
  return {
    output: id,
    label: outputLabel(id),
    params: result.params,
    headline: result.headline,
    title: meta.title,
    subtitle: meta.subtitle,
    summary: meta.summary,
    byline: byline || undefined,
    lang: meta.lang,
    labels: { figure: labels.figure, sources: labels.sources, pdf: PDF_LABEL[meta.lang.split('-')[0] ?? 'en'] ?? PDF_LABEL['en'] ?? 'PDF' },
    blocks,
    sources,
    assets,
    pdf,
  };
}

/** The width attribute Vega gives the root `<svg>` (CSS pixels). */
function svgWidth(svg: string): number | undefined {
  const width = /^<svg\b[^>]*?\swidth="([\d.]+)"/.exec(svg.trimStart())?.[1];
  return width ? Math.round(Number(width)) : undefined;
}

function narrativeTree(document: BriefingDocument): Root {
  return markdownToHast({ type: 'root', children: document.docs.flatMap((d) => d.tree.children) }, { images: document.images, references: document.references });
}

/**
 * Heading ids exactly as the HTML page has them: the html stage visits headings in this same
 * order, so the n-th heading here is the n-th in `result.headings`.
 */
function assignHeadingIds(tree: Root, headings: readonly Heading[]): void {
  let index = 0;
  visit(tree, 'element', (node: Element) => {
    if (!/^h[1-6]$/.test(node.tagName)) return;
    const heading = headings[index++];
    if (heading) node.properties['id'] = heading.id;
  });
}

function sourceOf(citation: BriefingDocument['citations'][number], ctx: HastContext, document: BriefingDocument): Source {
  const blocks = blocksFromHast(markdownToHast({ type: 'root', children: [...citation.content] }, { images: document.images, references: document.references }), ctx);
  // A note is shown inline in the sources list: its paragraphs joined by line breaks.
  const children: Inline[] = [];
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue;
    if (children.length > 0) children.push({ type: 'break' });
    children.push(...block.children);
  }
  return { number: citation.number, label: citation.label, children: trimInlines(children) };
}

function addAsset(assets: PublishAsset[], name: string, kind: AssetKind, mime: string, bytes: Uint8Array): string {
  assets.push({ name, kind, mime, bytes, sha256: sha256Hex(bytes), sha1: sha1Hex(bytes) });
  return name;
}

function decodeDataUri(uri: string): { mime: string; ext: string; bytes: Uint8Array } | undefined {
  const match = /^data:([a-z]+\/[a-z0-9.+-]+);base64,(.*)$/is.exec(uri);
  const mime = match?.[1]?.toLowerCase();
  const ext = mime ? IMAGE_TYPES[mime] : undefined;
  if (!match || !mime || !ext) return undefined;
  return { mime, ext, bytes: new Uint8Array(Buffer.from(match[2] ?? '', 'base64')) };
}
