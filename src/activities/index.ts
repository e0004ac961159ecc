/**
 * The activity log: kinds, Chinese dates and periods, the message reader — and, below the
 * marked line, the log store, stats, import/export and charts.
 */
export * from './types.ts';
export { DEFAULT_KINDS_FILE, Taxonomy, loadTaxonomy, readKindsFile } from './kinds.ts';
export type { Kind } from './kinds.ts';
// --- reader and dates (A1) ---
export { parseChineseNumber } from './chinese-numbers.ts';
export { DEFAULT_TIME_ZONE, addDays, addMonths, daysBetween, isValidIsoDate, lastDayOfMonth, today, toIsoDate } from './calendar.ts';
export { findDate, findPeriod, findPeriods, scanTime } from './periods.ts';
export type { DateMatch, PeriodMatch, TimeScan } from './periods.ts';
export { RuleReader, readMessage } from './reader.ts';
export { readChange, readCorrection, type Change } from './reader-correction.ts';
export { readerMessages } from './reader-messages.ts';
export { createModelReader, type ModelReaderOptions } from './model-reader.ts';
export { benchmarkReader, type ReaderBenchmark } from './reader-bench.ts';

// --- log store (A2) ---
export { ActivityLog, openActivityLog } from './log-store.ts';
export type { ActivityEntry, RecordedEntry, ChangeSource, BulkResult } from './log-store.ts';
export type { AuditEntry } from './log-rows.ts';
export type { KindCount, MonthCount, MonthlyStats } from './log-stats.ts';
export { ImportRejected, type RowProblem } from './log-import-error.ts';
export { describeInferred, type ImportPlan, type InferredRow } from './log-import-preview.ts';
export { chartTitle, renderChart, type ChartOptions } from './log-chart.ts';
export { normalizeDate, namedPeriod, periodInWords, dayInWords } from './log-dates.ts';
export {
  correctedReply, deletedReply, entryInWords, listReply, loggedAllReply, loggedReply, statsReply, withdrawnReply,
} from './log-replies.ts';
export { logMessages } from './log-messages.ts';
