/**
 * Bar charts of the log as PNG: vega-lite spec → vega → SVG → resvg, with a CJK font
 * shipped through npm (@embedpdf/fonts-sc), so Chinese renders on a fresh clone.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { InternalError, UserError } from '../errors.ts';
import { periodInWords } from './log-dates.ts';
import { logMessages } from './log-messages.ts';
import type { ChartOptions } from './log-chart.ts';
import type { MonthlyStats } from './log-stats.ts';
import type { Stats } from './types.ts';

/**
 * The CJK font file inside node_modules. The package exports only its script entry, so
 * the font is found beside it (dist/ → fonts/).
 */
export const CHART_FONT_FILE = join(
  dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
/** The font's family name as its name table gives it; the SVG must ask for exactly this. */
export const CHART_FONT_FAMILY = 'Noto Sans S Chinese';


// Without a canvas, vega guesses text widths at 0.8em a character, too narrow for Chinese
// (1em); labels would then be clipped. Vega supports replacing the measure (vl-convert
// does the same).
/** Width in pixels of text in the chart font, from per-character em estimates. */
function textWidth(value: string, size: number): number {
  let ems = 0;
  for (const ch of value) ems += /[\u2e80-\uffff]/.test(ch) ? 1 : /[A-Z0-9]/.test(ch) ? 0.62 : 0.52;
  return Math.ceil(ems * size);
}

(vega as unknown as { textMetrics: { width: (item: unknown, text: unknown) => number } }).textMetrics.width = (item, text) => {
  const size = Number((item as { fontSize?: number }).fontSize ?? 11);
  const value = Array.isArray(text) ? text.join(' ') : String(text ?? (item as { text?: unknown }).text ?? '');
  return textWidth(value, size);
};

const AXIS_LABEL_SIZE = 13;

function monthLabel(month: string, spansYears: boolean): string {
  const m = Number(month.slice(5, 7));
  return spansYears ? `${month.slice(0, 4)}年${m}月` : `${m}月`;
}

function specByKind(stats: Stats, title: string): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 520,
    data: { values: stats.counts.map((c) => ({ label: c.label, count: c.count })) },
    mark: { type: 'bar', color: '#b7282e' },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: logMessages.chartAxisKind },
      x: { field: 'count', type: 'quantitative', title: logMessages.chartAxisCount, axis: { tickMinStep: 1, format: 'd' } },
    },
  } as TopLevelSpec;
}

function specByMonth(monthly: MonthlyStats, title: string): TopLevelSpec {
  const spans = new Set(monthly.months.map((m) => m.month.slice(0, 4))).size > 1;
  const values = monthly.months.flatMap((m) =>
    m.counts.map((c) => ({ month: monthLabel(m.month, spans), label: c.label, count: c.count })));
  const order = monthly.months.map((m) => monthLabel(m.month, spans));
  // Legend in the order of the largest kinds overall, as the by-kind chart reads.
  const totals = new Map<string, number>();
  for (const v of values) totals.set(v.label, (totals.get(v.label) ?? 0) + v.count);
  const legend = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([label]) => label);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    // Each month's column is wide enough for its label (2023年11月 when the period spans years).
    width: Math.max(320, order.length * Math.max(56, ...order.map((label) => textWidth(label, AXIS_LABEL_SIZE) + 14))),
    height: 300,
    data: { values },
    mark: 'bar',
    encoding: {
      x: { field: 'month', type: 'ordinal', sort: order, scale: { domain: order }, title: logMessages.chartAxisMonth, axis: { labelAngle: 0 } },
      y: { field: 'count', type: 'quantitative', aggregate: 'sum', title: logMessages.chartAxisCount, axis: { tickMinStep: 1, format: 'd' } },
      color: { field: 'label', type: 'nominal', sort: legend, title: logMessages.chartAxisKind, scale: { scheme: 'tableau20' } },
    },
  } as TopLevelSpec;
}

function isMonthly(data: Stats | MonthlyStats): data is MonthlyStats {
  return 'months' in data;
}

/** The chart as SVG text, every text element in CHART_FONT_FAMILY. */
export async function chartSvg(data: Stats | MonthlyStats, options: ChartOptions): Promise<string> {
  if (data.total === 0) throw new UserError('chart_no_data', logMessages.chartNoData);
  const period = periodInWords(data.from, data.to);
  let spec: TopLevelSpec;
  if (options.by === 'month') {
    if (!isMonthly(data)) throw new InternalError('chart_wrong_data', logMessages.chartFailed);
    spec = specByMonth(data, options.title ?? logMessages.chartTitleByMonth(period));
  } else {
    if (isMonthly(data)) throw new InternalError('chart_wrong_data', logMessages.chartFailed);
    spec = specByKind(data, options.title ?? logMessages.chartTitleByKind(period));
  }
  const font = CHART_FONT_FAMILY;
  (spec as { config?: unknown }).config = {
    font,
    background: 'white',
    padding: 16,
    title: { fontSize: 18, font },
    axis: { labelFontSize: AXIS_LABEL_SIZE, titleFontSize: 13, labelFont: font, titleFont: font, labelLimit: 0 },
    legend: { labelFontSize: 12, titleFontSize: 12, labelFont: font, titleFont: font },
  };
  try {
    const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
    const svg = await view.toSVG(2);
    view.finalize();
    return svg;
  } catch (cause) {
    throw new InternalError('chart_failed', logMessages.chartFailed, { cause });
  }
}

/** Rasterise SVG with only the bundled CJK font, so output does not depend on the machine. */
export function svgToPng(svg: string): Uint8Array {
  try {
    const png = new Resvg(svg, {
      font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
      background: 'white',
    }).render().asPng();
    return new Uint8Array(png);
  } catch (cause) {
    throw new InternalError('chart_failed', logMessages.chartFailed, { cause });
  }
}

/** Render counts as a PNG bar chart with Chinese title and labels (see log-chart.ts). */
export async function renderChartNow(data: Stats | MonthlyStats, options: ChartOptions): Promise<Uint8Array> {
  return svgToPng(await chartSvg(data, options));
}
