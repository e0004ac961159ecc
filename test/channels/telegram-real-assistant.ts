/**
 * The real assistant over a temporary data folder — the real knowledge base (SQLite, BM25,
 * HNSW, offline embedding), the real activity log and the rule-based message reader — for
 * the Telegram end-to-end tests and the Telegram benchmark.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTaxonomy, RuleReader } from '../../src/reader/index.ts';
import { openActivityLog, type ActivityLog } from '../../src/log/index.ts';
import { activityLogPort, createAccess, createAssistant, type AssistantCore } from '../../src/assistant/index.ts';
import { openKnowledgeBaseWithModel } from '../../src/knowledge/answering/model-answerer.ts';
import { openSqliteKnowledgeBase, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import type { ChatModel } from '../../src/models/index.ts';
import { ACCESS_FORMS } from '../../src/channels/index.ts';

/** A real assistant and the stores behind it. */
export interface RealAssistant {
  readonly assistant: AssistantCore;
  readonly knowledge: OpenKnowledgeBase;
  readonly log: ActivityLog;
  readonly dataDir: string;
  /** Failed turns the assistant logged (error code and stack). */
  readonly errors: Record<string, unknown>[];
  close(): Promise<void>;
}

/** Open a real assistant on a fresh data folder, with `LVZHI_ALLOW` / `LVZHI_ADMINS` as given (and a chat model, if any). */
export async function openRealAssistant(access: { allow?: string; admins?: string; chat?: ChatModel }): Promise<RealAssistant> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lvzhi-tg-data-'));
  const taxonomy = loadTaxonomy();
  const log = openActivityLog({ dataDir, taxonomy });
  const knowledge = await openSqliteKnowledgeBase({ dataDir, chat: access.chat }, openKnowledgeBaseWithModel);
  const errors: Record<string, unknown>[] = [];
  const assistant = createAssistant({
    knowledge,
    activities: activityLogPort(log),
    reader: new RuleReader(taxonomy),
    taxonomy,
    access: createAccess({ LVZHI_ALLOW: access.allow, LVZHI_ADMINS: access.admins }, ACCESS_FORMS),
    log: (entry) => errors.push(entry),
  });
  return {
    assistant,
    knowledge,
    log,
    dataDir,
    errors,
    async close() {
      await assistant.drain();
      knowledge.close();
      log.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
