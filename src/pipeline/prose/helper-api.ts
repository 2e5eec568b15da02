import type { Datasets } from '../data/dataset.js';
import type { MessageTemplate } from '../../messages/catalogue.js';

/**
 * The helper API. Built-in helpers and a template's own helpers register through this same
 * interface (Eleventy-style plain functions), so nothing built-in is special.
 */
export interface HelperCall {
  /** Positional arguments as written: `{{sum "releases" "count"}}` → ['releases', 'count']. */
  args: unknown[];
  /** Named arguments: `{{num x digits=1}}` → { digits: 1 }. */
  hash: Record<string, unknown>;
  /** The briefing's language, for Intl formatting. */
  lang: string;
  datasets: Datasets;
  /** Present for block helpers (`{{#name}}…{{/name}}`). */
  block?: { fn: (context: unknown) => string; inverse: (context: unknown) => string };
  /** The Handlebars context (`this`) at the call site. */
  context: unknown;
}

export type Helper = (call: HelperCall) => unknown;

export interface HelperRegistry {
  add(name: string, helper: Helper): void;
}

/** A set of helpers; templates export one as `helpers.js`'s default export. */
export type HelperPlugin = (registry: HelperRegistry) => void;

/** Thrown by a helper to report a positioned content error at its call site. */
export class HelperFailure extends Error {
  constructor(readonly template: MessageTemplate) {
    super(template.reason);
    this.name = 'HelperFailure';
  }
}

/** Text that is already Markdown and must not be escaped again. */
export class MarkdownText {
  constructor(readonly markdown: string) {}
  toString(): string {
    return this.markdown;
  }
}
