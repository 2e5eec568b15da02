import { describe, expect, it } from 'vitest';
import { checkDistinct, entryTitle, indexTitle, pagePattern, PagePatternError } from '../../../src/features/publish/pages/page-titles.js';
import { indexEntries } from '../../../src/features/publish/pages/index-page.js';
import { buildCommand } from '../../../src/features/publish/outputs/build-hint.js';
import { emptyRecord, withPage } from '../../../src/features/publish/record/publish-record.js';
import { testDocument } from './support/test-document.js';

const weekly = (period: string, region: string) =>
  testDocument([], { title: 'Open Models Weekly', output: { slug: 'weekly', period, variant: region }, label: `${period} ${region}`, params: { period, region } });
const oneOff = testDocument([], { title: 'The DeepSeek Moment' });

describe('page titles', () => {
  it('puts each (period, variant) on <Title>/<period>/<variant> under an index page <Title>', () => {
    const pattern = pagePattern(undefined);
    expect(entryTitle(pattern, weekly('2026-W10', 'EU'))).toBe('Open Models Weekly/2026-W10/EU');
    expect(indexTitle(pattern, weekly('2026-W10', 'EU'))).toBe('Open Models Weekly');
    expect(entryTitle(pattern, oneOff)).toBe('The DeepSeek Moment');
    expect(indexTitle(pattern, oneOff)).toBeUndefined();
    const periodOnly = testDocument([], { title: 'Monthly', output: { slug: 'm', period: '2026-03', variant: undefined }, params: { period: '2026-03' } });
    expect(entryTitle(pattern, periodOnly)).toBe('Monthly/2026-03');
  });

  it('takes a page without placeholders as the base title, and a pattern with placeholders as it is', () => {
    expect(entryTitle(pagePattern('Weekly brief'), weekly('2026-W10', 'US'))).toBe('Weekly brief/2026-W10/US');
    const pattern = pagePattern('Briefings/{title} ({region})/{period}');
    expect(entryTitle(pattern, weekly('2026-W10', 'US'))).toBe('Briefings/Open Models Weekly (US)/2026-W10');
    expect(indexTitle(pattern, weekly('2026-W10', 'US'))).toBe('Briefings/Open Models Weekly');
    expect(indexTitle(pagePattern('{period} {variant} {slug}'), weekly('2026-W10', 'US'))).toBe('Open Models Weekly');
  });

  it('names what is wrong with a pattern: an unknown placeholder, or outputs sharing a page', () => {
    expect(() => entryTitle(pagePattern('{title}/{week}'), weekly('2026-W10', 'EU'))).toThrow(
      'page pattern "{title}/{week}": unknown placeholder {week} (known: {title}, {slug}, {period}, {variant}, {label}, {region})',
    );
    const pages = [{ title: 'W/2026-W10', label: '2026-W10 EU' }, { title: 'W/2026-W10', label: '2026-W10 US' }];
    expect(() => checkDistinct(pages, 'W', 'W/{period}')).toThrow(PagePatternError);
    expect(() => checkDistinct(pages, 'W', 'W/{period}')).toThrow('gives 2026-W10 EU and 2026-W10 US the same page "W/2026-W10"; add {period} and {variant}');
  });
});

describe('index entries', () => {
  it('lists what the record holds and what this run publishes, newest period first, this run\'s entry replacing its old one', () => {
    let record = emptyRecord('wiki', 'mediawiki', 'x');
    const page = { id: '1', revision: '1', sha256: '', storedSha256: '' };
    record = withPage(record, 'W', page);
    record = withPage(record, 'W/2026-W09/US', { ...page, entry: { period: '2026-W09', variant: 'US', label: '2026-W09 US' } });
    record = withPage(record, 'W/2026-W10/EU', { ...page, entry: { period: '2026-W10', variant: 'EU', label: '2026-W10 EU', headline: 'old' } });
    const current = [{ title: 'W/2026-W10/EU', period: '2026-W10', variant: 'EU', label: '2026-W10 EU', headline: 'new' }, { title: 'W/2026-W08/EU', period: '2026-W08', variant: 'EU', label: '2026-W08 EU' }];
    expect(indexEntries(record, current, 'W').map((e) => `${e.title} ${e.headline ?? ''}`.trim())).toEqual(['W/2026-W10/EU new', 'W/2026-W09/US', 'W/2026-W08/EU']);
  });
});

describe('the "build first" hint', () => {
  it('is a command a shell runs as it reads: resolved period, the parameters given, the same --out, --force for a stale output', () => {
    expect(buildCommand({ dir: 'content/weekly', out: 'out', period: '2026-W10', params: { region: 'US' }, stale: true })).toBe(
      'brief build content/weekly --period 2026-W10 --param region=US --out out --force',
    );
    expect(buildCommand({ dir: 'my briefs/x', out: 'out', period: undefined, params: { team: "O'Neil & co" }, stale: false })).toBe(
      "brief build 'my briefs/x' --param 'team=O'\\''Neil & co' --out out",
    );
    expect(buildCommand({ dir: 'x', out: 'out', period: undefined, params: { teams: 'a,b' }, stale: false })).toBe('brief build x --param teams=a,b --out out');
  });
});
