import { createHash } from 'node:crypto';

/** Hex SHA-256 of text (UTF-8) or bytes: the publish record's and the planner's content hash. */
export function sha256Hex(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Hex SHA-1: only for comparing with what MediaWiki reports about its files. */
export function sha1Hex(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('hex');
}
