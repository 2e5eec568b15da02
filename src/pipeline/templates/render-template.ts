import Handlebars from 'handlebars';
import { ContentFailure } from '../../messages/errors.js';
import { compileCached, templateKey, type TemplateSpecCache } from './compiled-templates.js';
import type { Template } from './template.js';

export type TemplateRenderer = (context: unknown) => string;

export interface CompiledTemplate {
  layout: TemplateRenderer;
  figure: TemplateRenderer;
}

const DEFAULT_FIGURE = '<figure id="{{id}}">{{{svg}}}<figcaption>{{label}} {{number}}. {{{captionHtml}}}</figcaption></figure>';

/**
 * Compiles a template's layout and its `figure` partial once. Layout values are HTML-escaped by
 * Handlebars; trusted fragments (sanitized narrative, generated SVG) use triple braces. With a
 * cache, the layout, the figure partial and every partial the layout calls are compiled once per
 * text for as long as the cache keeps them (Handlebars itself would compile each partial again
 * on every render).
 */
export function compileTemplate(template: Template, cache?: TemplateSpecCache): CompiledTemplate {
  const env = Handlebars.create();
  env.registerHelper('cssString', (value: unknown) => new Handlebars.SafeString(cssString(value)));
  const options = { preventIndent: true };
  const compile = (kind: string, source: string) => compileCached(env, source, options, cache, () => templateKey(kind, source, options));
  // A partial given as text is compiled by Handlebars when first called, with the calling
  // template's options (these, plus `data`); given compiled, it is the same code, reused.
  for (const [name, source] of Object.entries(template.partials)) env.registerPartial(name, cache ? compile('partial', source) : source);
  const layout = compile('layout', template.layout);
  const figure = compile('partial', template.partials['figure'] ?? DEFAULT_FIGURE);
  return { layout: (c) => guarded('layout.hbs', () => layout(c)), figure: (c) => guarded('the figure partial', () => figure(c)) };
}

/** A template that throws while rendering ("Must pass iterator to #each") is its author's to fix, not a bug. */
function guarded(what: string, render: () => string): string {
  try {
    return render();
  } catch (error) {
    if (!(error instanceof Handlebars.Exception)) throw error;
    throw new ContentFailure(`template ${what}: ${(error as Error).message}`, { cause: error });
  }
}

/** A value as a CSS string literal, safe inside a <style> element. */
export function cssString(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
