import type { Element, Parents, Root } from 'hast';
import type { ImageSources } from '../markdown/collect-images.js';
import { safeDecode } from '../markdown/collect-images.js';
import { srcsetUrls } from '../markdown/raw-image-sources.js';

/**
 * Swaps every image source of the tree (`img` src and srcset, `source` srcset) for the data URI the
 * markdown stage embedded. A source it could not embed was reported there; here it is removed, so
 * the page never requests anything (a `source` left without candidates goes too).
 */
export function embedImageSources(tree: Root, images: ImageSources): void {
  const lookup = (url: string): string | undefined => images.get(url) ?? images.get(safeDecode(url));
  const visit = (parent: Parents): void => {
    parent.children = parent.children.filter((child) => {
      if (child.type !== 'element') return true;
      if (child.tagName === 'img' || child.tagName === 'source') swapSources(child, lookup);
      if (child.tagName === 'source' && child.properties['srcSet'] === undefined) return false;
      visit(child);
      return true;
    }) as typeof parent.children;
  };
  visit(tree);
}

function swapSources(element: Element, lookup: (url: string) => string | undefined): void {
  const { properties } = element;
  if (element.tagName === 'img') {
    const embedded = typeof properties['src'] === 'string' ? lookup(properties['src']) : undefined;
    if (embedded === undefined) delete properties['src'];
    else properties['src'] = embedded;
  }
  const srcset = properties['srcSet'];
  if (srcset === undefined) return;
  const text = Array.isArray(srcset) ? srcset.join(', ') : String(srcset);
  const candidates = srcsetUrls(text).map(({ url, offset }) => {
    const rest = text.slice(offset + url.length).split(',')[0]?.trim() ?? '';
    const embedded = lookup(url);
    return embedded === undefined ? undefined : `${embedded}${rest ? ` ${rest}` : ''}`;
  });
  const kept = candidates.filter((c): c is string => c !== undefined);
  if (kept.length === 0) delete properties['srcSet'];
  else properties['srcSet'] = kept.join(', ');
}
