/**
 * The activity log: entries stored with who and when, corrections and deletions audited,
 * counts and lists per period, import/export of tables, and charts.
 */
export type { Activity, ActivityQuery, Provenance, Stats } from './types.ts';
export { ActivityLog, openActivityLog } from './sqlite/store.ts';
export type { ActivityStore } from './activity-store.ts';
export { createSqliteActivityStore, sqliteActivityStore } from './sqlite/activity-store.ts';
export type { ActivityEntry, RecordedEntry, ChangeSource, BulkResult } from './sqlite/store.ts';
export { ACTIVITY_TABLES, type AuditEntry } from './rows.ts';
export type { KindCount, MonthCount, MonthlyStats } from './stats-shape.ts';
export { ImportRejected, type RowProblem } from './import-error.ts';
export { describeInferred, type ImportPlan, type InferredRow } from './import-preview.ts';
export { chartBy, chartTitle, renderChart, renderChartSvg, type ChartOptions } from './chart.ts';
export {
  correctedReply, deletedReply, entryInWords, listReply, loggedAllReply, loggedReply, statsReply, withdrawnReply,
} from './replies.ts';
export { logMessages } from './messages.ts';
export { createPostgresActivityStore } from './postgres/activity-store.ts';
export { readImportPlan } from './import-preview.ts';
export { sheetRowsOver } from './xlsx-rows.ts';
export type { ActivityFilter, AuditFilter, PageRequest, Paged } from './pages.ts';
