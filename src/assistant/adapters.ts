/**
 * The adapter from an activity store (SQLite or PostgreSQL, synchronous or not) to the
 * assistant's port: retries while a database is busy, and the audit trail's provenance.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity, ActivityFilter, ActivityQuery, MonthlyStats, Provenance, Stats } from '../log/index.ts';
import { retryWhenBusy, type RetryOptions } from '../storage/index.ts';
import type { ActivityChanges, ActivityLogPort, NewActivity } from './ports.ts';

type Maybe<T> = T | Promise<T>;
type Source = Partial<Omit<Provenance, 'by'>>;

/** The parts of the activity log the assistant uses (`openActivityLog` returns one). */
export interface ActivityLogLike {
  addAll(entries: readonly NewActivity[], provenance: Provenance): Maybe<Array<{ activity: Activity; duplicate: boolean }>>;
  undo(by: string, source?: Source): Maybe<Activity[]>;
  get(id: number): Maybe<Activity | undefined>;
  correct(id: number, changes: ActivityChanges, by: string, source?: Source): Maybe<Activity>;
  remove(id: number, by: string, source?: Source): Maybe<Activity>;
  stats(query: ActivityQuery): Maybe<Stats>;
  list(query: ActivityQuery): Maybe<Activity[]>;
  importFile?(path: string, provenance: Provenance, options?: { acceptInferred?: boolean }): Promise<{ imported: number; duplicates: number }>;
  previewImport?(path: string): Promise<string | undefined>;
  exportFile?(path: string, query?: ActivityFilter, options?: { timeZone?: string }): Promise<{ exported: number; path: string }>;
}

/** The export written to a private temporary file and read back; the file never outlives the call. */
async function exportedBytes(
  exportFile: NonNullable<ActivityLogLike['exportFile']>, query: ActivityFilter, timeZone: string | undefined,
): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'lvzhi-export-'));
  try {
    const { path } = await exportFile(join(dir, 'export.xlsx'), query, { timeZone });
    return new Uint8Array(await readFile(path));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What the audit trail keeps of who asked for a change and where. */
const sourceOf = (p: Provenance): Source => ({ byName: p.byName, channel: p.channel, chat: p.chat, message: p.message });

/**
 * Adapt an activity log (and the chart renderer, when given) to the assistant's port. Writes
 * wait out a busy database (a large import in progress) without blocking other chats, and
 * past the deadline ask the person to resend; nothing is half-stored either way.
 */
export function activityLogPort(
  log: ActivityLogLike,
  renderChart?: (stats: Stats | MonthlyStats, kinds?: readonly string[]) => Promise<Uint8Array>,
  busy: RetryOptions = {},
  timeZone?: string,
): ActivityLogPort {
  return {
    addAll: (activities, provenance) => retryWhenBusy(() => log.addAll(activities, provenance), busy),
    undo: (by, provenance) => retryWhenBusy(() => log.undo(by, sourceOf(provenance)), busy),
    get: async (id) => (await log.get(id)) ?? null,
    correct: (id, changes, provenance) => retryWhenBusy(() => log.correct(id, changes, provenance.by, sourceOf(provenance)), busy),
    remove: (id, provenance) => retryWhenBusy(() => log.remove(id, provenance.by, sourceOf(provenance)), busy),
    stats: async (query) => log.stats(query),
    list: async (query) => log.list(query),
    chart: renderChart,
    // The assistant imports only after the person saw the preview and answered 导入.
    importFile: log.importFile ? (path, provenance) => log.importFile!(path, provenance, { acceptInferred: true }) : undefined,
    previewImport: log.previewImport ? (path) => log.previewImport!(path) : undefined,
    exportTable: log.exportFile ? (query) => exportedBytes(log.exportFile!.bind(log), query, timeZone) : undefined,
  };
}
