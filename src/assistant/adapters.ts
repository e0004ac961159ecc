/**
 * Adapters from the real modules to the assistant's ports. The activity log's methods are
 * synchronous (SQLite); the port is asynchronous so other stores (PostgreSQL) can serve it.
 */
import type { Activity, ActivityQuery, Provenance, Stats } from '../activities/types.ts';
import type { ActivityLogPort, DraftReply, DraftingPort, NewActivity } from './ports.ts';

/** The parts of the activity log the assistant uses (`openActivityLog` returns one). */
export interface ActivityLogLike {
  add(entry: NewActivity, provenance: Provenance): { activity: Activity; duplicate: boolean } | Promise<{ activity: Activity; duplicate: boolean }>;
  undo(by: string, source?: Partial<Omit<Provenance, 'by'>>): Activity | undefined | Promise<Activity | undefined>;
  stats(query: ActivityQuery): Stats | Promise<Stats>;
  list(query: ActivityQuery): Activity[] | Promise<Activity[]>;
  importFile?(path: string, provenance: Provenance): Promise<{ imported: number; duplicates: number }>;
}

/** Adapt an activity log (and the chart renderer, when given) to the assistant's port. */
export function activityLogPort(
  log: ActivityLogLike,
  renderChart?: (stats: Stats) => Promise<Uint8Array>,
): ActivityLogPort {
  return {
    add: async (activity, provenance) => log.add(activity, provenance),
    undo: async (by, provenance) => (await log.undo(by, { channel: provenance.channel, chat: provenance.chat, message: provenance.message })) ?? null,
    stats: async (query) => log.stats(query),
    list: async (query) => log.list(query),
    chart: renderChart,
    importFile: log.importFile ? (path, provenance) => log.importFile!(path, provenance) : undefined,
  };
}

/** Adapt a drafting function (request → draft, plus an optional Word writer) to the port. */
export function draftingPort(
  draft: (request: string, options: { now: string }) => Promise<{ text: string; note?: string }>,
  toDocx?: (draft: { text: string; note?: string }) => Promise<Uint8Array>,
): DraftingPort {
  return {
    async draft(request, options): Promise<DraftReply> {
      const result = await draft(request, options);
      return { text: result.text, note: result.note, docx: toDocx ? await toDocx(result) : undefined };
    },
  };
}
