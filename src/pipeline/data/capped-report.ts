import type { MessageTemplate } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { Place } from '../../messages/message.js';

/** Errors reported per dataset before the rest are summed up in one message. */
export const ERRORS_PER_DATASET = 50;

/**
 * Reports a dataset's errors up to a limit, then counts the rest: a file with one bad column in
 * 100,000 rows should say so in a screenful, not bury every other message.
 */
export class CappedReport {
  #count = 0;
  #firstHidden: Place | undefined;

  constructor(
    private readonly log: MessageLog,
    private readonly display: string,
    private readonly summary: (more: number) => MessageTemplate,
    private readonly limit = ERRORS_PER_DATASET,
  ) {}

  report(template: MessageTemplate, place: Place): void {
    this.#count++;
    if (this.#count <= this.limit) this.log.report(template, this.display, place);
    else this.#firstHidden ??= place;
  }

  get count(): number {
    return this.#count;
  }

  /** The "… and N more" message, at the first error not shown. */
  finish(): void {
    if (this.#firstHidden) this.log.report(this.summary(this.#count - this.limit), this.display, this.#firstHidden);
  }
}
