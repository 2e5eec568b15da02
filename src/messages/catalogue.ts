/**
 * Every content message Briefsmith can report, in one place (as Vega-Lite's `log/message.ts`).
 * Tests assert on these builders rather than on copied strings.
 */
import type { Severity } from './message.js';
import { didYouMean } from './closest.js';

export interface MessageTemplate {
  ruleId: string;
  severity: Severity;
  reason: string;
}

const error = (ruleId: string, reason: string): MessageTemplate => ({ ruleId, severity: 'error', reason });
const warning = (ruleId: string, reason: string): MessageTemplate => ({ ruleId, severity: 'warning', reason });
export const FOLLOW_ON = 'follow-on';
const list = (names: readonly string[]): string => (names.length === 0 ? 'none' : names.join(', '));

export const catalogue = {
  // Loading
  briefMissing: (file: string) => error('brief-missing', `no ${file} in the briefing folder`),
  fileOutside: (path: string) => error('file-outside', `"${path}" is outside the briefing folder`),
  fileMissing: (path: string, beside: readonly string[] = []) => error('file-missing', `file "${path}" does not exist${didYouMean(path, beside)}`),
  // Front matter
  yamlInvalid: (detail: string) => error('yaml-invalid', `invalid YAML front matter: ${detail}`),
  yamlAliases: (limit: number) =>
    error('yaml-aliases', `front matter expands aliases (*name) more than ${limit} times; write the values out instead`),
  frontMatterInvalid: (key: string, detail: string) =>
    error('front-matter-invalid', `front matter "${key}": ${detail}`),
  templateUnknown: (name: string, known: readonly string[]) =>
    error('template-unknown', `unknown template "${name}"${didYouMean(name, known)} (known: ${list(known)})`),
  // Data
  dataParse: (name: string, detail: string) => error('data-parse', `dataset "${name}": ${detail}`),
  dataFormat: (file: string) =>
    error('data-format', `unsupported data file "${file}" (use .csv, .tsv, .json, .ndjson, .topojson or .geojson)`),
  dataFileIgnored: (file: string) =>
    warning('data-file-ignored', `"${file}" is not a data file (.csv, .tsv, .json, .ndjson, .topojson, .geojson); charts can still show it as an image`),
  dataDuplicate: (name: string) => error('data-duplicate', `two data files are named "${name}"`),
  /**
   * A use of something whose own error was already reported (a dataset that did not load, a
   * period that could not be resolved): the log drops it, so one mistake is one message.
   */
  followOn: (name: string) => error(FOLLOW_ON, `"${name}" is not checked: its own error is reported`),
  dataUnknown: (name: string, known: readonly string[]) =>
    error('data-unknown', `unknown dataset "${name}"${didYouMean(name, known)} (known: ${list(known)})`),
  columnUnknown: (dataset: string, column: string, known: readonly string[]) =>
    error('column-unknown', `dataset "${dataset}" has no column "${column}"${didYouMean(column, known)} (columns: ${list(known)})`),
  keyNotFound: (dataset: string, column: string, key: string) =>
    error('key-not-found', `dataset "${dataset}" has no row with ${column} = "${key}"`),
  // Parameters and periods
  paramInvalid: (detail: string) => error('param-invalid', detail),
  periodLatestUnknown: (name: string) =>
    error('period-latest', `parameter "${name}" is "latest", but no dataset declares a date column with rows (data: { <name>: { date: <column> } })`),
  periodNoData: (dataset: string, period: string, covers: string | undefined) =>
    error('period-no-data', `no rows of "${dataset}" fall in ${period} (${covers === undefined ? 'it has no dated rows' : `the data covers ${covers}`})`),
  // Prose templating
  proseSyntax: (detail: string) => error('prose-syntax', `template syntax error: ${detail}`),
  variableEmpty: (path: string, empty: string) =>
    error('variable-empty', `"${path}" cannot be read: "${empty}" has no value here`),
  variableUnknown: (name: string, suggestion?: string) =>
    error('variable-unknown', `unknown variable "${name}"${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`),
  helperUnknown: (name: string, known: readonly string[] = []) => error('helper-unknown', `unknown helper "${name}"${didYouMean(name, known)}`),
  helperFailed: (name: string, detail: string) => error('helper-failed', `helper "${name}": ${detail}`),
  // Charts
  chartMissing: (path: string, beside: readonly string[] = []) => error('chart-missing', `chart file "${path}" does not exist${didYouMean(path, beside)}`),
  chartJson: (detail: string) => error('chart-json', `chart spec is not valid JSON: ${detail}`),
  chartSchema: (detail: string) => error('chart-schema', `invalid Vega-Lite spec: ${detail}`),
  chartField: (field: string, dataset: string, known: readonly string[]) =>
    error('chart-field', `field "${field}" is not a column of dataset "${dataset}"${didYouMean(field, known)} (columns: ${list(known)})`),
  chartDataUrl: (url: string) =>
    error('chart-data-url', `chart data url "${url}" must be a file under data/ in the briefing folder`),
  chartRender: (detail: string) => error('chart-render', `chart failed to render: ${detail}`),
  chartTooLarge: (what: string, rows: number, limit: number) =>
    error('chart-too-large', `${what} would make ${Number.isFinite(rows) ? rows.toLocaleString('en-US') : 'endless'} rows; a chart may generate at most ${limit.toLocaleString('en-US')}`),
  chartTooDeep: (limit: number) => error('chart-too-deep', `chart spec nests more than ${limit} levels deep`),
  chartDirective: (detail: string) => error('chart-directive', `chart directive: ${detail}`),
  chartIdDuplicate: (id: string) => error('chart-id-duplicate', `figure id "${id}" is used twice`),
  figureNoCaption: () => warning('figure-no-caption', 'figure has no caption (add caption="…" or a spec title)'),
  chartNoDescription: () =>
    warning('chart-no-description', 'chart has no "description": screen readers fall back to its title or caption'),
  chartSchemaAccepted: (detail: string) =>
    warning('chart-schema', `Vega-Lite schema: ${detail} (the compiler accepts it, so the chart is drawn)`),
  chartWarning: (detail: string) => warning('chart-warning', `Vega-Lite: ${detail}`),
  chartVegaWarning: (detail: string) => warning('chart-warning', `Vega: ${detail}`),
  chartImageOutside: (url: string) =>
    error('chart-image', `chart image "${url}" is not a file in the briefing folder (chart images are embedded from the folder, never requested)`),
  chartImageMissing: (url: string) => error('chart-image', `chart image "${url}" does not exist in the briefing folder`),
  chartLinkRemoved: (href: string) =>
    warning('chart-link', `chart link "${href}" was removed: charts keep links to web and mail addresses only`),
  chartTableFailed: (detail: string) =>
    warning('chart-table', `the chart's data table could not be made (${detail}); the chart is shown without it`),
  chartTopologyObject: (name: string, known: readonly string[]) =>
    error('chart-data-format', `the TopoJSON file has no object "${name}" (objects: ${list(known)})`),
  markdownTooDeep: (limit: number) =>
    error('markdown-too-deep', `Markdown nests more than ${limit} levels deep (block quotes, lists, emphasis, HTML); the deeper part is left out`),
  // Citations and links
  citationUndefined: (label: string) => error('citation-undefined', `citation [^${label}] is used but never defined`),
  citationDuplicate: (label: string) => error('citation-duplicate', `footnote [^${label}] is defined twice`),
  citationUnused: (label: string) => warning('citation-unused', `footnote [^${label}] is defined but never cited`),
  xrefUnknown: (ref: string, known: readonly string[], suggestion?: string) =>
    error(
      'xref-unknown',
      `cross-reference "@${ref}" names no figure or table${suggestion ? ` (did you mean "@${suggestion}"?)` : ` (known: ${list(known)})`}`,
    ),
  imageMissing: (src: string, beside: readonly string[] = []) => error('image-missing', `image "${src}" does not exist in the briefing folder${didYouMean(src, beside)}`),
  imageRemote: (src: string) =>
    error('image-remote', `image "${src}" is remote; briefings embed images from their own folder only`),
  htmlRemoved: (tag: string) =>
    warning('html-removed', `raw HTML <${tag}> is not allowed in a briefing; it is removed with its content`),
  // Fonts
  glyphMissing: (char: string, codePoint: number) =>
    warning(
      'glyph-missing',
      `no embedded font has a glyph for "${char}" (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}); it will print in a fallback font or as an empty box`,
    ),
  // Templates
  layoutFailed: (detail: string) => error('layout-failed', `template failed: ${detail}`),
  /** A briefing's own layout.hbs or partials/*.hbs that Handlebars cannot parse. */
  templateSyntax: (detail: string) => error('template-syntax', `template syntax error: ${detail}`),
  templateConfigJson: (detail: string) => error('template-config', `template.json is not valid JSON: ${detail}`),
  // brief check: rules that look at the whole briefing rather than one stage's input
  linkBroken: (href: string, suggestion?: string) =>
    error(
      'link-broken',
      `link "${href}" points to no heading, figure or other id in the document${suggestion ? ` (did you mean "#${suggestion}"?)` : ''}`,
    ),
  dataRowWidth: (name: string, row: number, cells: number, columns: number) =>
    error('data-parse', `dataset "${name}": row ${row} has ${cells} cell${cells === 1 ? '' : 's'} but the header has ${columns} column${columns === 1 ? '' : 's'}`),
  datasetUnused: (name: string) => warning('dataset-unused', `dataset "${name}" is never used by a chart or the text`),
  sectionEmpty: (title: string) => warning('section-empty', `section "${title}" has no content before the next "##"`),
  headingSkip: (from: number, to: number) =>
    warning('heading-skip', `heading level skips from h${from} to h${to} (use ${'#'.repeat(from + 1)} here)`),
  /** A bug in Briefsmith (see `internalErrorLine`): not the content's fault, exit 70. */
  internal: (line: string) => error('internal', line),
  renderFailed: (detail: string) => error('render-failed', `the briefing could not be rendered: ${detail}`),
  // Checked data: dataset schemas (front matter `data.<name>.schema` or `data/<name>.schema.json|yaml`)
  dataInvalid: (dataset: string, column: string, detail: string) =>
    error('data-invalid', `dataset "${dataset}", column "${column}": ${detail}`),
  dataErrorsCapped: (dataset: string, more: number) =>
    error('data-invalid', `… and ${more} more error${more === 1 ? '' : 's'} in dataset "${dataset}" (not shown; the first is here)`),
  dataColumnMissing: (dataset: string, column: string, role: 'required' | 'key' | 'date', header: readonly string[]) =>
    error('data-invalid', `dataset "${dataset}": ${role} column "${column}" is not in the header (columns: ${list(header)})`),
  dataColumnAbsent: (dataset: string, column: string, header: readonly string[]) =>
    warning('data-column-absent', `dataset "${dataset}": declared column "${column}" is not in the header (columns: ${list(header)})`),
  dataSchemaInvalid: (dataset: string, detail: string) => error('data-schema-invalid', `schema of dataset "${dataset}": ${detail}`),
  dataSchemaIgnored: (dataset: string) =>
    warning('data-schema-ignored', `front matter declares the schema of dataset "${dataset}", so this schema file is ignored`),
  dataSchemaOrphan: (dataset: string) =>
    warning('data-schema-orphan', `a schema for dataset "${dataset}", but there is no data file data/${dataset}.csv|tsv|json|ndjson`),
  // SQL datasets (front matter `data.<name>.sql`, `queries/<name>.sql`)
  sqlTwice: (name: string) => error('sql-duplicate', `dataset "${name}" has SQL both in front matter and in queries/${name}.sql; keep one`),
  sqlMissing: (name: string) =>
    error('sql-missing', `dataset "${name}" names a source but has no SQL (add data.${name}.sql or queries/${name}.sql)`),
  sqlError: (detail: string, suggestion?: string) => error('sql-error', `${detail}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`),
  sqlParamUnknown: (name: string, known: readonly string[]) =>
    error('sql-param-unknown', `unknown parameter "$${name}" (known: ${list(known.map((k) => `$${k}`))})`),
  sqlParamPositional: () =>
    error('sql-param-unknown', 'positional parameters ($1, $2, …) are not used in briefings: name them ($period_start, $region, …)'),
  sqlRefused: (detail: string) => error('sql-refused', detail),
  sqlLimit: (dataset: string, detail: string) => error('sql-limit', `dataset "${dataset}": ${detail}`),
  sqlType: (dataset: string, detail: string) => error('sql-type', `dataset "${dataset}": ${detail}`),
  sqlSource: (detail: string) => error('sql-source', detail),
  sqlUnavailable: (dataset: string) =>
    error('sql-unavailable', `dataset "${dataset}" is a SQL query, but queries cannot run here (the briefing is not a folder on disk)`),
  sqlOffline: (dataset: string, detail: string) => error('sql-offline', `dataset "${dataset}": ${detail}`),
  // brief publish: briefsmith.config.json
  publishConfigJson: (detail: string) => error('publish-config', `briefsmith.config.json is not valid JSON: ${detail}`),
  publishConfigInvalid: (key: string, detail: string) => error('publish-config', `publish config "${key}": ${detail}`),
} as const;

export type CatalogueKey = keyof typeof catalogue;
