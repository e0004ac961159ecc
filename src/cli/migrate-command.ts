/**
 * `migrate-data --from ./data --to postgres://…` (or the other way): copies the activity log
 * with its audit trail and the conversation state between a data folder's SQLite database and
 * PostgreSQL, all or nothing, into an empty target, verified by counting both sides.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { ACTIVITY_TABLES, createPostgresActivityStore, createSqliteActivityStore } from '../log/index.ts';
import { loadTaxonomy } from '../reader/index.ts';
import {
  CONVERSATION_TABLES, DATABASE_FILE, copyTables, createPostgresConversationStore, createSqliteConversationStore, describeServer,
  openDatabase, openPostgres, type Endpoint,
} from '../storage/index.ts';
import { stringOption, type CliCommand } from './command.ts';
import { commandSummaries, migrateMessages as m } from './messages.ts';

const isUrl = (place: string) => /^postgres(ql)?:\/\//.test(place);

/** One side opened, its tables created (as the stores create them), and how it is named in output. */
async function open(place: string, source: boolean): Promise<{ end: Endpoint; name: string; close(): Promise<void> }> {
  if (isUrl(place)) {
    const db = openPostgres(place, { max: 2 });
    try {
      await Promise.all([createPostgresActivityStore(db, loadTaxonomy()).ready, createPostgresConversationStore(db).ready]);
    } catch (error) {
      await db.close();
      throw error;
    }
    return { end: { kind: 'postgres', db }, name: describeServer(place), close: () => db.close() };
  }
  const folder = resolve(place);
  if (source && !existsSync(join(folder, DATABASE_FILE))) throw new UserError('path_missing', m.noSource(folder));
  const db = openDatabase(folder);
  createSqliteActivityStore(db, loadTaxonomy(folder));
  createSqliteConversationStore(db);
  return { end: { kind: 'sqlite', db }, name: folder, close: async () => { db.close(); } };
}

const migrateData: CliCommand = {
  name: 'migrate-data',
  summary: commandSummaries['migrate-data'],
  valueOptions: ['from', 'to'],
  async run(ctx) {
    const [from, to] = [stringOption(ctx, 'from'), stringOption(ctx, 'to')];
    if (!from || !to) throw new UserError('missing_option_value', m.needBoth);
    if ((isUrl(from) ? from : resolve(from)) === (isUrl(to) ? to : resolve(to))) throw new UserError('bad_setting', m.same);
    const source = await open(from, true);
    try {
      const target = await open(to, false);
      try {
        const counts = await copyTables(source.end, target.end, [...ACTIVITY_TABLES, ...CONVERSATION_TABLES]);
        const [activities, audit, conversations] = [counts.activities, counts.activity_audit, counts.conversation_state];
        return {
          json: { from: source.name, to: target.name, copied: { activities, audit, conversations } },
          text: m.copied(source.name, target.name, activities, audit, conversations),
        };
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
  },
};

/** `migrate-data`. */
export const migrateCommands: CliCommand[] = [migrateData];
