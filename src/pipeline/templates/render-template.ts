import Handlebars from 'handlebars';
import { ContentFailure } from '../../messages/errors.js';
import type { Template } from './template.js';

export type TemplateRenderer = (context: unknown) => string;

export interface CompiledTemplate {
  layout: TemplateRenderer;
  figure: TemplateRenderer;
}

/**
 * Compiles a template's layout and its `figure` partial once. Layout values are HTML-escaped by
 * Handlebars; trusted fragments (sanitized narrative, generated SVG) use triple braces.
 */
export function compileTemplate(template: Template): CompiledTemplate {
  const env = Handlebars.create();
  env.registerHelper('cssString', (value: unknown) => new Handlebars.SafeString(cssString(value)));
  for (const [name, source] of Object.entries(template.partials)) env.registerPartial(name, source);
  const options = { preventIndent: true };
  const layout = env.compile(template.layout, options);
  const figureSource = template.partials['figure'] ?? '<figure id="{{id}}">{{{svg}}}<figcaption>{{label}} {{number}}. {{{captionHtml}}}</figcaption></figure>';
  const figure = env.compile(figureSource, options);
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
