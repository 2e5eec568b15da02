import { describe, expect, it } from 'vitest';
import { memoryFiles } from '../../../../src/edges/files/briefing-files.js';
import { collectQuerySources } from '../../../../src/pipeline/data/sql/query-sources.js';
import { dataDeclarationsSchema } from '../../../../src/pipeline/frontmatter/data-declarations.js';
import { parseFrontMatter, splitFrontMatter } from '../../../../src/pipeline/frontmatter/parse-front-matter.js';
import { MessageLog } from '../../../../src/messages/message-log.js';

/** Where the word `target` of each dataset's SQL is, as brief.md line:column. */
function placesOf(brief: string, extra: Record<string, string> = {}) {
  const log = new MessageLog();
  const meta = parseFrontMatter(splitFrontMatter(brief).yaml, 'b/brief.md', log);
  const files = memoryFiles({ 'brief.md': brief, ...extra }, 'b');
  const sources = collectQuerySources(files, meta?.data ?? dataDeclarationsSchema.parse({}), log);
  return {
    places: Object.fromEntries(sources.map((s) => [s.name, `${s.file}:${Object.values(s.placeOf(s.sql.indexOf('target'))).join(':')}`])),
    messages: log.messages.map((m) => `${m.file}:${m.place?.line}:${m.place?.column} ${m.ruleId}`),
  };
}

describe('SQL texts and their places', () => {
  it('map offsets back into literal, folded, plain and quoted front matter scalars', () => {
    const brief = [
      '---', // 1
      'title: T', // 2
      'data:', // 3
      '  literal:', // 4
      '    sql: |', // 5
      '      SELECT a,', // 6
      '        target FROM x', // 7
      '  folded:', // 8
      '    sql: >-', // 9
      '      SELECT a', // 10
      '      FROM target', // 11
      '  plain:', // 12
      '    sql: SELECT a', // 13
      '      FROM target', // 14
      '  quoted: { sql: "SELECT target FROM x" }', // 15
      '---',
      'Body',
    ].join('\n');
    expect(placesOf(brief).places).toEqual({
      literal: 'b/brief.md:7:9',
      folded: 'b/brief.md:11:12',
      plain: 'b/brief.md:14:12',
      quoted: 'b/brief.md:15:26',
    });
  });

  it('read queries/<name>.sql by its own lines; SQL in both places is one error', () => {
    const brief = '---\ntitle: T\ndata:\n  totals:\n    sql: SELECT target\n---\n';
    const result = placesOf(brief, { 'queries/top.sql': '-- top\nSELECT target\n', 'queries/totals.sql': 'SELECT 2', 'queries/notes.txt': 'x' });
    expect(result.places).toEqual({ top: 'b/queries/top.sql:2:8', totals: 'b/brief.md:5:17' });
    expect(result.messages).toEqual(['b/brief.md:4:3 sql-duplicate']);
  });

  it('report a source without SQL', () => {
    expect(placesOf('---\ntitle: T\ndata:\n  kpi: { source: warehouse }\n---\n').messages).toEqual(['b/brief.md:4:3 sql-missing']);
  });
});
