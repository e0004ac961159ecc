/**
 * The platform-neutral assistant core: access first, then files, pending confirmations,
 * slash commands and plain messages routed by the message reader. It knows no platform.
 */
import { DEFAULT_TIME_ZONE, today as officeDay, type IsoDate } from '../time/index.ts';
import { type MessageReader, type Taxonomy } from '../reader/index.ts';
import { queryReader } from './read-query.ts';
import { rememberingReader } from './recent-readings.ts';
import { TurnQueue } from '../runtime/index.ts';
import { errorReference } from '../errors.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import type { ConversationStore } from '../storage/index.ts';
import { senderEntry, type Access } from './access.ts';
import { parseCommand, runCommand, type AssistantTools, type Query } from './commands/index.ts';
import { guardAssistant, logFailure, stderrErrorLog, type ErrorLog } from './error-boundary.ts';
import { rememberedDrafts } from './draft-reply.ts';
import { answerImport, discardImport, handleFiles, removeAbandonedUploads } from './files.ts';
import { createDepartments, type Departments } from './departments.ts';
import { createDocumentFlows } from './document-flows.ts';
import { readableIncoming } from './incoming-text.ts';
import { saveReplyFiles } from './saved-files.ts';
import { exportedList, wantsExport } from './list-export.ts';
import { resolveFollowUp } from './follow-up.ts';
import { openConversation, type ConversationLimits, type Pending } from './conversation.ts';
import { createLogFlows, personOf, provenanceOf } from './log-flows.ts';
import { periodsLeftOut } from './comparison.ts';
import { createCountFlows } from './count-flows.ts';
import { confirmationWords, messages as m } from './messages.ts';
import type { ActivityLogPort, DraftingPort, WebLinkPort } from './ports.ts';
import { renderList } from './render.ts';
import { latestReply, narrowingOf, topicReply } from './topic-query.ts';
import { whetherReply } from './whether-reply.ts';
import { answerEach, answerThenOffer, severalQuestions, statementAndQuestions, toldBeforeQuestion } from './several-questions.ts';
import { answerQuestions, ruleQuestions } from './several-rule-questions.ts';
import type { Assistant, Incoming, IncomingFile, Reply, ReplySink } from './types.ts';

/** Everything the assistant is built from; main.ts and tests pass them explicitly. */
export interface AssistantOptions {
  readonly knowledge: KnowledgeBase;
  readonly activities: ActivityLogPort;
  readonly reader: MessageReader;
  readonly taxonomy: Taxonomy;
  readonly access: Access;
  /** Drafting, when configured; without it `/draft` says so. */
  readonly drafting?: DraftingPort;
  /** Web console login links (`/web`), when the console is on. */
  readonly webLinks?: WebLinkPort;
  /** The clock (tests fix "today"); a message's own timestamp, when it has one, comes first. */
  readonly now?: () => Date;
  /** The office's time zone (IANA), which decides the calendar day; default Asia/Shanghai. */
  readonly timeZone?: string;
  /** Bounds of the conversation memory (and how often expired confirmations are swept). */
  readonly memory?: ConversationLimits;
  /** Where conversation state is kept (the data folder's database in `npm start`; process memory by default). */
  readonly conversations?: ConversationStore;
  /** Where failed turns are logged with their error code. */
  readonly log?: ErrorLog;
  /** Passages per answer. */
  readonly k?: number;
  /** Where drafts and charts sent in replies are also kept (the data folder's `exports/`). */
  readonly exportsDir?: string;
  /** Who is in which department (`LVZHI_SCOPES`); without it everyone on a platform sees `公共` only. */
  readonly departments?: Departments;
}

/** The assistant, plus a way to wait for the turns in progress (for a clean shutdown). */
export interface AssistantCore extends Assistant {
  /** Resolves once every turn that has started has finished. */
  drain(): Promise<void>;
  /** Let go of what waits for an answer (downloaded tables are deleted) and stop the clean-up timer. */
  close(): void;
}

/** Create the assistant from its parts. */
export function createAssistant(options: AssistantOptions): AssistantCore {
  const { knowledge, activities, taxonomy, access, drafting } = options;
  // Each question of 今年视察了几次？去年呢？ is read twice in one turn: the model is asked once.
  const reader = rememberingReader(options.reader);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? stderrErrorLog;
  const k = options.k ?? 5;
  // A downloaded table waiting for "导入" is deleted when it expires or is replaced.
  const { contexts, pendings, lastLogged, ...conversation } = openConversation(options.conversations, options.memory,
    (entry) => log({ ref: errorReference(), ...entry }));
  removeAbandonedUploads();
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  /** The office's day when the message was sent (its own timestamp), not when it is processed. */
  const todayOf = (incoming: Incoming): IsoDate => officeDay(incoming.sentAt ?? now(), timeZone);
  const logFlows = createLogFlows({
    activities, taxonomy, access,
    setPending: (incoming, pending) => pendings.set(pendingKey(incoming), pending),
    setLastLogged: (incoming, last) => (last ? lastLogged.set(incoming.threadId, last) : lastLogged.delete(incoming.threadId)),
  });
  const departments = options.departments ?? createDepartments([], access);
  const draft = rememberedDrafts(drafting, (incoming, turn) => contexts.set(incoming.threadId, { kind: 'draft', ...turn }), (incoming) => departments.visibility(incoming));
  const documentFlows = createDocumentFlows({
    knowledge, access, departments, setPending: (incoming, pending) => pendings.set(pendingKey(incoming), pending),
  });
  const { answerCount } = createCountFlows({ activities, taxonomy, reader, contexts, log, todayOf });
  // Turns of one thread run one after another, so memory reads in order; threads run in parallel.
  const queue = new TurnQueue();

  async function list(query: Query, incoming: Incoming): Promise<Reply> {
    const narrowing = narrowingOf(query, personOf(incoming));
    if (query.latest) return { text: await latestReply(activities, query, todayOf(incoming), taxonomy, narrowing) };
    await contexts.set(incoming.threadId, { kind: 'query', intent: 'list', ...query });
    const found = narrowing ? undefined : await activities.list(query);
    const { text: listed, shown } = found
      ? { text: renderList(found, query, taxonomy, todayOf(incoming)), shown: found.length }
      : await topicReply(activities, query, narrowing!, 'list', taxonomy, Number(todayOf(incoming).slice(0, 4)));
    // 4月开党组会没: yes or no first, then the entries that make it so.
    const text = query.whether ? whetherReply(listed, shown, found, query, taxonomy, todayOf(incoming)) : listed;
    if (!wantsExport(incoming.text) || shown === 0) return { text };
    const file = await exportedList(activities, query, taxonomy, narrowing);
    return file ? { text: `${text}\n${m.exportedNote(file.name)}`, files: [file] } : { text: `${text}\n${m.exportUnavailable}` };
  }

  /** Several periods' lists one after another (their files too); the first period stays the thread's topic. */
  async function listEach(queries: readonly Query[], incoming: Incoming): Promise<Reply> {
    const replies: Reply[] = [];
    for (const query of [...queries].reverse()) replies.unshift(await list(query, incoming));
    const files = replies.flatMap((r) => r.files ?? []);
    return { text: replies.map((r) => r.text).join('\n\n'), ...(files.length > 0 ? { files } : {}) };
  }

  async function ask(question: string, retrieval: string, incoming: Incoming, sink?: ReplySink): Promise<Reply> {
    if (!question) return { text: m.emptyAsk };
    // 全国人代会多久开一次？谁来召集？: each question searched, decided and cited on its own.
    const several = question === retrieval ? await ruleQuestions(question, reader, todayOf(incoming)) : undefined;
    const visibility = departments.visibility(incoming);
    const reply = await answerQuestions(several ?? [retrieval], (q, onPartial) => knowledge.ask(q, { k, onPartial, today: todayOf(incoming), ...visibility }), sink);
    // Keep the topic for a follow-up, bounded so a long chain of follow-ups stays short.
    await contexts.set(incoming.threadId, { kind: 'ask', question: retrieval.slice(-80) });
    return reply;
  }

  function pendingKey(incoming: Incoming): string {
    return `${incoming.threadId}|${incoming.userId}`;
  }

  async function answerPending(pending: Pending, text: string, incoming: Incoming, today: IsoDate): Promise<Reply | undefined> {
    await pendings.delete(pendingKey(incoming));
    // They moved on when the answer is none of the choices: the question is dropped, the message read afresh.
    if (pending.kind === 'remove-document' || pending.kind === 'replace') return documentFlows.answer(pending, text, incoming);
    if (pending.kind !== 'import') return logFlows.answer(pending, text, incoming, today);
    const importFile = access.isAdmin(incoming) ? activities.importFile : undefined;
    return answerImport(pending.file, text, importFile && ((path) => importFile(path, { ...provenanceOf(incoming), channel: 'import' })));
  }

  /** Files sent in chat (or named in the terminal): ingested, or a table offered for import. */
  async function receive(files: readonly IncomingFile[], incoming: Incoming): Promise<Reply> {
    if (!access.isAdmin(incoming)) return { text: m.adminOnlyIngest };
    const scope = departments.uploadScope(incoming);
    const outcome = await handleFiles(files, knowledge, incoming, Boolean(activities.importFile), log, activities.previewImport,
      (name) => ({ doc: `${scope}/${name}`, scope }));
    const text = outcome.lines.join('\n');
    if (outcome.pendingReplace) {
      if (outcome.pendingImport) discardImport(outcome.pendingImport); // one question at a time: the table can be sent again
      await pendings.set(pendingKey(incoming), { kind: 'replace', uploads: outcome.pendingReplace });
      return { text, choices: [{ label: m.replaceChoice, send: m.replaceWord }, { label: m.cancelChoice, send: m.cancelWord }] };
    }
    if (!outcome.pendingImport) return { text };
    await pendings.set(pendingKey(incoming), { kind: 'import', file: outcome.pendingImport });
    return { text, choices: [{ label: m.importChoice, send: m.importWord }, { label: m.cancelChoice, send: m.cancelWord }] };
  }

  async function turn(incoming: Incoming, sink?: ReplySink): Promise<Reply> {
    const today = todayOf(incoming);
    if (incoming.files?.length) return receive(incoming.files, incoming);
    const text = incoming.text.trim();
    if (!text) return { text: m.emptyMessage };

    const pending = await pendings.get(pendingKey(incoming));
    if (pending) {
      const reply = await answerPending(pending, text, incoming, today);
      if (reply) return reply;
    } else if (confirmationWords.yes.test(text) && text.length <= 4) {
      return { text: m.nothingPending };
    }

    const parsed = parseCommand(text);
    if (parsed.kind === 'unknown-command') return { text: `${m.unknownCommand(parsed.command)}\n\n${m.help}` };
    if (parsed.kind === 'command') return runCommand(parsed.command, { args: parsed.args, incoming, today, sink, tools });

    // 改成6月13日 / 不对，是调研: a correction of what this person just logged here.
    const corrected = await logFlows.correctInWords(text, await lastLogged.get(incoming.threadId), incoming, today);
    if (corrected) return corrected;

    // 今年视察了几次？去年呢？: each question in turn, the later read as follow-ups of the earlier.
    // 今天视察了安全生产工作。上半年视察了几次？: logged first, then each question answered.
    const waiting = async () => (await pendings.get(pendingKey(incoming))) !== undefined;
    const answer = (part: string) => turn({ ...incoming, text: part });
    const several = (await statementAndQuestions(text, reader, today)) ?? (await severalQuestions(text, reader, today));
    if (several) return answerEach(several, { answer, waiting, askAgain: m.askAgainAfter });
    // 今天视察了河道，上半年视察了几次？: the question answered, the activity offered to be logged.
    const told = await toldBeforeQuestion(text, reader, today);
    if (told) {
      const answerTold = (part: string) => (told.onRules ? ask(text, text, incoming, sink) : answer(part));
      return answerThenOffer(told, { answer: answerTold, waiting, askAgain: m.tellAgainAfter, offer: () => logFlows.offerLog(told.activities, incoming, today) });
    }
    const reading = await reader.read(text, today);
    const followUp = await resolveFollowUp(text, reading, await contexts.get(incoming.threadId), reader, today);
    if (followUp) {
      if (followUp.intent === 'ask') return ask(followUp.question, followUp.retrieval, incoming, sink);
      if (followUp.intent === 'draft') return draft(followUp.request, incoming, today, { shorterThan: followUp.shorterThan });
      if (followUp.intent === 'draft-check') return draft(followUp.request, incoming, today, { check: true });
      if (followUp.intent === 'draft-edit') return { text: m.draftEditUnknown };
      const query = { kinds: followUp.kinds, from: followUp.from, to: followUp.to, about: followUp.about, by: followUp.by };
      return followUp.intent === 'count' ? answerCount(followUp, text, incoming, today) : list(query, incoming);
    }

    switch (reading.intent) {
      case 'log':
        return logFlows.log(reading.activities, incoming, today);
      case 'count':
        return answerCount(reading, text, incoming, today);
      case 'list': {
        const query: Query = { kinds: reading.kinds, from: reading.from, to: reading.to, about: reading.about, by: reading.by, latest: reading.latest, ...(reading.whether ? { whether: true } : {}), ...(reading.done ? { done: true } : {}) };
        // 列出去年1月和今年1月的视察: periods that do not join are listed each on its own, none dropped.
        const apart = periodsLeftOut(text, today, reading.from, reading.to);
        if (apart.length > 0 && !reading.latest) return listEach(apart.map((p) => ({ ...query, from: p.from, to: p.to })), incoming);
        return list(query, incoming);
      }
      case 'ask':
        return ask(text, text, incoming, sink);
      case 'draft':
        return draft(text, incoming, today);
      case 'undo':
        return logFlows.undo(incoming, today);
      case 'help':
        return { text: m.help };
      case 'unclear':
        return reading.ends ? logFlows.askWhichEnd(reading.question, reading.ends, incoming, today) : { text: reading.question };
    }
  }

  const tools: AssistantTools = { reader, access, knowledge, drafting, draft, webLinks: options.webLinks, logFlows, documentFlows, departments, ask, answerCount, list, readQuery: queryReader(reader, taxonomy), receive };

  // The one error boundary of a turn: channels that guard this assistant again leave it as it is.
  const guarded = guardAssistant({
    async handle(received: Incoming, sink?: ReplySink): Promise<Reply> {
      // A stranger gets one refusal naming their id, and nothing else runs.
      if (!access.isAllowed(received)) return { text: m.refusal(senderEntry(received)) };
      const { incoming, noteCut } = readableIncoming(received);
      const reply = noteCut(await queue.run(incoming.threadId, () => turn(incoming, sink)));
      const exportsDir = options.exportsDir;
      return exportsDir ? saveReplyFiles(reply, exportsDir, (error) => void logFailure(log, error, { code: 'export_save_failed' }, incoming)) : reply;
    },
  }, log);

  return Object.assign(guarded, {
    drain: () => queue.idle(),
    close() {
      conversation.close();
    },
  });
}
