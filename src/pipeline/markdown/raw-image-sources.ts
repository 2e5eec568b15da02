/**
 * Image URLs in a fragment of raw HTML: `src` and every `srcset` candidate of `<img>` and
 * `<source>` elements, with their offset in the fragment (for positioned messages). Values are
 * entity-decoded as an HTML parser would (the page sees `a&amp;b` as `a&b`).
 */
export function rawImageSources(html: string): Array<{ url: string; offset: number }> {
  const found: Array<{ url: string; offset: number }> = [];
  for (const tag of html.matchAll(/<(img|source)\b([^>]*)>/gi)) {
    const attributesAt = (tag.index ?? 0) + 1 + (tag[1] ?? '').length;
    for (const attr of (tag[2] ?? '').matchAll(/\s(src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
      const value = attr[2] ?? attr[3] ?? attr[4] ?? '';
      const valueAt = attributesAt + (attr.index ?? 0) + attr[0].length - value.length - (attr[4] === undefined ? 1 : 0);
      if ((attr[1] ?? '').toLowerCase() === 'src') {
        if (value.trim() !== '') found.push({ url: decodeEntities(value.trim()), offset: valueAt });
      } else {
        for (const candidate of srcsetUrls(value)) found.push({ url: decodeEntities(candidate.url), offset: valueAt + candidate.offset });
      }
    }
  }
  return found;
}

/**
 * The URLs of a `srcset` value ("a.png 1x, b.png 2x"), with their offsets in it, parsed as the HTML
 * standard does: a URL runs to the next whitespace (so a data URI keeps its comma), trailing commas
 * end the candidate, otherwise descriptors run to the next comma.
 */
export function srcsetUrls(srcset: string): Array<{ url: string; offset: number }> {
  const urls: Array<{ url: string; offset: number }> = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i] ?? '')) i++;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset[i] ?? '')) i++;
    let url = srcset.slice(start, i);
    if (url === '') break;
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else while (i < srcset.length && srcset[i] !== ',') i++; // descriptors
    urls.push({ url, offset: start });
  }
  return urls;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}
