import { FOLLOW_ON, type MessageTemplate } from './catalogue.js';
import type { Message, Place } from './message.js';

/**
 * Collects the messages of one build. Stages report into it and carry on where they can, so a
 * single run reports every problem, not just the first (unified's VFile plays this role there).
 */
export class MessageLog {
  readonly #messages: Message[] = [];

  report(template: MessageTemplate, file: string, place?: Place): void {
    if (template.ruleId === FOLLOW_ON) return; // its cause is reported: one mistake, one message
    const message: Message = { file, severity: template.severity, ruleId: template.ruleId, reason: template.reason };
    if (place) message.place = place;
    this.#messages.push(message);
  }

  add(message: Message): void {
    this.#messages.push(message);
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
