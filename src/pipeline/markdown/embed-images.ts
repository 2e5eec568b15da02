import type { Image } from 'mdast';
import { visit } from 'unist-util-visit';
import type { BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import { imageDataUri } from '../images/image-data-uri.js';
import { nodePlace, type ProseDocument } from './prose-document.js';

/**
 * Images become data URIs so the page is one self-contained file. Only files inside the briefing
 * folder are read; remote or escaping sources are errors, never requests.
 */
export function embedImages(doc: ProseDocument, files: BriefingFiles, log: MessageLog): void {
  visit(doc.tree, 'image', (node: Image) => {
    const url = node.url;
    const image = imageDataUri(files, url);
    if (!image.ok) log.report(image.reason === 'remote' ? catalogue.imageRemote(url) : catalogue.imageMissing(url), doc.file, nodePlace(doc, node));
    node.url = image.ok ? image.uri : '';
  });
}
