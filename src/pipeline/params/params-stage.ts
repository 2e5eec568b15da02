import { brokenDataset, type Dataset } from '../data/dataset.js';
import type { Meta } from '../frontmatter/meta-schema.js';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import { parsePeriod, periodLabel, previousPeriod, sameLastYear, type Period } from '../periods/period.js';
import { latestPeriod, periodWindows } from '../periods/period-windows.js';
import { WINDOWS } from '../periods/period-windows.js';
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
  /** A periodic briefing whose period could not be resolved (its error is reported). */
  periodUnresolved?: true;
}

/** What `{{period.…}}` shows when the period could not be resolved: the build fails anyway, on that error alone. */
export function unresolvedPeriod(): PeriodContext {
  const none = { id: '…', label: '…', start: '…', end: '…' };
  return { ...none, kind: 'week', previous: none, lastYear: none };
}

/**
 * Resolves parameters (declared defaults, then the values given) and, for a periodic briefing,
 * the period — `latest` is the latest period present in the dated data — and its data windows.
 */
export function paramsStage(
  meta: Meta,
  datasets: ReadonlyMap<string, Dataset>,
  given: Readonly<Record<string, string>>,
  file: string,
  log: MessageLog,
): ParamsStageResult {
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
  if (!name || declaration?.type !== 'period' || params[name] === undefined) return { params, period: undefined, datasets: all };
  const value = String(params[name]);
  const period = value === LATEST ? latestPeriod(declaration.kind, datasets, meta.data) : parsePeriod(value);
  if (!period) {
    const dated = Object.entries(meta.data).filter(([, d]) => d.date !== undefined).map(([dataset]) => dataset);
    const brokenData = dated.some((dataset) => datasets.get(dataset)?.broken);
    log.report(brokenData ? catalogue.followOn(name) : catalogue.periodLatestUnknown(name), file);
    // The windows stand in empty, so that their uses are follow-ons of the error above.
    for (const dataset of dated) {
      for (const window of WINDOWS) all.set(`${dataset}@${window}`, brokenDataset(`${dataset}@${window}`, datasets.get(dataset)?.path ?? `data/${dataset}`));
    }
    return { params, period: undefined, datasets: all, periodUnresolved: true };
  }
  params[name] = period.id;
  for (const [windowName, window] of periodWindows(datasets, meta.data, period)) all.set(windowName, window);
  return { params, period, datasets: all };
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
