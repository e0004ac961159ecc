/**
 * Bar charts of the log as PNG. The renderer (vega, vega-lite, resvg: about half a second
 * to load) is imported on first use, so everything else that imports the activities
 * folder starts fast.
 */
import type { Taxonomy } from '../reader/index.ts';
import { periodInWords } from '../time/index.ts';
import { logMessages } from './messages.ts';
import type { MonthlyStats } from './sqlite/stats.ts';
import type { Stats } from './types.ts';

/** How a chart is drawn: bars per kind, or per month (stacked by kind). */
export interface ChartOptions {
  readonly by: 'kind' | 'month';
  /** Chart title; by default one naming the kinds asked for and the period (see chartTitle). */
  readonly title?: string;
  /** The kinds the query named (empty or absent: every kind), for the default title. */
  readonly kinds?: readonly string[];
  /** Labels for those kinds; without it the labels in the data are used. */
  readonly taxonomy?: Taxonomy;
}

/** How data is drawn: `Stats` per kind, `MonthlyStats` per month. */
export function chartBy(data: Stats | MonthlyStats): ChartOptions['by'] {
  return 'counts' in data ? 'kind' : 'month';
}

/**
 * A chart's title from its period and the kinds asked for: 2023年上半年视察、调研次数, or
 * 2023年上半年各类履职活动次数 when every kind is counted; 每月 for a chart by month.
 */
export function chartTitle(data: Stats | MonthlyStats, options: Omit<ChartOptions, 'title'> = { by: 'kind' }): string {
  const period = periodInWords(data.from, data.to);
  const kinds = options.kinds ?? [];
  const known = 'counts' in data ? data.counts : data.months.flatMap((m) => m.counts);
  const labels = kinds.map((k) => options.taxonomy?.label(k) ?? known.find((c) => c.kind === k)?.label ?? k);
  const what = labels.length > 0 && labels.length <= 4 ? labels.join('、') : undefined;
  return options.by === 'month' ? logMessages.chartTitleByMonth(period, what) : logMessages.chartTitleByKind(period, what);
}

/**
 * Render counts as a PNG bar chart with Chinese title and labels: `stats(query)` with
 * `by: 'kind'`, or `statsByMonth(query)` with `by: 'month'`.
 */
export async function renderChart(data: Stats | MonthlyStats, options: ChartOptions): Promise<Uint8Array> {
  const { renderChartNow } = await import('./chart-render.ts');
  return renderChartNow(data, options);
}

/**
 * The same chart as SVG text, for a browser to draw (the web console): no rasterising, which
 * costs several times the chart itself, and sharp at any zoom.
 */
export async function renderChartSvg(data: Stats | MonthlyStats, options: ChartOptions): Promise<string> {
  const { chartSvg, CHART_FONT_FAMILY } = await import('./chart-render.ts');
  // The browser has its own Chinese fonts, not the bundled one: name those it may have after it.
  return (await chartSvg(data, options)).replaceAll(`font-family="${CHART_FONT_FAMILY}"`, `font-family="${BROWSER_FONTS(CHART_FONT_FAMILY)}"`);
}

/** The bundled font first, then the Chinese sans-serif fonts of Windows, macOS and Linux desktops. */
const BROWSER_FONTS = (bundled: string): string =>
  `${bundled}, 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif`;
