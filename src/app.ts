/**
 * Wiring: settings → parts (services.ts, the one place they are built) → assistant → channels.
 * `main.ts` and the end-to-end tests build Lüzhi through these factories, so what the tests run
 * is what `npm start` runs.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import type { MessageReader, Taxonomy } from './reader/index.ts';
import { chartBy, renderChart, type ActivityStore } from './log/index.ts';
import {
  activityLogPort, createAccess, createAssistant, createDepartments, type Access, type AssistantCore, type Channel, type DraftingPort, type ErrorLog,
} from './assistant/index.ts';
import { ACCESS_FORMS, REGISTERED, loadTerminalChannel, type RegisteredChannel, type TerminalChannel } from './channels/index.ts';
import type { Settings } from './config.ts';
import { chatDraft, createDrafter } from './drafting/index.ts';
import { UserError } from './errors.ts';
import type { IngestReport, KnowledgeBase } from './knowledge/index.ts';
import type { ModelTuning } from './models/index.ts';
import { openParts, type Parts } from './services.ts';
import type { ConversationStore } from './storage/index.ts';
import { appMessages as m } from './app-messages.ts';
import { createLinkIssuer } from './web/index.ts';

/** The sample documents `npm start` indexes on first run. */
export const SAMPLE_KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge', import.meta.url));

/** The data folder's subfolder where drafts and charts sent in chat are kept. */
export const EXPORTS_FOLDER = 'exports';

/** Everything Lüzhi runs on, opened over one data folder. */
export interface Services {
  readonly dataDir: string;
  readonly parts: Parts;
  readonly taxonomy: Taxonomy;
  readonly knowledge: KnowledgeBase;
  /** The activity log behind its asynchronous port (SQLite in the data folder, or PostgreSQL): what the assistant and the drafter use. */
  readonly activities: ActivityStore;
  readonly reader: MessageReader;
  readonly drafting: DraftingPort;
  readonly access: Access;
  readonly assistant: AssistantCore;
  /** Conversation state in the data folder: pending questions, follow-ups, buttons and reply chains survive a restart. */
  readonly conversations: ConversationStore;
  /** Wait for the turns under way, then close the stores (once; later calls wait for the first). */
  close(): Promise<void>;
}

/** What `openServices` needs; `now`, `log` and `modelTuning` are for tests. */
export interface ServicesOptions {
  readonly dataDir: string;
  readonly settings: Settings;
  readonly now?: () => Date;
  readonly log?: ErrorLog;
  readonly modelTuning?: ModelTuning;
}

/** Open every part of a data folder and build the assistant over them (`npm start`). */
export async function openServices(options: ServicesOptions): Promise<Services> {
  const { dataDir, settings } = options;
  const parts = openParts({ dataDir, settings, modelTuning: options.modelTuning });
  try {
    const taxonomy = parts.taxonomy();
    const activities = parts.activities();
    const conversations = parts.conversations();
    // A database server that cannot be reached stops the start here, in Chinese.
    await parts.ready();
    const knowledge = await parts.knowledge();
    const reader = parts.reader();
    const model = parts.models().chat;
    const drafting: DraftingPort = {
      async draft(request, { now, scopes }) {
        // Models of style only from what the person may see: their departments and 公共.
        const drafter = createDrafter({
          log: activities, knowledge: { search: (question, k) => knowledge.search(question, k, { scopes }) }, taxonomy, model,
        });
        return chatDraft(await drafter.draft({ request, now }), taxonomy, { leadIn: settings.LVZHI_DRAFT_LEAD_IN });
      },
    };
    const access = createAccess(settings, ACCESS_FORMS);
    const assistant = createAssistant({
      conversations,
      // `/web` hands out links only while the console is configured (in this process or another on the same storage).
      webLinks: settings.LVZHI_WEB_PORT === undefined ? undefined : createLinkIssuer({ settings, store: conversations, access }),
      knowledge, reader, taxonomy, drafting, access, departments: createDepartments(settings.LVZHI_SCOPES, access),
      activities: activityLogPort(activities, (stats, kinds) => renderChart(stats, { by: chartBy(stats), kinds, taxonomy }), {}, settings.LVZHI_TIME_ZONE),
      now: options.now,
      timeZone: settings.LVZHI_TIME_ZONE,
      log: options.log,
      exportsDir: join(dataDir, EXPORTS_FOLDER),
    });
    let closing: Promise<void> | undefined;
    return {
      dataDir, parts, taxonomy, knowledge, activities, reader, drafting, access, assistant, conversations,
      close() {
        closing ??= (async () => {
          await assistant.drain();
          assistant.close();
          await parts.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await parts.close();
    throw error;
  }
}

/**
 * On first run (an empty index) ingest the sample documents, noting it on `notes`;
 * undefined when there was nothing to do.
 */
export async function ingestSamplesIfEmpty(
  knowledge: KnowledgeBase,
  notes: Writable,
  folder: string = SAMPLE_KNOWLEDGE_DIR,
): Promise<IngestReport | undefined> {
  if (knowledge.size() > 0 || !existsSync(folder) || readdirSync(folder).length === 0) return undefined;
  notes.write(m.firstRunIngest(folder) + '\n');
  const report = await knowledge.ingest([folder]);
  notes.write(m.firstRunDone(report.added, report.chunks) + '\n');
  for (const skipped of report.skipped) notes.write(m.firstRunSkipped(skipped.path, skipped.reason) + '\n');
  return report;
}

/** Streams the terminal channel uses (stdin/stdout/stderr by default). */
export interface TerminalStreams {
  readonly input?: Readable;
  readonly output?: Writable;
  readonly notes?: Writable;
  /** Stamps each line as it arrives (tests fix it). */
  readonly clock?: () => Date;
}

/**
 * The channels to run: every registered one whose settings are present (tests pass another list),
 * or the terminal when none is — unless `withTerminal` is false (the web console alone is served).
 */
export async function createChannels(
  settings: Settings,
  assistant: AssistantCore,
  terminal: TerminalStreams = {},
  conversations?: ConversationStore,
  registered: Readonly<Record<string, RegisteredChannel>> = REGISTERED,
  withTerminal = true,
): Promise<{ channels: Channel[]; terminal?: TerminalChannel }> {
  const channels: Channel[] = [];
  const configured = Object.entries(registered).flatMap(([name, channel]) => {
    const own = (settings as Record<string, unknown>)[name];
    return own !== undefined && channel.load ? [{ channel, own }] : [];
  });
  const onPort = configured.flatMap(({ channel, own }) => channel.port?.(own) ?? []);
  if (onPort.length > 1) throw new UserError('bad_setting', m.portClash(onPort.map((use) => use.user).join('、'), onPort.map((use) => use.instead).join('、')));
  for (const { channel, own } of configured) channels.push(...(await channel.load!())(own, { assistant, conversations }));
  if (channels.length > 0 || !withTerminal) return { channels };
  const createTerminalChannel = await loadTerminalChannel();
  const terminalChannel = createTerminalChannel({ assistant, conversations, ...terminal });
  return { channels: [terminalChannel], terminal: terminalChannel };
}
