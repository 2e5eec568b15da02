/**
 * The one owner of the output layout. Build, archive, preview and publish all name an output's
 * folder and files through these functions, so a (period, variant) lives in exactly one place.
 *
 *   <out>/<slug>/                       one-off briefing without parameters
 *   <out>/<slug>/<variant>/             one-off briefing with parameters
 *   <out>/<slug>/<period>/              periodic briefing without other parameters
 *   <out>/<slug>/<period>/<variant>/    periodic briefing with other parameters
 *
 * The variant is the values of every non-period parameter, in declaration order, whether they came
 * from defaults, `--param` or `--matrix`: a default build and `--matrix region=EU` are one output.
 */

/** What identifies one output of a briefing. */
export interface OutputId {
  slug: string;
  /** The period id (`2026-W10`) of a periodic briefing, else undefined. */
  period: string | undefined;
  /** The variant's folder name (`EU`, `EU_retail`), or undefined when the briefing has no other parameters. */
  variant: string | undefined;
}

export type ParamValue = string | number | boolean;

/**
 * The variant of resolved parameter values: the non-period parameters in declaration order
 * (`declared` lists the names in that order), joined by `_`; undefined when there are none.
 */
export function variantOf(declared: readonly string[], periodParam: string | undefined, values: Readonly<Record<string, ParamValue>>): string | undefined {
  const parts = declared.filter((name) => name !== periodParam).map((name) => folderName(String(values[name] ?? '')));
  return parts.length > 0 ? parts.join('_') : undefined;
}

/**
 * The output a render produced: its period is the period parameter's resolved value (`latest`
 * already turned into a period id), its variant the other parameters' values.
 */
export function outputIdOf(slug: string, declared: readonly string[], periodParam: string | undefined, values: Readonly<Record<string, ParamValue>>): OutputId {
  const period = periodParam === undefined ? undefined : values[periodParam];
  return { slug, period: period === undefined ? undefined : String(period), variant: variantOf(declared, periodParam, values) };
}

/** The variant's values as people read them (`EU, retail`), for titles and labels; undefined without one. */
export function variantText(declared: readonly string[], periodParam: string | undefined, values: Readonly<Record<string, ParamValue>>): string | undefined {
  const parts = declared.filter((name) => name !== periodParam).map((name) => String(values[name] ?? ''));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** A parameter value as a folder name: letters, digits, dot, dash and underscore. */
export function folderName(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'value';
}

/** The output's folder as path segments relative to `--out`: `[slug, period?, variant?]`. */
export function outputSegments(id: OutputId): string[] {
  return [id.slug, ...(id.period ? [id.period] : []), ...(id.variant ? [id.variant] : [])];
}

/** The output's folder relative to the briefing's archive folder (`<out>/<slug>/`), `''` for a plain one-off. */
export function archiveRelative(id: OutputId): string {
  return outputSegments(id).slice(1).join('/');
}

/**
 * The PDF's file name, stable and filesystem-safe, naming period and variant so that PDFs of
 * different issues can sit side by side in a mail or a download folder:
 * `open-model-weekly-2026-W10-eu.pdf`.
 */
export function pdfName(id: OutputId): string {
  return `${[id.slug, id.period, id.variant?.toLowerCase()].filter(Boolean).join('-')}.pdf`;
}

/** How an output is named in progress lines, summaries and messages: `2026-W10 EU`. */
export function outputLabel(id: OutputId): string {
  return [id.period, id.variant].filter(Boolean).join(' ');
}

/**
 * Where `brief build` keeps rendered charts between runs, relative to `--out`: beside the
 * briefings' folders (a slug never starts with a dot), bounded in size, always safe to delete.
 */
export const CHART_CACHE_SEGMENTS: readonly string[] = ['.cache', 'charts'];
