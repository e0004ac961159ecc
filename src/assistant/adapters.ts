/**
 * The adapter from the real activity log to the assistant's port. The activity log's methods are
 * synchronous (SQLite); the port is asynchronous so other stores (PostgreSQL) can serve it.
 */
import type { Activity, ActivityQuery, Provenance, Stats } from '../activities/index.ts';
import { retryWhenBusy, type RetryOptions } from '../storage/index.ts';
import type { ActivityLogPort, NewActivity } from './ports.ts';

/** The parts of the activity log the assistant uses (`openActivityLog` returns one). */
export interface ActivityLogLike {
  add(entry: NewActivity, provenance: Provenance): { activity: Activity; duplicate: boolean } | Promise<{ activity: Activity; duplicate: boolean }>;
  undo(by: string, source?: Partial<Omit<Provenance, 'by'>>): Activity | undefined | Promise<Activity | undefined>;
  stats(query: ActivityQuery): Stats | Promise<Stats>;
  list(query: ActivityQuery): Activity[] | Promise<Activity[]>;
  importFile?(path: string, provenance: Provenance, options?: { acceptInferred?: boolean }): Promise<{ imported: number; duplicates: number }>;
  previewImport?(path: string): Promise<string | undefined>;
}

/**
 * Adapt an activity log (and the chart renderer, when given) to the assistant's port. Writes
 * wait out a busy database (a large import in progress) without blocking other chats, and
 * past the deadline ask the person to resend; nothing is half-stored either way.
 */
export function activityLogPort(
  log: ActivityLogLike,
  renderChart?: (stats: Stats, kinds?: readonly string[]) => Promise<Uint8Array>,
  busy: RetryOptions = {},
): ActivityLogPort {
  return {
    add: (activity, provenance) => retryWhenBusy(() => log.add(activity, provenance), busy),
    undo: async (by, provenance) =>
      (await retryWhenBusy(() => log.undo(by, { channel: provenance.channel, chat: provenance.chat, message: provenance.message }), busy)) ?? null,
    stats: async (query) => log.stats(query),
    list: async (query) => log.list(query),
    chart: renderChart,
    // The assistant imports only after the person saw the preview and answered 导入.
    importFile: log.importFile ? (path, provenance) => log.importFile!(path, provenance, { acceptInferred: true }) : undefined,
    previewImport: log.previewImport ? (path) => log.previewImport!(path) : undefined,
  };
}
