import { describe, expect, it } from 'vitest';
import { findPlaceholders } from '../../../../src/pipeline/data/sql/sql-placeholders.js';

const names = (sql: string) => findPlaceholders(sql).placeholders.map((p) => `${p.name}@${p.offset}`);

describe('finding $name placeholders', () => {
  it('finds names in code, with their offsets, repeated names each time', () => {
    const sql = 'SELECT * FROM t WHERE a = $region AND b BETWEEN $period_start AND $period_end OR c = $region';
    expect(names(sql)).toEqual([
      `region@${sql.indexOf('$region')}`, `period_start@${sql.indexOf('$period_start')}`, `period_end@${sql.indexOf('$period_end')}`, `region@${sql.lastIndexOf('$region')}`,
    ]);
  });

  it('skips strings, quoted identifiers, comments and dollar-quoted text', () => {
    const sql = [
      "SELECT '$no', 'it''s $no', E'\\' $no', \"$no\" -- $no",
      '/* $no /* nested $no */ $no */ $$ $no $$, $tag$ $no $tag$,',
      'a$b, $yes',
    ].join('\n');
    expect(names(sql)).toEqual([`yes@${sql.indexOf('$yes')}`]);
  });

  it('reports positional $1 placeholders apart', () => {
    expect(findPlaceholders('SELECT $1, $name').positional).toEqual([7]);
  });
});
