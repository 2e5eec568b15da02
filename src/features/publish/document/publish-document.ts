import type { OutputId, ParamValue } from '../../../edges/output/output-layout.js';

/**
 * A briefing as the wiki converters see it: a small, closed set of blocks and inlines taken from
 * the pipeline's sanitized tree. Wikitext, Confluence storage format and Markdown are each one
 * serializer over this model, so all three agree on what the briefing contains.
 */

export type Inline =
  | { type: 'text'; value: string }
  | { type: 'strong' | 'emphasis' | 'delete' | 'superscript' | 'subscript' | 'keyboard'; children: Inline[] }
  | { type: 'code'; value: string }
  /** `href` is an absolute http(s)/mailto URL, or `#id` for a heading or figure of this briefing. */
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' }
  /** A citation mark; the note is in `PublishDocument.sources`. */
  | { type: 'cite'; number: number }
  /** An image of the narrative, published as a file. */
  | { type: 'image'; asset: string; alt: string };

export type Align = 'left' | 'right' | 'center' | null;

export interface ListItem {
  /** Task-list state; undefined for an ordinary item. */
  checked?: boolean;
  children: Block[];
}

export type Block =
  | { type: 'heading'; depth: 1 | 2 | 3 | 4 | 5 | 6; id: string; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: ListItem[] }
  /** `caption` (with its "Table N." label) and `id` come from a `Table: … {#tbl-id}` caption. */
  | { type: 'table'; align: Align[]; head: Inline[][]; rows: Inline[][][]; caption?: Inline[]; id?: string }
  | { type: 'code'; lang: string | undefined; value: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'rule' }
  /** `width`: the chart's own width in CSS pixels (drawn for the print page's text width). */
  | { type: 'figure'; id: string; number: number; caption: string; description: string; asset: string; width: number | undefined };

export interface Source {
  number: number;
  /** The footnote label the author wrote (`hf-retro`), usable as a stable reference name. */
  label: string;
  children: Inline[];
}

export type AssetKind = 'chart' | 'image' | 'pdf';

/** A file published beside the page: a chart as SVG, an image of the narrative, or the PDF. */
export interface PublishAsset {
  /** File name, unique per output: `deepseek-moment-fig-timeline.svg`, `weekly-2026-W10-eu-fig-trend.svg`. */
  name: string;
  kind: AssetKind;
  mime: string;
  bytes: Uint8Array;
  sha256: string;
  /** MediaWiki reports files by SHA-1, so the plan can compare without downloading. */
  sha1: string;
}

/** One output of a briefing — a (period, variant) — as the wikis will show it. */
export interface PublishDocument {
  /** Which output this is (`output-layout.ts` names it): slug, period and variant. */
  output: OutputId;
  /** `2026-W10 EU`; empty for a briefing with neither periods nor parameters. */
  label: string;
  /** The resolved parameters, for `{name}` placeholders in a page pattern. */
  params: Readonly<Record<string, ParamValue>>;
  /** The front matter's `headline`, evaluated for this output (shown on the index page). */
  headline: string | undefined;
  title: string;
  subtitle: string | undefined;
  summary: string | undefined;
  /** Date, authors and classification as one line, in the briefing's language. */
  byline: string | undefined;
  lang: string;
  labels: { figure: string; sources: string; pdf: string };
  blocks: Block[];
  sources: Source[];
  assets: PublishAsset[];
  /** Name of the PDF asset, when the build made one. */
  pdf: string | undefined;
}

/** The plain text of inlines (for alt text, titles and comparisons). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'code':
          return node.value;
        case 'break':
          return ' ';
        case 'cite':
          return `[${node.number}]`;
        case 'image':
          return node.alt;
        default:
          return inlineText(node.children);
      }
    })
    .join('');
}
