import { randomBytes } from 'node:crypto';
import { formatMessage } from '../../messages/format-message.js';
import type { Message } from '../../messages/message.js';
import type { PrintJob } from '../../edges/pdf/pdf-printer.js';
import type { PreviewBuild } from './preview-build.js';

/** What every open tab is told after each build (the `state` event). */
export interface PreviewState {
  /** Version of the newest good page; null until a build succeeded. */
  version: string | null;
  building: boolean;
  /** Formatted `file:line:col: severity: message [rule]` lines of the latest build. */
  errors: string[];
  warnings: string[];
}

/**
 * The preview's memory: the last good page (kept while later edits are broken, so the overlay
 * has something to sit on) and the messages of the latest build. Versions carry a per-process
 * prefix so a tab that outlives a server restart still sees that its page is stale.
 */
export class PreviewSession {
  readonly #boot = randomBytes(3).toString('hex');
  #pages = 0;
  page: { version: string; job: PrintJob } | undefined;
  messages: readonly Message[] = [];
  building = false;

  apply(build: PreviewBuild): void {
    this.messages = build.messages;
    if (build.page) this.page = { version: `${this.#boot}-${++this.#pages}`, job: build.page };
  }

  get hasErrors(): boolean {
    return this.messages.some((m) => m.severity === 'error');
  }

  state(): PreviewState {
    const lines = (severity: Message['severity']) => this.messages.filter((m) => m.severity === severity).map(formatMessage);
    return { version: this.page?.version ?? null, building: this.building, errors: lines('error'), warnings: lines('warning') };
  }
}
