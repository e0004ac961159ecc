/**
 * The activity log from chat: logging one or several activities from a message, the
 * question before a date still to come, /undo of a whole message, /edit and corrections in
 * words right after logging, and /delete with a confirmation. People are their platform id
 * (`telegram:<id>`); their display name is kept for lists.
 */
import { addDays, dayInWords, daysBetween, daysInWords, type IsoDate } from '../time/index.ts';
import { readChange, readCorrection, readNamedCorrection, type Change, type LastingEnds, type ReadActivity, type Taxonomy } from '../reader/index.ts';
import { correctedReply, deletedReply, entryInWords, loggedAllReply, withdrawnReply, type Activity, type Provenance } from '../log/index.ts';
import { UserError } from '../errors.ts';
import type { Access } from './access.ts';
import { senderEntry } from './access.ts';
import { confirmationWords, messages as m } from './messages.ts';
import { createNamedEntries } from './named-entries.ts';
import type { ActivityLogPort } from './ports.ts';
import type { Incoming, Reply } from './types.ts';

/** Meetings at which reports are heard; a report heard at one is counted only when logged on its own. */
const MEETING_KINDS = new Set(['session', 'council_meeting', 'party_meeting']);
const REPORTS_HEARD = /(?:听取|审议)[^，,。；;]*报告/;

/** A question the log is waiting on an answer to. */
export type LogPending =
  | { kind: 'log'; activities: ReadActivity[]; message: string }
  | { kind: 'lasting'; ends: LastingEnds; message: string }
  | { kind: 'delete'; id: number };

/** What was logged last in a thread, so "改成6月13日" knows what it corrects. */
export interface LastLogged {
  readonly by: string;
  readonly ids: readonly number[];
}

/** What the log flows are built from. */
export interface LogFlowOptions {
  readonly activities: ActivityLogPort;
  readonly taxonomy: Taxonomy;
  readonly access: Access;
  /** Remember a question to ask before acting (per thread and person). */
  setPending(incoming: Incoming, pending: LogPending): Promise<void>;
  /** Remember what was just logged in this thread (or forget it). */
  setLastLogged(incoming: Incoming, last: LastLogged | undefined): Promise<void>;
}

/** The person as the platform knows them: `telegram:<id>`, `slack:<id>`, `terminal:<user>`. */
export function personOf(incoming: Incoming): string {
  return senderEntry(incoming);
}

/** The audit trail's record of who asked, from where, with which words. */
export function provenanceOf(incoming: Incoming, message = incoming.text): Provenance {
  return { by: personOf(incoming), byName: incoming.userName || incoming.userId, channel: incoming.platform, chat: incoming.threadId, message };
}

/** Build the log flows over the log port. */
export function createLogFlows(options: LogFlowOptions) {
  const { activities, taxonomy, access } = options;
  const year = (today: IsoDate) => Number(today.slice(0, 4));
  const namedEntries = createNamedEntries(activities, taxonomy, access);

  /** Store what a message reports, asking first when a day is still to come. */
  async function log(read: readonly ReadActivity[], incoming: Incoming, today: IsoDate, confirmedMessage?: string): Promise<Reply> {
    const future = read.filter((a) => a.date > today);
    if (confirmedMessage === undefined && future.length > 0) {
      await options.setPending(incoming, { kind: 'log', activities: [...read], message: incoming.text });
      const items = future.map((a) => entryInWords(a, taxonomy, today)).join('；');
      const earlier = future.every((a) => a.earlier !== undefined);
      return {
        text: m.futureDate(items),
        choices: [
          { label: m.confirmChoice, send: m.confirmWord },
          ...(earlier ? [{ label: m.earlierChoice(future.map((a) => dayInWords(a.earlier!, year(today))).join('、')), send: m.earlierWord }] : []),
          { label: m.cancelChoice, send: m.cancelWord },
        ],
      };
    }
    // The audit trail keeps the message that described the activity, not the "确认" after it.
    const results = await activities.addAll(read.map(({ kind, date, title, to }) => ({ kind, date, title, ...(to ? { to } : {}) })),
      provenanceOf(incoming, confirmedMessage));
    await options.setLastLogged(incoming, { by: personOf(incoming), ids: results.filter((r) => !r.duplicate).map((r) => r.activity.id) });
    const text = loggedAllReply(results, taxonomy, today);
    const stored = results.find((r) => !r.duplicate);
    const lines = [text, ...(stored ? [m.loggedBy(stored.activity.by_name ?? stored.activity.by)] : [])];
    // No kind read is said so, never filed as 其他 in silence: it counts in no kind's figures.
    const unkinded = results.filter((r) => !r.duplicate && r.activity.kind === 'other').map((r) => r.activity.title);
    if (unkinded.length > 0) lines.push(m.otherKind(unkinded.join('”“'), taxonomy.kinds.filter((k) => k.id !== 'other').map((k) => k.label)));
    // 召开常委会第十一次会议，听取了…的报告: the meeting is one entry; its reports are not counted as reviews.
    const meeting = results.find((r) => !r.duplicate && MEETING_KINDS.has(r.activity.kind) && REPORTS_HEARD.test(r.activity.title));
    if (meeting) lines.push(m.reportsInsideMeeting(taxonomy.label(meeting.activity.kind), taxonomy.label('report_review'), dayInWords(meeting.activity.date, year(today))));
    return { text: lines.join('\n') };
  }

  /** 今天视察了河道，上半年视察了几次？: the entry told in passing, offered to be logged; nothing is stored yet. */
  async function offerLog(read: readonly ReadActivity[], incoming: Incoming, today: IsoDate): Promise<Reply> {
    await options.setPending(incoming, { kind: 'log', activities: [...read], message: incoming.text });
    return {
      text: m.logOffered(read.map((a) => entryInWords(a, taxonomy, today)).join('；')),
      choices: [{ label: m.logChoice, send: m.logWord }, { label: m.cancelChoice, send: m.cancelWord }],
    };
  }

  /** 今天…，为期三天: which end the day named is, offered as two choices; nothing is stored yet. */
  async function askWhichEnd(question: string, ends: LastingEnds, incoming: Incoming, today: IsoDate): Promise<Reply> {
    await options.setPending(incoming, { kind: 'lasting', ends, message: incoming.text });
    const days = (a: ReadActivity) => daysInWords(a.date, a.to, year(today));
    return {
      text: question,
      choices: [
        { label: m.firstDayChoice(days(ends.first)), send: m.firstDayWord },
        { label: m.lastDayChoice(days(ends.last)), send: m.lastDayWord },
        { label: m.cancelChoice, send: m.cancelWord },
      ],
    };
  }

  /** The answer to a pending question; undefined when the person moved on to something else. */
  async function answer(pending: LogPending, text: string, incoming: Incoming, today: IsoDate): Promise<Reply | undefined> {
    if (pending.kind === 'lasting') {
      // Logged as if the person had written the days: a day still to come is asked about as ever.
      const picked = confirmationWords.firstDay.test(text) ? pending.ends.first : confirmationWords.lastDay.test(text) ? pending.ends.last : undefined;
      if (picked) return log([picked], { ...incoming, text: pending.message }, today);
      return confirmationWords.no.test(text) ? { text: m.cancelled } : undefined;
    }
    if (pending.kind === 'delete') {
      if (confirmationWords.deleteYes.test(text)) {
        const deleted = await activities.remove(pending.id, provenanceOf(incoming, `/delete ${pending.id}`));
        return { text: deletedReply(deleted, taxonomy, today) };
      }
      return confirmationWords.no.test(text) ? { text: m.cancelled } : undefined;
    }
    if (confirmationWords.yes.test(text)) return log(pending.activities, incoming, today, pending.message);
    if (confirmationWords.earlier.test(text) && pending.activities.some((a) => a.earlier)) {
      // A multi-day activity keeps its length: 12月5日至7日 of last year is the 5th to the 7th.
      const moved = pending.activities.map((a) => (a.earlier && a.date > today
        ? { ...a, date: a.earlier, to: a.to ? addDays(a.to, daysBetween(a.date, a.earlier)) : undefined }
        : a));
      return log(moved, incoming, today, pending.message);
    }
    return confirmationWords.no.test(text) ? { text: m.cancelled } : undefined;
  }

  async function undo(incoming: Incoming, today: IsoDate): Promise<Reply> {
    const withdrawn = await activities.undo(personOf(incoming), provenanceOf(incoming));
    await options.setLastLogged(incoming, undefined);
    if (withdrawn.length === 0) return { text: m.nothingToUndo };
    return { text: withdrawnReply(withdrawn, taxonomy, today) };
  }

  /** Apply a change to one entry, if this person may: their own, or any for an admin. */
  async function applyChange(id: number, change: Change | undefined, incoming: Incoming, today: IsoDate): Promise<Reply> {
    if (!change) return { text: m.unclearChange };
    if ('question' in change) return { text: change.question };
    const before = await activities.get(id);
    if (!before) return { text: m.noSuchEntry(id) };
    if (before.by !== personOf(incoming) && !access.isAdmin(incoming)) return { text: m.notYours(id) };
    try {
      const after = await activities.correct(id, change, provenanceOf(incoming));
      return { text: correctedReply(before, after, taxonomy, today) };
    } catch (error) {
      if (error instanceof UserError) return { text: error.userMessage };
      throw error;
    }
  }

  /** `/edit 17 日期 6月13日`. */
  async function edit(args: string, incoming: Incoming, today: IsoDate): Promise<Reply> {
    const match = /^#?(\d+)\s*(?:号|条)?\s+([\s\S]+)$/.exec(args.trim());
    if (!match) return { text: m.editUsage };
    return applyChange(Number(match[1]), readChange(match[2], today, taxonomy), incoming, today);
  }

  /**
   * "改成6月13日", "不对，是调研" right after logging, or words that name an entry (昨天开展的执法检查改成前天):
   * the entry just logged when it fits, else the log's entries that do, offered; undefined when the words are no correction.
   */
  async function correctInWords(text: string, last: LastLogged | undefined, incoming: Incoming, today: IsoDate): Promise<Reply | undefined> {
    const mine = last && last.by === personOf(incoming) && last.ids.length > 0 ? last : undefined;
    const change = mine && readCorrection(text, today, taxonomy);
    if (mine && change) {
      if (mine.ids.length > 1) return { text: m.whichEntry(mine.ids.join('、')) };
      return applyChange(mine.ids[0], change, incoming, today);
    }
    const named = mine && readNamedCorrection(text, today, taxonomy);
    if (mine && named) {
      const entries = (await Promise.all(mine.ids.map((id) => activities.get(id)))).filter((a): a is Activity => a !== null);
      const fits = entries.filter((a) => (named.kinds.length === 0 || named.kinds.includes(a.kind))
        && (named.dates.length === 0 || named.dates.includes(a.date)));
      if (fits.length === 1) return applyChange(fits[0].id, named.change, incoming, today);
      if (fits.length > 1) return { text: m.whichEntry(fits.map((a) => a.id).join('、')) };
    }
    return namedEntries(text, incoming, today);
  }

  /** `/delete 17`: admins only, after a confirmation. */
  async function remove(args: string, incoming: Incoming, today: IsoDate): Promise<Reply> {
    if (!access.isAdmin(incoming)) return { text: m.adminOnlyDelete };
    const match = /^#?(\d+)\s*(?:号|条)?$/.exec(args.trim());
    if (!match) return { text: m.deleteUsage };
    const entry: Activity | null = await activities.get(Number(match[1]));
    if (!entry) return { text: m.noSuchEntry(Number(match[1])) };
    await options.setPending(incoming, { kind: 'delete', id: entry.id });
    return {
      text: m.deleteQuestion(`${entry.id}. ${entryInWords(entry, taxonomy, today)}（${entry.by_name ?? entry.by}）`),
      choices: [{ label: m.deleteChoice, send: m.deleteWord }, { label: m.cancelChoice, send: m.cancelWord }],
    };
  }

  return { log, offerLog, askWhichEnd, answer, undo, edit, correctInWords, remove };
}

/** The log flows of one assistant. */
export type LogFlows = ReturnType<typeof createLogFlows>;
