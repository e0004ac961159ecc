/**
 * Counts drawn as a PNG beside the reply that states them: per kind (上半年视察调研画个图) or
 * per month (上半年各月视察调研画个图). The figures stand when drawing fails: the failure is
 * shown with its reference and logged, never a reply lost for a picture.
 */
import { chartBy, chartTitle, type MonthlyStats, type Stats } from '../log/index.ts';
import type { Taxonomy } from '../reader/index.ts';
import { logFailure, type ErrorLog } from './error-boundary.ts';
import { messages as m } from './messages.ts';
import type { ActivityLogPort } from './ports.ts';
import type { Incoming, Reply, ReplyFile } from './types.ts';

/** What drawing needs: the log's renderer, the kinds' labels, and where failures are logged. */
export interface ChartParts {
  readonly activities: ActivityLogPort;
  readonly taxonomy: Taxonomy;
  readonly log: ErrorLog;
}

/** The reply with its counts as a PNG attached; the text alone when there is nothing to draw or no renderer. */
export async function chartedReply(
  parts: ChartParts, text: string, stats: Stats | MonthlyStats, kinds: readonly string[], incoming: Incoming,
): Promise<Reply> {
  const { activities, taxonomy, log } = parts;
  if (!activities.chart || stats.total === 0) return { text };
  try {
    const png = await activities.chart(stats, kinds);
    const title = chartTitle(stats, { by: chartBy(stats), kinds, taxonomy });
    const file: ReplyFile = { name: `${title}.png`, data: png, kind: 'image', caption: title };
    return { text, files: [file] };
  } catch (error) {
    const ref = logFailure(log, error, { code: 'chart_failed' }, incoming);
    return { text: `${text}\n${m.chartFailed(ref)}` };
  }
}

/** Per-period counts of consecutive months as one `MonthlyStats`, for a chart by month. */
export function monthlyOf(counts: readonly Stats[]): MonthlyStats {
  return {
    from: counts[0]?.from ?? null, to: counts[counts.length - 1]?.to ?? null, total: counts.reduce((n, s) => n + s.total, 0),
    months: counts.map((s) => ({ month: (s.from ?? '').slice(0, 7), total: s.total, counts: s.counts })),
  };
}
