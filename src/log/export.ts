/**
 * Export of the log for a clerk to filter in Excel or WPS: Chinese headers (日期, 结束日期 —
 * a multi-day activity's last day, empty for one day —, 类型, 事项, 记录人, 记录时间, 编号), kind labels, real Excel dates, the header row frozen with
 * filters on it. The import reads these headers back, so a file round-trips.
 */
import type { Taxonomy } from '../reader/index.ts';
import { logMessages } from './messages.ts';
import { tableFormat, writeTable, writeXlsxTable, type XlsxColumn } from './table-file.ts';
import type { Activity } from './types.ts';

/** The export header (the import accepts these names, and date, kind, title, by). */
export const EXPORT_HEADER: readonly string[] = logMessages.exportHeader;

/** An activity with the moment it was recorded (ISO timestamp, UTC). */
export interface ExportedActivity extends Activity {
  readonly recordedAt: string;
}

/** Export choices. */
export interface ExportOptions {
  /** The office's time zone, for 记录时间 (default Asia/Shanghai, as LVZHI_TIME_ZONE). */
  readonly timeZone?: string;
}

/** A recorded moment as the office's wall clock shows it: its parts in `timeZone`. */
function wallClock(iso: string, timeZone: string): { text: string; date: Date } | undefined {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return undefined;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(moment).map((p) => [p.type, p.value]));
  const [y, mo, d, h, mi] = [parts.year, parts.month, parts.day, parts.hour, parts.minute].map(Number);
  // Excel has no time zones: the cell holds the wall-clock time, written as if it were UTC.
  return { text: `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`, date: new Date(Date.UTC(y, mo - 1, d, h, mi)) };
}

/** 记录人 as a clerk knows them: the display name kept at the time, else the platform id. */
function recorder(a: Activity): string {
  return a.by_name || a.by;
}

function dayDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

const COLUMNS: readonly XlsxColumn[] = [
  { width: 12, numFmt: 'yyyy-mm-dd' },
  { width: 12, numFmt: 'yyyy-mm-dd' },
  { width: 14 },
  { width: 60 },
  { width: 14 },
  { width: 18, numFmt: 'yyyy-mm-dd hh:mm' },
  { width: 8 },
];

/** Write activities to `path` (format by extension), atomically. */
export async function writeExportFile(
  path: string, activities: readonly ExportedActivity[], taxonomy: Taxonomy, options: ExportOptions = {},
): Promise<void> {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const rows = activities.map((a) => ({ a, label: taxonomy.label(a.kind), recorded: wallClock(a.recordedAt, timeZone) }));
  if (tableFormat(path) === 'csv') {
    await writeTable(path, [[...EXPORT_HEADER], ...rows.map(({ a, label, recorded }) =>
      [a.date, a.to ?? '', label, a.title, recorder(a), recorded?.text ?? '', String(a.id)])]);
    return;
  }
  await writeXlsxTable(path, EXPORT_HEADER, COLUMNS, rows.map(({ a, label, recorded }) =>
    [dayDate(a.date), a.to ? dayDate(a.to) : '', label, a.title, recorder(a), recorded?.date ?? '', a.id]));
}
