import type { Message } from './message.js';

/** `content/x/brief.md:12:5: error: unknown dataset "downloads" (known: …) [data-unknown]` */
export function formatMessage(message: Message): string {
  const where = message.place ? `${message.file}:${message.place.line}:${message.place.column}` : message.file;
  return `${where}: ${message.severity}: ${message.reason} [${message.ruleId}]`;
}
