/** The activity log's SQLite schema, as append-only migration steps (module `activities`). */

import { PAGE_INDEXES } from '../pages.ts';

/** Migration steps for `migrate(db, 'activities', ACTIVITY_LOG_SCHEMA)`; never edit a shipped step. */
export const ACTIVITY_LOG_SCHEMA: readonly string[] = [
  `CREATE TABLE activities (
     id INTEGER PRIMARY KEY,
     date TEXT NOT NULL,
     kind TEXT NOT NULL,
     title TEXT NOT NULL,
     by TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn', 'deleted')),
     channel TEXT NOT NULL,
     chat TEXT,
     message TEXT,
     created_at TEXT NOT NULL
   );
   -- Counts and lists only ever read live entries: a partial index on (date, kind) lets
   -- stats answer from the index alone, without touching the rows.
   CREATE INDEX activities_live_date_kind ON activities (date, kind) WHERE status = 'active';
   CREATE INDEX activities_by ON activities (by, id);
   -- Every change, with who made it, when, where from and the original message;
   -- withdrawn and deleted entries keep their history here.
   CREATE TABLE activity_audit (
     id INTEGER PRIMARY KEY,
     activity_id INTEGER NOT NULL REFERENCES activities (id),
     action TEXT NOT NULL CHECK (action IN ('add', 'import', 'withdraw', 'correct', 'delete')),
     by TEXT NOT NULL,
     channel TEXT NOT NULL,
     chat TEXT,
     message TEXT,
     at TEXT NOT NULL,
     before TEXT,
     after TEXT
   );
   CREATE INDEX activity_audit_activity ON activity_audit (activity_id, id);`,
  // People are their platform id (telegram:<id>, slack:<id>, terminal:<user>); the display
  // name at the time is kept beside it. Rows logged before this step keep their `by` as both.
  // `batch` ties the entries of one message together (one /undo withdraws them all);
  // `end_date` is the last day of a multi-day activity.
  `ALTER TABLE activities ADD COLUMN by_name TEXT;
   ALTER TABLE activities ADD COLUMN end_date TEXT;
   ALTER TABLE activities ADD COLUMN batch TEXT;
   UPDATE activities SET by_name = by;
   ALTER TABLE activity_audit ADD COLUMN by_name TEXT;
   UPDATE activity_audit SET by_name = by;
   CREATE INDEX activities_batch ON activities (batch) WHERE batch IS NOT NULL;`,
  // The duplicate check of every add and import row looks up (date, kind, title): without this
  // an import whose rows share a day and kind rescans them all for each row (quadratic).
  `CREATE INDEX IF NOT EXISTS activities_live_key ON activities (date, kind, title) WHERE status = 'active';`,
  // The web console reads the log a page at a time in date order, and the audit trail by person.
  PAGE_INDEXES,
];
