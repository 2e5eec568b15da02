import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import { displayPath, type BriefingFiles } from '../../../edges/files/briefing-files.js';
import type { DataDeclaration } from '../../frontmatter/data-declarations.js';
import { splitFrontMatter } from '../../frontmatter/parse-front-matter.js';
import { catalogue } from '../../../messages/catalogue.js';
import { LineIndex } from '../../../messages/line-index.js';
import type { MessageLog } from '../../../messages/message-log.js';
import type { Place } from '../../../messages/message.js';
import { datasetName } from '../parse-dataset.js';

/** A SQL dataset: its text, where it is written, and which engine runs it. */
export interface QuerySource {
  name: string;
  /** A source from briefsmith.config.json; undefined runs DuckDB over the briefing folder. */
  source: string | undefined;
  sql: string;
  /** Briefing-relative file the SQL is written in: `queries/<name>.sql` or `brief.md`. */
  path: string;
  /** That file as shown in messages. */
  file: string;
  /** The place in `file` of a string offset into `sql`. */
  placeOf(offset: number): Place;
}

/**
 * The briefing's SQL datasets: `data.<name>.sql` in front matter and `queries/<name>.sql` files
 * (named by the stem; front matter may still give them a `source`, a `date` column or a schema).
 */
export function collectQuerySources(files: BriefingFiles, declarations: Readonly<Record<string, DataDeclaration>>, log: MessageLog): QuerySource[] {
  const sources: QuerySource[] = [];
  const brief = displayPath(files, 'brief.md');
  const frontMatter = lazyFrontMatter(files);
  for (const fileName of files.list('queries')) {
    if (fileName.startsWith('.') || !fileName.toLowerCase().endsWith('.sql')) continue;
    const path = `queries/${fileName}`;
    const name = datasetName(path);
    const sql = files.readText(path);
    if (sql === undefined) continue;
    if (declarations[name]?.sql !== undefined) {
      log.report(catalogue.sqlTwice(name), brief, frontMatter().placeOfKey(name));
      continue;
    }
    const index = new LineIndex(sql);
    sources.push({ name, source: declarations[name]?.source, sql, path, file: displayPath(files, path), placeOf: (offset) => index.place(offset) });
  }
  for (const [name, declaration] of Object.entries(declarations)) {
    if (declaration.sql === undefined) {
      if (declaration.source !== undefined && !sources.some((s) => s.name === name)) log.report(catalogue.sqlMissing(name), brief, frontMatter().placeOfKey(name));
      continue;
    }
    const placeOf = frontMatter().placeInSql(name);
    sources.push({ name, source: declaration.source, sql: declaration.sql, path: 'brief.md', file: brief, placeOf });
  }
  return sources;
}

/** Front matter parsed again (only when there is SQL in it) to place offsets of `data.<name>.sql`. */
function lazyFrontMatter(files: BriefingFiles) {
  let parsed: { yaml: string; index: LineIndex; doc: ReturnType<typeof parseDocument> } | undefined;
  return () => {
    if (!parsed) {
      const { yaml } = splitFrontMatter(files.readText('brief.md') ?? '');
      parsed = { yaml, index: new LineIndex(yaml), doc: parseDocument(yaml) };
    }
    const { yaml, index, doc } = parsed;
    // The YAML starts on line 2 of brief.md, after the opening fence.
    const place = (offset: number): Place => {
      const p = index.place(offset);
      return { line: p.line + 1, column: p.column };
    };
    return {
      placeOfKey: (name: string): Place => {
        const data = doc.get('data', true);
        const pair = isMap(data) ? data.items.find((p) => isScalar(p.key) && p.key.value === name) : undefined;
        return place(isScalar(pair?.key) ? (pair.key.range?.[0] ?? 0) : 0);
      },
      placeInSql: (name: string): ((offset: number) => Place) => {
        const node = doc.getIn(['data', name, 'sql'], true);
        if (!isScalar(node) || !node.range) return () => place(0);
        const segments = scalarSegments(yaml, node as Scalar & { range: [number, number, number] });
        return (offset) => {
          let segment = segments[0] ?? { sqlStart: 0, yamlOffset: node.range?.[0] ?? 0 };
          for (const s of segments) if (s.sqlStart <= offset) segment = s;
          return place(segment.yamlOffset + offset - segment.sqlStart);
        };
      },
    };
  };
}

/** Where each source line of a scalar starts, in the scalar's value and in the YAML text. */
interface Segment {
  sqlStart: number;
  yamlOffset: number;
}

/**
 * Maps a YAML scalar's value back to its lines. A literal block (`|`) keeps lines as written
 * minus the indentation; folded blocks and multi-line plain or quoted scalars join lines with one
 * space, so each source line still starts where the previous one ended plus one. (Escapes in
 * quoted scalars shift columns slightly; lines stay right.)
 */
function scalarSegments(yaml: string, node: Scalar & { range: [number, number, number] }): Segment[] {
  const [start, end] = node.range;
  const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  const source = yaml.slice(start, end);
  const lines: Array<{ at: number; text: string }> = [];
  let at = start;
  for (const text of source.split('\n')) {
    lines.push({ at, text });
    at += text.length + 1;
  }
  const content = block ? lines.slice(1) : lines;
  const explicit = block ? /^[|>][+-]?([1-9])/.exec(lines[0]?.text ?? '')?.[1] : undefined;
  const firstText = content.find((l) => l.text.trim() !== '')?.text ?? '';
  const blockIndent = explicit ? Number(explicit) : firstText.length - firstText.trimStart().length;
  const segments: Segment[] = [];
  let sqlStart = 0;
  content.forEach((line, k) => {
    const quoted = !block && k === 0 && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? 1 : 0;
    const indent = block ? Math.min(blockIndent, line.text.length) : k === 0 ? quoted : line.text.length - line.text.trimStart().length;
    segments.push({ sqlStart, yamlOffset: line.at + indent });
    sqlStart += line.text.length - indent + 1;
  });
  return segments;
}
