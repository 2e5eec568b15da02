import type { Image } from 'mdast';
import { normalizeInside, type BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import { nodePlace, type ProseDocument } from './prose-document.js';
import { rewriteTree } from './rewrite-tree.js';

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

/**
 * Images become data URIs so the page is one self-contained file. Only files inside the briefing
 * folder are read; remote or escaping sources are errors, never requests (the image is kept with
 * an empty source).
 */
export function embedImages(doc: ProseDocument, files: BriefingFiles, log: MessageLog): ProseDocument {
  const tree = rewriteTree(doc.tree, (node) => {
    if (node.type !== 'image') return undefined;
    const url = embeddedUrl(doc, node, files, log);
    return url === node.url ? undefined : [{ ...node, url }];
  });
  return tree === doc.tree ? doc : { ...doc, tree };
}

function embeddedUrl(doc: ProseDocument, node: Image, files: BriefingFiles, log: MessageLog): string {
  const url = node.url;
  if (url.startsWith('data:image/') && !url.startsWith('data:image/svg')) return url;
  const path = normalizeInside(decodeURI(url.split(/[?#]/)[0] ?? ''));
  const ext = path?.slice(path.lastIndexOf('.') + 1).toLowerCase() ?? '';
  if (path === undefined || /^[a-z][a-z0-9+.-]*:/i.test(url)) {
    log.report(catalogue.imageRemote(url), doc.file, nodePlace(doc, node));
    return '';
  }
  const bytes = files.readBytes(path);
  const type = TYPES[ext];
  if (!bytes || !type) {
    log.report(catalogue.imageMissing(url), doc.file, nodePlace(doc, node));
    return '';
  }
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}
