import type { Definition, Html, Image, ImageReference } from 'mdast';
import { visit } from 'unist-util-visit';
import { filesBeside, type BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { Place } from '../../messages/message.js';
import { nodePlace, type ProseDocument } from './prose-document.js';
import { imageDataUri } from '../images/image-data-uri.js';
import { rawImageSources } from './raw-image-sources.js';

/** Image sources as written in the narrative → the data URI that replaces them in the page. */
export type ImageSources = ReadonlyMap<string, string>;

/**
 * Every image the narrative shows — inline Markdown images, reference-style ones (`![a][l]` with
 * `[l]: img/a.png`), raw-HTML `<img src>` and `srcset`, `<picture><source srcset>` — is read from the
 * briefing folder and becomes a data URI, so the page is one self-contained file. A remote or
 * escaping source, or a missing file, is a positioned error: nothing is dropped without a message.
 * The trees are only read; the html stage swaps the sources (`embedImageSources`).
 */
export function collectImages(docs: readonly ProseDocument[], files: BriefingFiles, log: MessageLog): ImageSources {
  const sources = new Map<string, string>();
  const seen = new Set<string>();
  const add = (url: string, doc: ProseDocument, place: Place | undefined) => {
    const key = `${doc.file}\0${url}`;
    if (seen.has(key)) return;
    seen.add(key);
    const embedded = embed(url, files);
    if (typeof embedded === 'string') sources.set(url, embedded);
    else log.report(embedded.problem === 'remote' ? catalogue.imageRemote(url) : catalogue.imageMissing(url, filesBeside(files, url)), doc.file, place);
  };
  // Reference-style images resolve through definitions that may sit in any file.
  const referenced = new Set<string>();
  for (const doc of docs) visit(doc.tree, 'imageReference', (node: ImageReference) => void referenced.add(node.identifier.toLowerCase()));
  for (const doc of docs) {
    visit(doc.tree, 'image', (node: Image) => add(node.url, doc, nodePlace(doc, node)));
    visit(doc.tree, 'definition', (node: Definition) => {
      if (referenced.has(node.identifier.toLowerCase())) add(node.url, doc, nodePlace(doc, node));
    });
    visit(doc.tree, 'html', (node: Html) => {
      const start = node.position?.start.offset;
      for (const { url, offset } of rawImageSources(node.value)) add(url, doc, start === undefined ? undefined : doc.placeOf(start + offset));
    });
  }
  return sources;
}

function embed(url: string, files: BriefingFiles): string | { problem: 'remote' | 'missing' } {
  if (url.startsWith('//')) return { problem: 'remote' }; // protocol-relative: another host
  const image = imageDataUri(files, url);
  return image.ok ? image.uri : { problem: image.reason };
}

export function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
