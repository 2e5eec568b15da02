import type { BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import { imageDataUri } from '../images/image-data-uri.js';
import type { JsonObject } from './json.js';
import type { ChartResources } from './run-vega.js';
import { reportAt, type ChartContext } from './spec-positions.js';
import { pathOfString } from './spec-walk.js';

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
