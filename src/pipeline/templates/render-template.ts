import Handlebars from 'handlebars';
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
  return { layout: (c) => layout(c), figure: (c) => figure(c) };
}

/** A value as a CSS string literal, safe inside a <style> element. */
export function cssString(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
