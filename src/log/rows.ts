/** Rows of the activity log's tables as the rest of Lüzhi sees them. */
import type { Activity } from './types.ts';

/** The columns a live entry is read with. */
export const ACTIVITY_COLUMNS = 'id, date, kind, title, by, by_name, end_date';

/** The log's tables, the same columns in SQLite and PostgreSQL (for `migrate-data`): entries first, then their audit trail. */
export const ACTIVITY_TABLES = [
  {
    name: 'activities', orderBy: 'id', identity: 'id',
    columns: ['id', 'date', 'kind', 'title', 'by', 'by_name', 'end_date', 'batch', 'status', 'channel', 'chat', 'message', 'created_at'],
  },
  {
    name: 'activity_audit', orderBy: 'id', identity: 'id',
    columns: ['id', 'activity_id', 'action', 'by', 'by_name', 'channel', 'chat', 'message', 'at', 'before', 'after'],
  },
] as const;

/** An entry row → an Activity (no `to` or `by_name` keys when they are empty). */
export function toActivity(row: Record<string, unknown>): Activity {
  const by = row.by as string;
  const name = (row.by_name as string | null) ?? by;
  const end = row.end_date as string | null;
  return {
    id: row.id as number, date: row.date as string, kind: row.kind as string, title: row.title as string,
    by, by_name: name, ...(end && end !== row.date ? { to: end } : {}),
  };
}

/** The fields of an entry the audit trail keeps before and after a change. */
export function fields(a: Omit<Activity, 'id'>): Omit<Activity, 'id'> {
  return { date: a.date, kind: a.kind, title: a.title, by: a.by, ...(a.by_name ? { by_name: a.by_name } : {}), ...(a.to ? { to: a.to } : {}) };
}

/** One line of the audit trail. */
export interface AuditEntry {
  readonly id: number;
  readonly activityId: number;
  readonly action: 'add' | 'import' | 'withdraw' | 'correct' | 'delete';
  /** Who made the change, as the platform knows them. */
  readonly by: string;
  /** Their display name at the time. */
  readonly byName: string;
  readonly channel: string;
  readonly chat: string | null;
  readonly message: string | null;
  /** ISO timestamp of the change. */
  readonly at: string;
  /** The entry before the change (null for add/import). */
  readonly before: Omit<Activity, 'id'> | null;
  /** The entry after the change (null for withdraw/delete). */
  readonly after: Omit<Activity, 'id'> | null;
}

/** An audit row → an AuditEntry. */
export function toAuditEntry(r: Record<string, unknown>): AuditEntry {
  return {
    id: r.id as number,
    activityId: r.activity_id as number,
    action: r.action as AuditEntry['action'],
    by: r.by as string,
    byName: (r.by_name as string | null) ?? (r.by as string),
    channel: r.channel as string,
    chat: (r.chat as string | null) ?? null,
    message: (r.message as string | null) ?? null,
    at: r.at as string,
    before: r.before ? JSON.parse(r.before as string) : null,
    after: r.after ? JSON.parse(r.after as string) : null,
  };
}
