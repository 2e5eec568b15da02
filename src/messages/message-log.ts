import { FOLLOW_ON, type MessageTemplate } from './catalogue.js';
import type { Message, Place } from './message.js';

/**
 * Collects the messages of one build. Stages report into it and carry on where they can, so a
 * single run reports every problem, not just the first (unified's VFile plays this role there).
 */
export class MessageLog {
  readonly #messages: Message[] = [];
  readonly #muted: Array<(message: Message) => boolean> = [];

  report(template: MessageTemplate, file: string, place?: Place): void {
    if (template.ruleId === FOLLOW_ON) return; // its cause is reported: one mistake, one message
    const message: Message = { file, severity: template.severity, ruleId: template.ruleId, reason: template.reason };
    if (place) message.place = place;
    this.add(message);
  }

  add(message: Message): void {
    if (!this.#muted.some((muted) => muted(message))) this.#messages.push(message);
  }

  /**
   * Drops messages reported from now on that only repeat a problem already reported (a dataset
   * whose query failed is "unknown" to every chart and helper that names it).
   */
  mute(consequence: (message: Message) => boolean): void {
    this.#muted.push(consequence);
  }

  get messages(): readonly Message[] {
    return [...this.#messages].sort(compareMessages);
  }

  get errorCount(): number {
    return this.#messages.filter((m) => m.severity === 'error').length;
  }

  get hasErrors(): boolean {
    return this.#messages.some((m) => m.severity === 'error');
  }
}

export function compareMessages(a: Message, b: Message): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const la = a.place?.line ?? 0;
  const lb = b.place?.line ?? 0;
  if (la !== lb) return la - lb;
  return (a.place?.column ?? 0) - (b.place?.column ?? 0);
}
