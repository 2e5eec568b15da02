import type { RootContent } from 'mdast';
import type { LeafDirective, ContainerDirective } from 'mdast-util-directive';
import { normalizeInside } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { Place } from '../../messages/message.js';
import { nodePlace, type ProseDocument } from './prose-document.js';
import { rewriteTree } from './rewrite-tree.js';
import { slotNode } from './slots.js';

/** A chart the narrative asks for, before it is rendered. */
export interface FigureRequest {
  /** 1-based figure number in reading order. */
  number: number;
  id?: string;
  caption?: string;
  /** Where the request is written (the directive or the fenced block). */
  file: string;
  place: Place | undefined;
  spec: { kind: 'file'; path: string } | { kind: 'inline'; text: string; origin: Place };
  slot: string;
  /** `interactive` / `interactive="false"` on the request; unset follows the front matter. */
  interactive?: boolean;
}

/**
 * Finds `::chart{src caption id}` directives and ```` ```vega-lite ```` blocks, numbers them in
 * reading order and returns the document with each replaced by a slot that the HTML stage fills
 * with the rendered figure.
 */
export function collectFigureRequests(
  doc: ProseDocument,
  first: number,
  slotPrefix: string,
  log: MessageLog,
): { doc: ProseDocument; requests: FigureRequest[] } {
  const requests: FigureRequest[] = [];
  const tree = rewriteTree(doc.tree, (node) => {
    let request: Omit<FigureRequest, 'number' | 'slot'> | undefined;
    if (node.type === 'leafDirective' || node.type === 'containerDirective') {
      const directive = node as LeafDirective | ContainerDirective;
      if (directive.name !== 'chart') {
        log.report(catalogue.chartDirective(`unknown directive "::${directive.name}" (known: ::chart)`), doc.file, nodePlace(doc, node));
        return [];
      }
      request = fromDirective(doc, directive, log);
    } else if (node.type === 'code' && (node.lang === 'vega-lite' || node.lang === 'vegalite')) {
      const start = node.position?.start.offset ?? 0;
      const open = doc.markdown.indexOf('\n', start);
      const origin = doc.placeOf(open === -1 ? start : open + 1);
      const meta = parseMeta(node.meta ?? '');
      request = { file: doc.file, place: nodePlace(doc, node), spec: { kind: 'inline', text: node.value, origin }, ...meta };
    }
    if (!request) return undefined;
    const number = first + requests.length;
    const slot = `${slotPrefix}figure-${number}`;
    requests.push({ ...request, number, slot });
    return [slotNode(slot, 'div') as unknown as RootContent];
  });
  return { doc: { ...doc, tree }, requests };
}

function fromDirective(doc: ProseDocument, node: LeafDirective | ContainerDirective, log: MessageLog) {
  const attributes = node.attributes ?? {};
  const place = nodePlace(doc, node);
  const src = attributes['src'] ?? '';
  const path = normalizeInside(src);
  if (src === '') {
    log.report(catalogue.chartDirective('missing src="charts/<file>.vl.json"'), doc.file, place);
    return undefined;
  }
  if (path === undefined || !path.startsWith('charts/')) {
    log.report(catalogue.chartDirective(`src "${src}" must name a file under charts/ in the briefing folder`), doc.file, place);
    return undefined;
  }
  const { caption, id } = attributes;
  const interactive = interactiveFlag(attributes['interactive']);
  return {
    file: doc.file,
    place,
    spec: { kind: 'file' as const, path },
    ...(caption ? { caption } : {}),
    ...(id ? { id } : {}),
    ...(interactive === undefined ? {} : { interactive }),
  };
}

/** `interactive` (no value) or `interactive="true"` turn it on, `interactive="false"` off. */
function interactiveFlag(value: string | null | undefined): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  return value !== 'false';
}

/** ```` ```vega-lite caption="…" id="…" interactive ```` */
function parseMeta(meta: string): { caption?: string; id?: string; interactive?: boolean } {
  const out: { caption?: string; id?: string; interactive?: boolean } = {};
  for (const m of meta.matchAll(/(caption|id)="([^"]*)"/g)) {
    if (m[1] === 'caption' && m[2]) out.caption = m[2];
    if (m[1] === 'id' && m[2]) out.id = m[2];
  }
  const flag = /(?:^|\s)interactive(?:="(true|false)")?(?=\s|$)/.exec(meta.replace(/(caption|id)="[^"]*"/g, ''));
  if (flag) out.interactive = flag[1] !== 'false';
  return out;
}
