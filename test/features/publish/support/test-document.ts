import type { Block, PublishDocument } from '../../../../src/features/publish/document/publish-document.js';

/** A hand-made document for serializer tests: a one-off briefing `s` titled `T`. */
export function testDocument(blocks: Block[], extra: Partial<PublishDocument> = {}): PublishDocument {
  return {
    output: { slug: 's', period: undefined, variant: undefined }, label: '', params: {}, headline: undefined,
    title: 'T', subtitle: undefined, summary: undefined, byline: undefined, lang: 'en',
    labels: { figure: 'Figure', sources: 'Sources', pdf: 'PDF version' }, blocks, sources: [], assets: [], pdf: undefined, ...extra,
  };
}

export const text = (value: string) => ({ type: 'text' as const, value });

/** A figure block as the converters get it (a chart drawn 640 px wide unless said otherwise). */
export function figure(id: string, number: number, caption: string, description: string, asset: string, width: number | undefined = 640): Block {
  return { type: 'figure', id, number, caption, description, asset, width };
}
