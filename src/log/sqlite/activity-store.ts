/**
 * The activity store in the data folder's SQLite database: the synchronous `ActivityLog`
 * behind the asynchronous port. SQLite answers in microseconds, so nothing is gained by more.
 */
import type { Taxonomy } from '../../reader/index.ts';
import type { Db } from '../../storage/index.ts';
import type { ActivityStore } from '../activity-store.ts';
import { ActivityLog } from './store.ts';

/** An `ActivityStore` over an open connection (its schema is migrated on first use). */
export function createSqliteActivityStore(db: Db, taxonomy: Taxonomy): ActivityStore {
  return sqliteActivityStore(new ActivityLog(db, taxonomy));
}

/** The port over an activity log already open (the command line and tests hold one). */
export function sqliteActivityStore(log: ActivityLog): ActivityStore {
  return {
    taxonomy: log.taxonomy,
    addAll: async (entries, provenance) => log.addAll(entries, provenance),
    addMany: async (entries, provenance) => log.addMany(entries, provenance),
    undo: async (by, source) => log.undo(by, source),
    correct: async (id, changes, by, source) => log.correct(id, changes, by, source),
    remove: async (id, by, source) => log.remove(id, by, source),
    get: async (id) => log.get(id),
    list: async (query) => log.list(query),
    stats: async (query) => log.stats(query),
    statsByMonth: async (query) => log.statsByMonth(query),
    page: async (filter, page) => log.page(filter, page),
    auditPage: async (filter, page) => log.auditPage(filter, page),
    history: async (activityId) => log.history(activityId),
    importFile: (path, provenance, options) => log.importFile(path, provenance, options),
    previewImport: (path) => log.previewImport(path),
    exportFile: (path, query, options) => log.exportFile(path, query, options),
  };
}
