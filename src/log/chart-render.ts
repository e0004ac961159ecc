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
import { logMessages } from './messages.ts';
import { chartTitle, type ChartOptions } from './chart.ts';
import type { MonthlyStats } from './sqlite/stats.ts';
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
const VALUE_LABEL_SIZE = 13;
/** One colour for a chart by kind: the office's red. */
const BAR_COLOR = '#b7282e';
/**
 * Colours told apart at a glance, also by people with red-green colour blindness
 * (Okabe–Ito order); the grey is kept for 其他.
 */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#CC79A7', '#56B4E9', '#8C6D31'] as const;
const OTHER_COLOR = '#9E9E9E';
/** At most this many series in a stacked chart; beyond it the smallest kinds become 其他. */
export const MAX_SERIES = SERIES_COLORS.length + 1;
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

function monthLabel(month: string, spansYears: boolean): string {
  const m = Number(month.slice(5, 7));
  return spansYears ? `${month.slice(0, 4)}年${m}月` : `${m}月`;
}

/** Labels longer than this (or more bars than fit side by side) turn the bars horizontal. */
const SHORT_LABEL_EMS = 4;
const MAX_COLUMNS = 6;

function specByKind(stats: Stats, title: string): TopLevelSpec {
  const values = stats.counts.map((c) => ({ label: c.label, count: c.count }));
  const longest = Math.max(...values.map((v) => textWidth(v.label, AXIS_LABEL_SIZE)));
  const horizontal = values.length > MAX_COLUMNS || longest > SHORT_LABEL_EMS * AXIS_LABEL_SIZE;
  // Room past the longest bar for its figure.
  const top = Math.max(1, Math.ceil(Math.max(...values.map((v) => v.count)) * 1.12));
  const count = {
    field: 'count', type: 'quantitative', title: logMessages.chartAxisCount,
    scale: { domain: [0, top], nice: false }, axis: { tickMinStep: 1, format: 'd' },
  };
  const label = { field: 'label', type: 'nominal', sort: null, title: logMessages.chartAxisKind };
  // A bar's figure stands just past its end, so the chart reads without the axis.
  const text = horizontal
    ? { type: 'text', align: 'left', dx: 4, fontSize: VALUE_LABEL_SIZE }
    : { type: 'text', baseline: 'bottom', dy: -3, fontSize: VALUE_LABEL_SIZE };
  return {
    $schema: SCHEMA,
    title,
    ...(horizontal
      ? { width: 520, height: { step: 34 } }
      : { width: Math.max(320, values.length * 96), height: 280 }),
    data: { values },
    encoding: horizontal
      ? { y: { ...label, axis: { labelLimit: 0 } }, x: count }
      : { x: { ...label, axis: { labelAngle: 0, labelLimit: 0 } }, y: count },
    layer: [
      { mark: { type: 'bar', color: BAR_COLOR, ...(horizontal ? {} : { width: { band: 0.6 } }) } },
      { mark: text, encoding: { text: { field: 'count', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
}

/** The kinds to colour apart, largest first; the rest are summed into 其他. */
function seriesOf(monthly: MonthlyStats): { order: string[]; seriesOf: (label: string) => string } {
  const totals = new Map<string, number>();
  for (const m of monthly.months) for (const c of m.counts) totals.set(c.label, (totals.get(c.label) ?? 0) + c.count);
  const ranked = [...totals.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([label]) => label);
  if (ranked.length <= MAX_SERIES) return { order: ranked, seriesOf: (label) => label };
  const kept = new Set(ranked.slice(0, MAX_SERIES - 1));
  return {
    order: [...kept, logMessages.chartOtherKinds],
    seriesOf: (label) => (kept.has(label) ? label : logMessages.chartOtherKinds),
  };
}

function specByMonth(monthly: MonthlyStats, title: string): TopLevelSpec {
  const spans = new Set(monthly.months.map((m) => m.month.slice(0, 4))).size > 1;
  const months = monthly.months.map((m) => monthLabel(m.month, spans));
  const { order, seriesOf: series } = seriesOf(monthly);
  // Stacked here rather than by vega, so each segment's figure can sit in its middle.
  const segments: Array<{ month: string; label: string; count: number; y0: number; y1: number }> = [];
  const totals: Array<{ month: string; total: number }> = [];
  monthly.months.forEach((m, i) => {
    const sums = new Map<string, number>();
    for (const c of m.counts) if (c.count > 0) sums.set(series(c.label), (sums.get(series(c.label)) ?? 0) + c.count);
    let y = 0;
    for (const label of order) {
      const count = sums.get(label) ?? 0;
      if (count > 0) segments.push({ month: months[i], label, count, y0: y, y1: y + count });
      y += count;
    }
    totals.push({ month: months[i], total: y });
  });
  let next = 0;
  const colors = order.map((label) => (label === logMessages.chartOtherKinds ? OTHER_COLOR : SERIES_COLORS[next++] ?? OTHER_COLOR));
  const x = { field: 'month', type: 'ordinal', sort: months, scale: { domain: months }, title: logMessages.chartAxisMonth, axis: { labelAngle: 0 } };
  const max = Math.max(1, ...totals.map((t) => t.total));
  return {
    $schema: SCHEMA,
    title,
    // Each month's column is wide enough for its label (2023年11月 when the period spans years).
    width: Math.max(320, months.length * Math.max(56, ...months.map((label) => textWidth(label, AXIS_LABEL_SIZE) + 14))),
    height: 300,
    layer: [
      {
        data: { values: segments },
        mark: { type: 'bar', width: { band: 0.7 }, stroke: 'white', strokeWidth: 1 },
        encoding: {
          x,
          y: { field: 'y0', type: 'quantitative', title: logMessages.chartAxisCount, scale: { domain: [0, Math.ceil(max * 1.12)] }, axis: { tickMinStep: 1, format: 'd' } },
          y2: { field: 'y1' },
          color: { field: 'label', type: 'nominal', sort: order, title: logMessages.chartAxisKind, scale: { domain: order, range: colors } },
        },
      },
      {
        // A segment's own figure, in white inside it, when it is tall enough to hold one.
        data: { values: segments.filter((s) => s.count / max >= 0.07) },
        transform: [{ calculate: '(datum.y0 + datum.y1) / 2', as: 'mid' }],
        mark: { type: 'text', color: 'white', fontSize: 11, baseline: 'middle' },
        encoding: { x, y: { field: 'mid', type: 'quantitative' }, text: { field: 'count', type: 'quantitative' } },
      },
      {
        data: { values: totals.filter((t) => t.total > 0) },
        mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: VALUE_LABEL_SIZE, fontWeight: 'bold' },
        encoding: { x, y: { field: 'total', type: 'quantitative' }, text: { field: 'total', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec;
}

function isMonthly(data: Stats | MonthlyStats): data is MonthlyStats {
  return 'months' in data;
}

/** The chart as SVG text, every text element in CHART_FONT_FAMILY. */
export async function chartSvg(data: Stats | MonthlyStats, options: ChartOptions): Promise<string> {
  if (data.total === 0) throw new UserError('chart_no_data', logMessages.chartNoData);
  const title = options.title ?? chartTitle(data, options);
  let spec: TopLevelSpec;
  if (options.by === 'month') {
    if (!isMonthly(data)) throw new InternalError('chart_wrong_data', logMessages.chartFailed);
    spec = specByMonth(data, title);
  } else {
    if (isMonthly(data)) throw new InternalError('chart_wrong_data', logMessages.chartFailed);
    spec = specByKind(data, title);
  }
  const font = CHART_FONT_FAMILY;
  (spec as { config?: unknown }).config = {
    font,
    background: 'white',
    padding: 16,
    title: { fontSize: 18, font },
    text: { font },
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
