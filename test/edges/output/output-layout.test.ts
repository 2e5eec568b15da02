import { describe, expect, it } from 'vitest';
import { archiveRelative, folderName, outputLabel, outputSegments, pdfName, variantOf } from '../../../src/edges/output/output-layout.js';

describe('output layout', () => {
  it('names the variant by every non-period parameter in declaration order', () => {
    expect(variantOf(['period', 'region', 'channel'], 'period', { channel: 'retail', region: 'EU', period: '2026-W10' })).toBe('EU_retail');
    expect(variantOf(['period'], 'period', { period: '2026-W10' })).toBeUndefined();
    expect(variantOf([], undefined, {})).toBeUndefined();
    expect(variantOf(['top', 'open'], undefined, { top: 5, open: true })).toBe('5_true');
  });

  it('places one output in one folder', () => {
    const id = { slug: 'weekly', period: '2026-W10', variant: 'EU' };
    expect(outputSegments(id)).toEqual(['weekly', '2026-W10', 'EU']);
    expect(archiveRelative(id)).toBe('2026-W10/EU');
    expect(outputSegments({ slug: 'memo', period: undefined, variant: undefined })).toEqual(['memo']);
    expect(archiveRelative({ slug: 'memo', period: undefined, variant: undefined })).toBe('');
    expect(outputLabel(id)).toBe('2026-W10 EU');
  });

  it('gives each variant its own PDF name', () => {
    expect(pdfName({ slug: 'weekly', period: '2026-W10', variant: 'EU' })).toBe('weekly-2026-W10-eu.pdf');
    expect(pdfName({ slug: 'weekly', period: '2026-W10', variant: 'US' })).not.toBe(pdfName({ slug: 'weekly', period: '2026-W10', variant: 'EU' }));
    expect(pdfName({ slug: 'memo', period: undefined, variant: undefined })).toBe('memo.pdf');
  });

  it('keeps folder names safe', () => {
    expect(folderName('../etc')).toBe('etc');
    expect(folderName('Asia Pacific/East')).toBe('Asia-Pacific-East');
    expect(folderName('')).toBe('value');
  });
});
