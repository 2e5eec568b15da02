import type { Dataset } from '../data/dataset.js';
import type { Meta } from '../frontmatter/meta-schema.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import { parsePeriod, periodLabel, previousPeriod, sameLastYear, type Period } from '../periods/period.js';
import { latestPeriod, periodWindows, uncoveredDatasets } from '../periods/period-windows.js';
import { LATEST, ParamError, periodParamName, resolveParams, type ParamValue } from './resolve-params.js';

export interface PeriodContext {
  id: string;
  kind: Period['kind'];
  label: string;
  start: string;
  end: string;
  previous: { id: string; label: string; start: string; end: string };
  lastYear: { id: string; label: string; start: string; end: string };
}

export interface ParamsStageResult {
  /** Every declared parameter's value; the period parameter holds the resolved period id. */
  params: Record<string, ParamValue>;
  period: Period | undefined;
  /** The briefing's datasets plus, with a period, their `@current`/`@previous`/`@lastyear`/`@trailing` windows. */
  datasets: Map<string, Dataset>;
  /** True when the period lies outside a dated dataset's rows: reported once per dataset, and nothing later can be meaningful. */
  noData: boolean;
}

/**
 * Resolves parameters (declared defaults, then the values given) and, for a periodic briefing,
 * the period — `latest` is the latest period present in the dated data — and its data windows.
 */
export function paramsStage(
  meta: Meta,
  datasets: ReadonlyMap<string, Dataset>,
  given: Readonly<Record<string, string>>,
  displayOf: (path: string) => string,
  log: MessageLog,
): ParamsStageResult {
  const file = displayOf('brief.md');
  let params: Record<string, ParamValue>;
  try {
    params = resolveParams(meta.params, given);
  } catch (error) {
    if (!(error instanceof ParamError)) throw error;
    log.report(catalogue.paramInvalid(error.message), file);
    params = fallbackParams(meta);
  }
  const all = new Map(datasets);
  const name = periodParamName(meta.params);
  const declaration = name ? meta.params[name] : undefined;
  if (!name || declaration?.type !== 'period' || params[name] === undefined) return { params, period: undefined, datasets: all, noData: false };
  const value = String(params[name]);
  const period = value === LATEST ? latestPeriod(declaration.kind, datasets, meta.data) : parsePeriod(value);
  if (!period) {
    // Dates that did not parse were reported at their cells; "no dated rows" would only echo them.
    if (log.hasErrors) return { params, period: undefined, datasets: all, noData: true };
    log.report(catalogue.periodLatestUnknown(name), file);
    return { params, period: undefined, datasets: all, noData: false };
  }
  params[name] = period.id;
  const uncovered = uncoveredDatasets(datasets, meta.data, period);
  for (const { dataset, covers } of uncovered) {
    const range = covers && (covers.first.id === covers.last.id ? covers.first.id : `${covers.first.id}..${covers.last.id}`);
    log.report(catalogue.periodNoData(dataset.name, period.id, range), displayOf(dataset.path));
  }
  for (const [windowName, window] of periodWindows(datasets, meta.data, period)) all.set(windowName, window);
  return { params, period, datasets: all, noData: uncovered.length > 0 };
}

/** What `{{period.…}}` shows in prose and templates. */
export function periodContext(period: Period | undefined, lang: string): PeriodContext | null {
  if (!period) return null;
  const brief = (p: Period) => ({ id: p.id, label: periodLabel(p, lang), start: p.start, end: p.end });
  return { ...brief(period), kind: period.kind, previous: brief(previousPeriod(period)), lastYear: brief(sameLastYear(period)) };
}

/** Parameters as chart specs see them (Vega-Lite params), with the period's first and last day. */
export function chartParams(params: Readonly<Record<string, ParamValue>>, period: Period | undefined): Record<string, ParamValue> {
  return period ? { ...params, period_start: period.start, period_end: period.end } : { ...params };
}

/** After a bad value: the defaults, so later stages still check the rest without cascading errors. */
function fallbackParams(meta: Meta): Record<string, ParamValue> {
  try {
    return resolveParams(meta.params, {});
  } catch {
    return Object.fromEntries(Object.entries(meta.params).map(([name, d]) => [name, d.default ?? '']));
  }
}
