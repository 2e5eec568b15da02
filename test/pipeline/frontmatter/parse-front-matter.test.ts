import { describe, expect, it } from 'vitest';
import { parseFrontMatter, splitFrontMatter } from '../../../src/pipeline/frontmatter/parse-front-matter.js';
import { catalogue } from '../../../src/messages/catalogue.js';
import { MessageLog } from '../../../src/messages/message-log.js';

function parse(text: string) {
  const log = new MessageLog();
  const split = splitFrontMatter(text);
  const meta = parseFrontMatter(split.yaml, 'b/brief.md', log);
  return { meta, split, messages: log.messages };
}

describe('splitFrontMatter', () => {
  it('separates YAML from the body and reports where the body starts', () => {
    const { split } = parse('---\ntitle: A\n---\n# Body\n');
    expect(split).toEqual({ yaml: 'title: A', body: '# Body\n', bodyLine: 4 });
  });

  it('treats a file without fences as all body', () => {
    expect(splitFrontMatter('Hello\n---\n')).toEqual({ yaml: '', body: 'Hello\n---\n', bodyLine: 1 });
  });
});

describe('parseFrontMatter', () => {
  it('validates and defaults the meta block', () => {
    const { meta, messages } = parse('---\ntitle: A\ndate: 2026-01-21\nauthors:\n  - Ann\n  - name: Bo\n    affiliation: X\n---\n');
    expect(messages).toEqual([]);
    expect(meta).toEqual({
      title: 'A',
      date: '2026-01-21',
      authors: [{ name: 'Ann' }, { name: 'Bo', affiliation: 'X' }],
      lang: 'en',
      template: 'briefing',
      keywords: [],
      params: {},
      data: {},
      interactive: false,
    });
  });

  it('reports YAML syntax errors at their place', () => {
    const { meta, messages } = parse('---\ntitle: A\nauthors: [x\n---\n');
    expect(meta).toBeUndefined();
    expect(messages[0]?.ruleId).toBe('yaml-invalid');
    expect(messages[0]?.place?.line).toBeGreaterThanOrEqual(3);
  });

  it('reports an unknown key and a bad value where they are written', () => {
    const { messages } = parse('---\ntitle: A\nautors: [x]\ndate: 21/01/2026\n---\n');
    expect(messages).toEqual([
      { file: 'b/brief.md', place: { line: 3, column: 1 }, ...catalogue.frontMatterInvalid('autors', 'unknown key (did you mean "authors"?)') },
      { file: 'b/brief.md', place: { line: 4, column: 7 }, ...catalogue.frontMatterInvalid('date', 'expected a date as YYYY-MM-DD') },
    ]);
  });

  it('refuses an alias bomb with a positioned error instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const previous = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const { meta, messages } = parse(`---\ntitle: Bomb\n${levels.join('\n')}\n---\n`);
    expect(meta).toBeUndefined();
    expect(messages).toEqual([{ file: 'b/brief.md', place: { line: 4, column: 8 }, ...catalogue.yamlAliases(100) }]);
  });

  it('reports a missing title at the start of the block', () => {
    const { messages } = parse('---\nsubtitle: S\n---\n');
    expect(messages).toEqual([{ file: 'b/brief.md', place: { line: 2, column: 1 }, ...catalogue.frontMatterInvalid('title', 'is required') }]);
  });

  it('never executes code: a JS front-matter fence is just an unknown YAML document', () => {
    const { meta, messages } = parse('---js\n{ title: (() => { throw new Error("ran") })() }\n---\n');
    expect(meta).toBeUndefined();
    expect(messages[0]?.ruleId).toBe('front-matter-invalid');
  });
});
