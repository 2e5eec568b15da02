import type { Image } from 'mdast';
import { visit } from 'unist-util-visit';
import { normalizeInside, type BriefingFiles } from '../../edges/files/briefing-files.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import { nodePlace, type ProseDocument } from './prose-document.js';

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
 * folder are read; remote or escaping sources are errors, never requests.
 */
export function embedImages(doc: ProseDocument, files: BriefingFiles, log: MessageLog): void {
  visit(doc.tree, 'image', (node: Image) => {
    const url = node.url;
    if (url.startsWith('data:image/') && !url.startsWith('data:image/svg')) return;
    const path = normalizeInside(decodeURI(url.split(/[?#]/)[0] ?? ''));
    const ext = path?.slice(path.lastIndexOf('.') + 1).toLowerCase() ?? '';
    if (path === undefined || /^[a-z][a-z0-9+.-]*:/i.test(url)) {
      log.report(catalogue.imageRemote(url), doc.file, nodePlace(doc, node));
      node.url = '';
      return;
    }
    const bytes = files.readBytes(path);
    const type = TYPES[ext];
    if (!bytes || !type) {
      log.report(catalogue.imageMissing(url), doc.file, nodePlace(doc, node));
      node.url = '';
      return;
    }
    node.url = `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
  });
}
