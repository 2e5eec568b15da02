import { randomBytes } from 'node:crypto';
import { formatMessage } from '../../messages/format-message.js';
import type { Message } from '../../messages/message.js';
import type { PrintJob } from '../../edges/pdf/pdf-printer.js';
import type { PreviewBuild } from './preview-build.js';
import { queryOf, type PreviewChoice } from './preview-choices.js';

/** What every open tab is told after each build (the `state` event). */
export interface PreviewState {
  /** Version of the newest good page; null until a build succeeded. */
  version: string | null;
  building: boolean;
  /** Formatted `file:line:col: severity: message [rule]` lines of the latest build. */
  errors: string[];
  warnings: string[];
  /** The values of the page shown (`period=2026-W10&region=EU`), '' before a good build. */
  selected: string;
  /** Periods and variants of the briefing's archive to switch to. */
  choices: PreviewChoice[];
}

/**
 * The preview's memory: the last good page (kept while later edits are broken, so the overlay
 * has something to sit on) and the messages of the latest build. Versions carry a per-process
 * prefix so a tab that outlives a server restart still sees that its page is stale.
 */
export class PreviewSession {
  readonly #boot = randomBytes(3).toString('hex');
  #pages = 0;
  page: { version: string; job: PrintJob; pdfName: string | undefined } | undefined;
  messages: readonly Message[] = [];
  building = false;
  /** The period and variant being previewed, as `--param` values; empty for the defaults. */
  params: Record<string, string>;
  choices: PreviewChoice[] = [];
  /** The query of the values the current page was rendered with. */
  selected = '';

  constructor(params: Readonly<Record<string, string>> = {}) {
    this.params = { ...params };
  }

  apply(build: PreviewBuild, choices: PreviewChoice[]): void {
    this.messages = build.messages;
    this.choices = choices;
    if (build.resolved) this.selected = queryOf(build.resolved);
    if (build.page) this.page = { version: `${this.#boot}-${++this.#pages}`, job: build.page, pdfName: build.pdfName };
  }

  get hasErrors(): boolean {
    return this.messages.some((m) => m.severity === 'error');
  }

  state(): PreviewState {
    const lines = (severity: Message['severity']) => this.messages.filter((m) => m.severity === severity).map(formatMessage);
    return {
      version: this.page?.version ?? null, building: this.building, errors: lines('error'), warnings: lines('warning'),
      selected: this.selected, choices: this.choices,
    };
  }
}
