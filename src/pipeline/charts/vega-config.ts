import type { Config } from 'vega-lite';
import type { ChartTheme } from './chart-theme.js';
import type { JsonObject } from './json.js';
import { isSingleView } from './spec-walk.js';

/**
 * Vega-Lite config from the template's chart theme, so charts share the text's font and colours.
 * Accessibility attributes are turned off because the SVG is one `role="img"` as a whole.
 * Interactive charts get tooltips on every mark: its tooltip encoding, or else its encoded fields.
 */
export function chartConfig(theme: ChartTheme, singleView: boolean, tooltips = false): Config {
  const text = { labelFontSize: theme.fontSize, titleFontSize: theme.fontSize, labelColor: theme.mutedColor, titleColor: theme.textColor };
  return {
    font: theme.fontFamily,
    background: theme.background,
    aria: false,
    // Single plots get the theme's height; composite views keep Vega-Lite's smaller panels.
    view: singleView ? { stroke: null, continuousHeight: theme.height } : { stroke: null },
    axis: { ...text, domainColor: theme.mutedColor, tickColor: theme.mutedColor, gridColor: theme.gridColor },
    legend: text,
    header: text,
    title: {
      fontSize: theme.titleFontSize,
      color: theme.textColor,
      subtitleFontSize: theme.fontSize,
      subtitleColor: theme.mutedColor,
      anchor: 'start',
    },
    text: { fontSize: theme.fontSize, color: theme.textColor },
    mark: { color: theme.palette[0] ?? '#1f5f8b', ...(tooltips ? { tooltip: true } : {}) },
    range: { category: theme.palette },
  };
}

export interface SizedSpec {
  spec: JsonObject;
  singleView: boolean;
  /** True when the fit autosize is ours, so Vega-Lite's notes about dropping it are not the author's concern. */
  autosizeAdded: boolean;
}

/**
 * A single plot without a width fills the text column: the theme width becomes the total width
 * (axes and legend included) through `fit-x`. Height stays natural, so discrete axes keep their
 * step size. Composite views are left alone: their panel sizes are the author's layout.
 */
export function applySizeDefaults(spec: JsonObject, theme: ChartTheme): SizedSpec {
  const singleView = isSingleView(spec);
  if (!singleView || 'width' in spec || 'autosize' in spec) return { spec, singleView, autosizeAdded: false };
  return {
    spec: { ...spec, width: theme.width, autosize: { type: 'fit-x', contains: 'padding' } },
    singleView,
    autosizeAdded: true,
  };
}
