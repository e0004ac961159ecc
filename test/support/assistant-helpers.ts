/** Building an assistant for tests: the real activity log in a temporary folder, fakes elsewhere. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTaxonomy } from '../../src/reader/index.ts';
import { chartBy, openActivityLog, renderChart, type ActivityLog } from '../../src/log/index.ts';
import type { MessageReader } from '../../src/reader/types.ts';
import { activityLogPort, createAccess, createAssistant, type AssistantCore, type AssistantOptions } from '../../src/assistant/index.ts';
import type { Incoming } from '../../src/assistant/types.ts';
import type { KnowledgeBase } from '../../src/knowledge/types.ts';
import { FakeKnowledgeBase } from './fake-knowledge.ts';
import { ACCESS_FORMS } from '../../src/channels/index.ts';

/** A built assistant with the parts a test looks into. */
export interface TestBench {
  readonly assistant: AssistantCore;
  readonly log: ActivityLog;
  readonly knowledge: KnowledgeBase;
  readonly errors: Array<Record<string, unknown>>;
  readonly dataDir: string;
  close(): void;
}

/** Build an assistant over a fresh data folder with a fixed today (2023-07-05 by default). */
export function makeBench(reader: MessageReader, options: Partial<AssistantOptions> & { today?: string; allow?: string; admins?: string; chart?: boolean } = {}): TestBench {
  const dataDir = mkdtempSync(join(tmpdir(), 'lvzhi-assistant-'));
  const taxonomy = loadTaxonomy();
  const log = openActivityLog({ dataDir, taxonomy });
  const knowledge = options.knowledge ?? new FakeKnowledgeBase();
  const errors: Array<Record<string, unknown>> = [];
  const today = options.today ?? '2023-07-05';
  const assistant = createAssistant({
    knowledge,
    activities: activityLogPort(log, options.chart ? (stats) => renderChart(stats, { by: chartBy(stats) }) : undefined),
    reader,
    taxonomy,
    access: createAccess({ LVZHI_ALLOW: options.allow, LVZHI_ADMINS: options.admins }, ACCESS_FORMS),
    now: () => new Date(`${today}T10:00:00+08:00`),
    log: (entry) => errors.push(entry),
    ...(options.drafting ? { drafting: options.drafting } : {}),
    ...(options.memory ? { memory: options.memory } : {}),
    ...(options.conversations ? { conversations: options.conversations } : {}),
  });
  return {
    assistant, log, knowledge, errors, dataDir,
    close: () => {
      log.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A terminal message (always allowed, admin). */
export function say(text: string, extra: Partial<Incoming> = {}): Incoming {
  return { platform: 'terminal', userId: 'local', userName: '小王', chatId: 'local', threadId: 'terminal:local', text, ...extra };
}

/** A Telegram message from user `id` in chat `chat`. */
export function telegram(text: string, id = '42', chat = '42', extra: Partial<Incoming> = {}): Incoming {
  return { platform: 'telegram', userId: id, userName: `用户${id}`, chatId: chat, threadId: `telegram:${chat}:0`, text, ...extra };
}
