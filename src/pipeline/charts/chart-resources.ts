import type { BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import { imageDataUri } from '../images/image-data-uri.js';
import type { JsonObject } from './json.js';
import type { ChartResources } from './run-vega.js';
import { reportAt, type ChartContext } from './spec-positions.js';
import { pathOfString } from './spec-walk.js';

/** A string that names an image file (`data/logo.png`, `images/a.svg?x`). */
const IMAGE_PATH = /\.(png|jpe?g|gif|webp|svg)([?#].*)?$/i;

/**
 * Images the live chart may need beyond those the static one drew: any string in the bound spec
 * (its inline data included) that names an image file in the briefing folder. A selection can
 * bring other rows' image marks into view, and a tooltip shows a field named `image`.
 */
export function imagesIn(spec: unknown, files: BriefingFiles): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (!(node in found) && IMAGE_PATH.test(node) && !node.startsWith('data:')) {
        const image = imageDataUri(files, node);
        if (image.ok) found[node] = image.uri;
      }
    } else if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(spec);
  return found;
}

/** Links a reader may follow from a chart, as from the prose: web and mail addresses. */
const LINK = /^(https?:\/\/|mailto:)/i;

export interface GrantedResources extends ChartResources {
  /** Whether an image was refused (reported as an error: the chart would lack it). */
  refused(): boolean;
  /** Image URLs as the spec names them → the data URIs they became, for the live chart. */
  embedded(): Record<string, string>;
}

/**
 * What one chart may show beyond its data: image marks embed files from inside the briefing
 * folder as data URIs (anything else is an error at the place the URL is written, when it is
 * written in the spec), and links to web and mail addresses are kept (others are removed,
 * with a warning). Each URL is reported once.
 */
export function chartResources(files: BriefingFiles, spec: JsonObject, ctx: ChartContext): GrantedResources {
  const embedded: Record<string, string> = {};
  const reported = new Set<string>();
  let refused = false;
  const report = (uri: string, template: Parameters<typeof reportAt>[1]) => {
    if (reported.has(uri)) return;
    reported.add(uri);
    reportAt(ctx, template, pathOfString(spec, uri));
  };
  return {
    image(uri) {
      const image = imageDataUri(files, uri);
      if (image.ok) {
        if (image.uri !== uri) embedded[uri] = image.uri;
        return image.uri;
      }
      refused = true;
      report(uri, image.reason === 'remote' ? catalogue.chartImageOutside(uri) : catalogue.chartImageMissing(uri));
      return undefined;
    },
    link(uri) {
      if (LINK.test(uri)) return uri;
      report(uri, catalogue.chartLinkRemoved(uri));
      return undefined;
    },
    refused: () => refused,
    embedded: () => ({ ...embedded }),
  };
}
