import { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import { SLOT_ATTRIBUTE } from '../markdown/slots.js';

/**
 * GitHub's sanitize schema (no scripts, event handlers, iframes, styles or forms) plus what a
 * briefing needs: slots for trusted figures and citations, and images only as data URIs (the
 * page is self-contained and makes no request when opened).
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    div: [...(defaultSchema.attributes?.['div'] ?? []), SLOT_ATTRIBUTE],
    sup: [...(defaultSchema.attributes?.['sup'] ?? []), SLOT_ATTRIBUTE],
  },
  protocols: {
    ...defaultSchema.protocols,
    src: ['data'],
    longDesc: [],
    cite: ['http', 'https'],
  },
};
