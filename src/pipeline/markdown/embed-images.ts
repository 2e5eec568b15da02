import type { BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import { imageDataUri } from '../images/image-data-uri.js';
import { nodePlace, type ProseDocument } from './prose-document.js';
import { rewriteTree } from './rewrite-tree.js';

/**
 * Images become data URIs so the page is one self-contained file. Only files inside the briefing
 * folder are read; remote or escaping sources are errors, never requests (the image is kept with
 * an empty source). Returns the document with a new tree.
 */
export function embedImages(doc: ProseDocument, files: BriefingFiles, log: MessageLog): ProseDocument {
  const tree = rewriteTree(doc.tree, (node) => {
    if (node.type !== 'image') return undefined;
    const image = imageDataUri(files, node.url);
    if (!image.ok) log.report(image.reason === 'remote' ? catalogue.imageRemote(node.url) : catalogue.imageMissing(node.url), doc.file, nodePlace(doc, node));
    const url = image.ok ? image.uri : '';
    return url === node.url ? undefined : [{ ...node, url }];
  });
  return tree === doc.tree ? doc : { ...doc, tree };
}
