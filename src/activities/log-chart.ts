/**
 * Bar charts of the log as PNG. The renderer (vega, vega-lite, resvg: about half a second
 * to load) is imported on first use, so everything else that imports the activities
 * folder starts fast.
 */
import type { MonthlyStats } from './log-stats.ts';
import type { Stats } from './types.ts';

/** How a chart is drawn: bars per kind, or per month (stacked by kind). */
export interface ChartOptions {
  readonly by: 'kind' | 'month';
  /** Chart title; by default one built from the period (e.g. 2023年上半年各类履职活动次数). */
  readonly title?: string;
}

/**
 * Render counts as a PNG bar chart with Chinese title and labels: `stats(query)` with
 * `by: 'kind'`, or `statsByMonth(query)` with `by: 'month'`.
 */
export async function renderChart(data: Stats | MonthlyStats, options: ChartOptions): Promise<Uint8Array> {
  const { renderChartNow } = await import('./log-chart-render.ts');
  return renderChartNow(data, options);
}
