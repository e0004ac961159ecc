/**
 * The composition root: every part of Lüzhi — storage, models, knowledge base, activity log,
 * reader, drafter — is built here and nowhere else, once per data folder. `npm start` opens
 * all of them with the assistant on top (`openServices` in app.ts); a command-line call opens
 * only the parts it touches, on first use, so `stats` never loads the search index or a model
 * library. The heavy folders (knowledge, drafting) are imported when first asked for.
 */
import type { Settings } from './config.ts';
import type { Drafter } from './drafting/index.ts';
import type { OpenKnowledgeBase } from './knowledge/index.ts';
import { createPostgresActivityStore, createSqliteActivityStore, type ActivityStore } from './log/index.ts';
import { createModels, probeEmbedder, type Models, type ModelTuning } from './models/index.ts';
import { RuleReader, createModelReader, loadTaxonomy, type MessageReader, type Taxonomy } from './reader/index.ts';
import {
  createPostgresConversationStore, createSqliteConversationStore, openDatabase, openPostgres, type ConversationStore, type Db, type PostgresDatabase,
} from './storage/index.ts';

/** What the parts are opened over. */
export interface PartsOptions {
  readonly dataDir: string;
  readonly settings: Settings;
  /** Model retry and breaker tuning (tests and benchmarks). */
  readonly modelTuning?: ModelTuning;
}

/** The parts of Lüzhi over one data folder, each opened on first use and then shared. */
export interface Parts {
  readonly dataDir: string;
  readonly settings: Settings;
  /** The kinds of activity: the data folder's kinds.json, else the shipped one. */
  taxonomy(): Taxonomy;
  /** The configured models (none offline); nothing is contacted. */
  models(): Models;
  /** The activity log: in PostgreSQL with LVZHI_DATABASE_URL, else on the data folder's one SQLite connection. */
  activities(): ActivityStore;
  /** Conversation state (follow-ups, confirmations, buttons, reply chains), where the activity log is. */
  conversations(): ConversationStore;
  /** Settles when the database server answered and the stores opened so far are migrated (at once on SQLite). */
  ready(): Promise<void>;
  /**
   * The knowledge base with the configured models (its documents in PostgreSQL with
   * LVZHI_DATABASE_URL, else in the data folder's SQLite); the embedding service is asked once for its vector length.
   */
  knowledge(): Promise<OpenKnowledgeBase>;
  /** The rules, and after them the chat model when one is configured. */
  reader(): MessageReader;
  /** The drafter over the log and the knowledge base. */
  drafter(): Promise<Drafter>;
  /** Close what was opened (the knowledge base, then the database); later calls wait for the first. */
  close(): Promise<void>;
}

/** Open the parts of a data folder lazily: nothing is read until a part is asked for. */
export function openParts(options: PartsOptions): Parts {
  const { dataDir, settings } = options;
  let taxonomy: Taxonomy | undefined;
  let models: Models | undefined;
  let db: Db | undefined;
  let postgres: PostgresDatabase | undefined;
  const migrations: Array<Promise<void>> = [];
  let activities: ActivityStore | undefined;
  let conversations: ConversationStore | undefined;
  let knowledge: Promise<OpenKnowledgeBase> | undefined;
  let reader: MessageReader | undefined;
  let drafter: Promise<Drafter> | undefined;
  let closing: Promise<void> | undefined;

  /** The pool every PostgreSQL store of this process shares. */
  const shared = () => (postgres ??= openPostgres(settings.LVZHI_DATABASE_URL!));

  const parts: Parts = {
    dataDir,
    settings,
    taxonomy: () => (taxonomy ??= loadTaxonomy(dataDir)),
    models: () => (models ??= createModels(settings, options.modelTuning)),
    activities() {
      if (activities) return activities;
      if (settings.LVZHI_DATABASE_URL) {
        const store = createPostgresActivityStore(shared(), parts.taxonomy());
        migrations.push(store.ready);
        return (activities = store);
      }
      // One connection for the knowledge base and the log: one WAL writer, one close.
      db ??= openDatabase(dataDir);
      return (activities = createSqliteActivityStore(db, parts.taxonomy()));
    },
    conversations() {
      if (conversations) return conversations;
      if (settings.LVZHI_DATABASE_URL) {
        const store = createPostgresConversationStore(shared());
        migrations.push(store.ready);
        return (conversations = store);
      }
      db ??= openDatabase(dataDir);
      return (conversations = createSqliteConversationStore(db));
    },
    async ready() {
      await postgres?.ready;
      await Promise.all(migrations);
    },
    knowledge() {
      knowledge ??= (async () => {
        const { embedder, chat, reranker } = parts.models();
        // The index needs the embedding service's vector length before it opens (issue 5).
        await probeEmbedder(embedder, settings, options.modelTuning);
        const { openKnowledgeBaseWithModel, postgresKnowledgeStores, sqliteKnowledgeStores } = await import('./knowledge/index.ts');
        if (settings.LVZHI_DATABASE_URL) {
          // Documents and passages shared by every process; each keeps its index files in its own data folder.
          const stores = postgresKnowledgeStores(shared(), dataDir, { url: settings.LVZHI_DATABASE_URL });
          migrations.push(stores.ready);
          return openKnowledgeBaseWithModel({ dataDir, stores, embedder, chat, rerank: reranker });
        }
        db ??= openDatabase(dataDir);
        return openKnowledgeBaseWithModel({ dataDir, stores: sqliteKnowledgeStores(db), embedder, chat, rerank: reranker });
      })();
      return knowledge;
    },
    reader() {
      if (reader) return reader;
      const { chat } = parts.models();
      const rules = new RuleReader(parts.taxonomy());
      reader = chat ? createModelReader({ rules, model: chat, taxonomy: parts.taxonomy() }) : rules;
      return reader;
    },
    drafter() {
      drafter ??= (async () => {
        const [{ createDrafter }, knowledgeBase] = await Promise.all([import('./drafting/index.ts'), parts.knowledge()]);
        return createDrafter({ log: parts.activities(), knowledge: knowledgeBase, taxonomy: parts.taxonomy(), model: parts.models().chat });
      })();
      return drafter;
    },
    close() {
      closing ??= (async () => {
        // A knowledge base still opening is closed once it is ready; the database goes last.
        const kb = await knowledge?.catch(() => undefined);
        kb?.close();
        db?.close();
        await postgres?.close();
      })();
      return closing;
    },
  };
  return parts;
}
