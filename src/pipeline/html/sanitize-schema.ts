import { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import { SLOT_ATTRIBUTE } from '../markdown/slots.js';
import { RAW_TEXT_ELEMENTS } from './raw-html-filter.js';

/**
 * GitHub's sanitize schema (no scripts, event handlers, iframes, styles or forms) plus what a
 * briefing needs: slots for trusted figures and citations, and images only as data URIs (the
 * page is self-contained and makes no request when opened). Raw-text elements (script, style,
 * textarea, title, …) are stripped with their content.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    div: [...(defaultSchema.attributes?.['div'] ?? []), SLOT_ATTRIBUTE],
    sup: [...(defaultSchema.attributes?.['sup'] ?? []), SLOT_ATTRIBUTE],
    // srcset candidates are data URIs by then (embedImageSources drops anything else)
    img: [...(defaultSchema.attributes?.['img'] ?? []), 'srcSet'],
  },
  strip: RAW_TEXT_ELEMENTS,
  protocols: {
    ...defaultSchema.protocols,
    src: ['data'],
    longDesc: [],
    cite: ['http', 'https'],
  },
};

/** Elements that survive sanitizing; any other is removed with its content before (raw-html-filter.ts). */
export const allowedElements: ReadonlySet<string> = new Set(sanitizeSchema.tagNames ?? []);
