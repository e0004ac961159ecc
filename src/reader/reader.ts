/**
 * The rule-based message reader: one chat message → what it means (CONTRACTS.md, `parse`).
 * Slash commands force an intent; plain messages are read from their cue words, their
 * activity words (the taxonomy) and their time words (periods.ts). Pure and synchronous.
 */
import type { Taxonomy } from './kinds.ts';
import { findCommand } from '../commands.ts';
import * as cue from './cues.ts';
import { logEntries } from './log-reading.ts';
import { readCorrection, readNamedCorrection, readNamedDeletion } from './correction.ts';
import { extremeOf } from './count-marks.ts';
import { readerMessages as say } from './messages.ts';
import { notAnActivity } from './not-activity.ts';
import { blankOut, prepare, type Prepared } from './prepare.ts';
import { comparesPeriods } from './compared-periods.ts';
import { attendanceAsked } from './unlogged-asks.ts';
import { howItWent } from './how-it-went.ts';
import { perMonthAsked } from './per-month.ts';
import { unitsCounted } from './counted-units.ts';
import { logisticsAsked } from './logistics.ts';
import { heldMeetings } from './query-kinds.ts';
import { marked, query, REQUIRED } from './period-query.ts';
import { askedDone, asksOnlyYesNo, whetherAsked } from './whether-asked.ts';
import type { IsoDate } from '../time/index.ts';
import type { MessageReader, Reading } from './types.ts';

const HAS_FILLER = new RegExp(cue.LOG_FILLER.source);
/** Whether or where something was done: 有没有(…过), 去了哪里, 去过哪些乡镇, 哪些地方. */
const WHICH_DONE = /有没有|(?:去|到)[了过]?(?:哪里|哪儿|哪些)|哪些地方|哪些单位/;
/**
 * Right after an activity word, or the deed said again: 视察了哪些学校, 视察了啥地方, 执法检查的是哪部法律,
 * 专题询问都问了哪些部门 (not 主任会议讨论了哪些事项, a question for the minutes).
 */
const WHICH_OBJECT = /^\s*(?:(?:都|还|分别|主要)?\s*(?:问|询问|查|检查|看|去|到|访|走访|调研|视察))?\s*(?:[了过]|的(?:都)?是|都是)(?:哪些|哪几[个家处所部项]|哪一?[部家所项]|啥|什么)[\u4e00-\u9fff]/;
/** Which meetings were or are to be held: 开了哪些会, 要开什么会, 开的啥会, 本周有哪些会. */
const WHICH_MEETINGS = /(?:开|有)(?:了|过|的)?\s*(?:哪些|哪几[次场个]?|什么|啥)\s*会(?![议见谈商计员长客场])/;
/** Whether there is anything at all in a period: 有没有活动, 有安排吗, 有无记录, 没有活动？. */
const ANY_ENTRIES = /(?:有没有|有无)(?:什么)?(?:活动|安排|记录)|有(?:什么)?(?:活动|安排|记录)(?:吗|没有|没)|没有?(?:什么)?(?:活动|安排|记录)\s*(?:吗|[？?])/;
/** Marks of a question: a deed done to a list in such a message is not set aside (上个月统计了几次). */
const ASKS_SOMETHING = /[?？]|吗|几|多少|哪/;
const ENTRIES_ONLY = /^(?:的|了)?(?:活动|记录|清单|汇总|安排|都|全部|所有)+$/;

/** A log entry (or several), unless the message is not an activity at all. */
function logEntry(p: Prepared, now: IsoDate, taxonomy: Taxonomy): Reading {
  const not = notAnActivity(p);
  if (not) return { intent: 'unclear', question: not, settled: true };
  return logEntries(p, now, taxonomy);
}

/** Kinds of going out that one outing may be together (视察调研, 走访调研): never two meetings at once. */
const OUTINGS = new Set(['inspection', 'research', 'visit', 'law_check']);

/** "视察有哪些": the thing asked "which" about is an activity word itself, not 制度 or 要求. */
function whichOfActivity(p: Prepared): boolean {
  const at = /(?:都|具体|分别)?(?:有|是)(?:哪些|什么|啥)/.exec(p.blank);
  if (!at) return false;
  const after = at.index + at[0].length;
  return p.mentions.some(
    (m) =>
      (/^(?:的|活动|工作|\s)*$/.test(p.blank.slice(m.end, at.index)) && cue.WHICH_TAIL.test(p.blank.slice(at.index))) ||
      (m.start >= after && /^(?:的|\s)*$/.test(p.blank.slice(after, m.start)) && /^(?:活动|工作)?\s*[?？。]?\s*$/.test(p.blank.slice(m.end))),
  );
}

/** What is left of a message after its time words, activity words and filler. */
function residue(p: Prepared): string {
  return blankOut(p.blank, p.mentions).replace(cue.LOG_FILLER, '').replace(/[\s\p{P}]+/gu, '').replace(/^(?:的|了|一下|一次)+$/, '');
}


/** A slash command (`/log …`, `/stats@bot …`, Slack's `/lvzhi log …`), or undefined. */
function readCommand(original: string, now: IsoDate, taxonomy: Taxonomy): Reading | undefined {
  const m = /^[/／]\s*([A-Za-z]+)(?:@\S+)?(?:\s+|$)/.exec(original);
  if (!m) return undefined;
  const name = m[1].toLowerCase();
  const rest = original.slice(m[0].length).trim();
  if (name === 'lvzhi') return rest ? readCommand('/' + rest, now, taxonomy) ?? readPlain(rest, now, taxonomy) : { intent: 'help' };
  // The command table says what a command forces; a command the assistant handles before reading is unknown here.
  const command = findCommand(name);
  const intent = command && 'reads' in command ? command.reads : undefined;
  if (!intent) return { intent: 'unclear', question: say.unknownCommand(name) };
  if (intent === 'log') {
    if (!rest) return { intent: 'unclear', question: say.emptyLog };
    return logEntry(prepare(rest, now, taxonomy), now, taxonomy);
  }
  if (intent === 'count') {
    // /stats 上半年 哪个月最多, /stats 上半年视察占比: what the count is asked for, as in a plain message.
    const p = prepare(rest, now, taxonomy);
    const extreme = cue.EXTREME.exec(p.blank);
    if (extreme) return extremeCount(p, taxonomy, extreme);
    if (cue.SHARE.test(p.blank) && p.mentions.length > 0) return marked(query('count', p, taxonomy), { share: true });
    return query('count', p, taxonomy);
  }
  if (intent === 'list') return query(intent, prepare(rest, now, taxonomy), taxonomy);
  return { intent };
}

/** The month or kind with the most or fewest entries in a period (上半年哪个月活动最多); without a period, which is asked. */
function extremeCount(p: Prepared, taxonomy: Taxonomy, extreme: RegExpExecArray): Reading {
  if (!p.periods.some((x) => !x.timeOnly)) return { intent: 'unclear', question: say.extremePeriod, settled: true };
  return marked(query('count', p, taxonomy), { extreme: extremeOf(extreme) });
}

/** A count marked with the noun it asked for; a subject that is only that noun (家企业) narrows nothing. */
function unitsMarked(reading: Reading, units: string): Reading {
  if (reading.intent !== 'count') return reading;
  const { about, ...rest } = reading;
  return { ...rest, ...(about && !about.includes(units) ? { about } : {}), units };
}

/** A plain message, read from its cues. */
function readPlain(original: string, now: IsoDate, taxonomy: Taxonomy): Reading {
  const p = prepare(original, now, taxonomy);
  const { mentions, periods } = p;
  // 昨天整理了代表建议办理清单: a deed done to a list is reported; its words ask nothing of the log.
  const deed = !ASKS_SOMETHING.test(p.blank) && p.blank.search(cue.RECORDS_DEED) >= 0;
  const blank = deed ? p.blank.replace(cue.RECORDS_DEED, (m) => ' '.repeat(m.length)) : p.blank;
  // 把11月28日那条视察删掉 names its entry: never the undo of the last message, which may be another.
  if (readNamedDeletion(original, now, taxonomy) || cue.DELETE_SOME.test(p.text)) return { intent: 'unclear', question: say.deletionNeedsNumber, settled: true };
  // 刚才记错了，应该是前天: a correction with its new value is no withdrawal of the entry.
  if (cue.UNDO.test(p.text)) return readCorrection(original, now, taxonomy) ? { intent: 'unclear', question: say.correctionWithoutEntry, settled: true } : { intent: 'undo' };
  if (mentions.length === 0 && cue.HELP.test(p.text)) return { intent: 'help' };
  if (cue.HOW_TO_USE.test(blank)) return { intent: 'help' };
  if (cue.NOTHING_ON.test(p.text)) return { intent: 'unclear', question: say.nothingOn, settled: true };
  // 会议室下午有人用吗, 视察车辆安排好了吗: office logistics, kept by no store here — said so, never searched.
  if (logisticsAsked(p)) return { intent: 'unclear', question: say.logistics, settled: true };
  // 4月开党组会没, 周五开党组会吗, 这周有会吗: whether it was done or is planned is the period's entries
  // (before 没开 is read as a deed not done).
  const whether = whetherAsked(p, taxonomy);
  if (whether) return whether;
  const not = notAnActivity(p);
  if (not && !cue.QUESTION.test(blank) && !cue.COUNT.test(blank)) return { intent: 'unclear', question: not, settled: true };
  if (cue.DRAFT.test(blank) && !cue.HOW_TO_WRITE.test(blank)) return { intent: 'draft' };
  // 今年代表工作怎么样: what the log holds of it — the field's kinds counted, or the kind's entries.
  const went = howItWent(p, taxonomy);
  if (went) return went;
  const attendance = attendanceAsked(p);
  if (attendance) return { intent: 'unclear', question: attendance, settled: true };
  // 最近一次视察是什么时候, 上次开主任会议是哪天: the latest entry, from the log.
  if (mentions.length > 0 && cue.LATEST.test(blank)) return marked(query('list', p, taxonomy), { latest: true });

  const hasPeriod = periods.some((x) => !x.timeOnly);
  // 谁记的最多, 每个人记了几条: counted per person logging, over every entry of the period (no subject or person).
  const recorders = cue.BY_RECORDER.exec(blank);
  if (recorders) {
    const counted = query('count', p, taxonomy);
    if (counted.intent !== 'count') return counted;
    return { intent: 'count', kinds: counted.kinds, from: counted.from, to: counted.to, extreme: { by: 'recorder', most: (recorders[1] ?? recorders[2]) !== '少' } };
  }
  // 今年哪个委员会活动最多: no field of the log to rank by; said so, never the documents searched or a kind ranked instead.
  const unkept = cue.UNKEPT_RANK.exec(blank);
  if (unkept && (mentions.length > 0 || /活动|工作/.test(blank))) return { intent: 'unclear', question: say.unkeptRank(unkept[1] ?? unkept[2]), settled: true };
  // 上半年哪个月活动最多, 今年哪类活动最少: counted per month or kind; without a period, which one is asked.
  const extreme = cue.EXTREME.exec(blank);
  if (extreme && (mentions.length > 0 || /活动|工作|会|最[忙闲]/.test(blank))) return extremeCount(p, taxonomy, extreme);
  // 上半年每个月的活动, 每月视察几次: a figure per month (without a period, which months is asked).
  const perMonth = perMonthAsked(p, taxonomy);
  if (perMonth) return perMonth;
  const normative = cue.NORMATIVE.test(blank);
  const question = cue.QUESTION.test(blank);
  const isList =
    (cue.LIST.test(blank) && !(normative && !hasPeriod)) ||
    (cue.DONE_TAIL.test(blank) && hasPeriod && !normative) ||
    (whichOfActivity(p) && !normative) ||
    // 本周要开哪些会, 上周开了什么会: which meetings, from the entries.
    (hasPeriod && !normative && WHICH_MEETINGS.test(blank)) ||
    (/什么时候|哪天|哪几天|哪些天/.test(blank) && hasPeriod && mentions.length > 0 && !normative) ||
    // 上半年视察了学校吗, 本月开过主任会议没有, 上周三开会了吗: whether it happened is answered by the entries.
    (hasPeriod && (mentions.length > 0 || heldMeetings(blank)) && !normative && /[了过][^，,。；;]*(?:吗|没有|没)\s*[？?]?\s*$/.test(blank)) ||
    // 今年有没有视察过养老院, 今年视察了哪些学校, 视察都去了哪里: which entries, from the log.
    (hasPeriod && mentions.length > 0 && !normative &&
      (WHICH_DONE.test(blank) || mentions.some((x) => WHICH_OBJECT.test(`${/[了过]$/.test(x.words) ? '了' : ''}${blank.slice(x.end)}`)))) ||
    // 5月份有没有活动, 下周有活动吗: whether anything is on, from the entries.
    (hasPeriod && !normative && (ANY_ENTRIES.test(blank) || mentions.some((x) => /(?:有没有|有无)[^，,。；;？?]{0,6}$/.test(blank.slice(0, x.start))))) ||
    // 上周是否召开了主任会议: whether it was done in a period (是否 with 了, and no other rule word) is the entries.
    (hasPeriod && mentions.length > 0 && /是否[^，,。；;？?]{0,8}[了过]/.test(blank) && !cue.NORMATIVE.test(blank.replace(/是否/g, '')));
  // 这个月的调研跟上个月比怎么样, 比去年少了吗: a count of the period asked about (the chat counts both).
  if (comparesPeriods(p) && !cue.LIST.test(blank) && !cue.NON_ACTIVITY_COUNT.test(p.text)) return query('count', p, taxonomy);
  // 上个月开过主任会议吗, 今年有没有视察过养老院: the reply says yes or no before the entries.
  if (isList) {
    const listed = query('list', p, taxonomy);
    return marked(listed, asksOnlyYesNo(p, listed.intent === 'list' ? listed.about : undefined) ? { whether: true, ...(askedDone(p) ? { done: true } : {}) } : {});
  }
  // 常委会有多少个委员, 上半年接待了多少名选民: not a count of activities — the documents hold it.
  if (cue.NON_ACTIVITY_COUNT.test(p.text)) return { intent: 'ask' };
  // 上半年视察占全部活动的比例: the count, and its share of the period's whole.
  if (cue.SHARE.test(blank) && mentions.length > 0 && !normative) return marked(query('count', p, taxonomy), { share: true });
  // 今年各类活动占比: every kind's count over the period, each with its share.
  if (cue.SHARE.test(blank) && hasPeriod && mentions.length === 0 && !normative) {
    const { about: _, ...every } = query('count', p, taxonomy) as Reading & { about?: string };
    return marked(every, { share: true });
  }
  // 上半年视察调研画个图: the counts, drawn.
  if (cue.CHART.test(blank) && (hasPeriod || mentions.length > 0) && !normative) return marked(query('count', p, taxonomy), { chart: true });
  if (cue.COUNT.test(blank)) {
    // "一年至少要搞几次" asks what the rules require; "上半年视察了几次" asks what happened.
    if (normative && !cue.PAST.test(blank) && (!hasPeriod || REQUIRED.test(blank))) return { intent: 'ask' };
    // 今年视察了几家企业: the entries are counted and shown, marked with what was asked (never narrowed to 家企业).
    const units = unitsCounted(p);
    if (units) return unitsMarked(query('count', p, taxonomy), units);
    return query('count', p, taxonomy);
  }
  if (cue.LIST_WEAK.test(blank) && (hasPeriod || mentions.length > 0) && !question) return query('list', p, taxonomy);
  if (question) return { intent: 'ask' };
  // 第24条, 代表法第二十四条: an article named by its number is asked for.
  if (/第\s*[0-9零〇一二两三四五六七八九十百千]+\s*条/.test(blank) && mentions.length === 0 && !periods.some((x) => !x.timeOnly)) return { intent: 'ask' };
  // 刚才那条改成调研 with no entry just logged here to change: asked about, never stored as one.
  if (readCorrection(original, now, taxonomy) || readNamedCorrection(original, now, taxonomy)) {
    return { intent: 'unclear', question: say.correctionWithoutEntry, settled: true };
  }

  const day = periods.find((x) => x.day);
  const span = periods.find((x) => !x.day);
  // 6月视察了学校: an activity word, 了 and what it was done to report a deed, not a query.
  const reported = mentions.some((x) => /^\s*了(?!几|多少)\s*[\u4e00-\u9fff]/.test(blank.slice(x.end)));
  // 上半年代表活动开展情况, 上个月执法检查的情况: how things went over a period is the entries, not one activity to log.
  if (!day && span && mentions.length > 0 && /(?:(?:开展|进行|组织|落实)(?:的)?|的)情况\s*[?？。]?\s*$/.test(blank) && !/[了过]/.test(blank)) {
    return query('list', p, taxonomy);
  }
  const acted = cue.ACTION.test(blank) || HAS_FILLER.test(blank) || reported || deed;
  if (!day && !acted && cue.TOPIC_QUESTION.test(blank)) return { intent: 'ask' };
  if (!day && !acted && cue.DRAFT_NOUN_END.test(blank)) return { intent: 'draft' };
  // 代表建议的答复期限: a topic named after an activity word, nothing done, no day — a question.
  if (!day && !acted && mentions.length > 0 && blank.startsWith('的', mentions[0].end) && !/[了过]/.test(blank)) {
    return { intent: 'ask' };
  }
  const what = residue(p);
  // 上周的活动, 本月的走访记录: a period or a kind, and only words for "the entries".
  if (!day && !acted && (span || mentions.length > 0) && ENTRIES_ONLY.test(what)) return query('list', p, taxonomy);
  if (p.impossible.length > 0) return { intent: 'unclear', question: say.impossibleDate(p.impossible[0]), settled: true };
  if (mentions.length > 0 || day || acted) {
    // A period up front and nothing done (上半年视察): a count or a list, not an entry.
    if (!day && span && !acted && (mentions.length === 0 || span.start < mentions[0].start)) {
      const label = mentions.length > 0 ? taxonomy.label(mentions[0].kind) : '';
      return { intent: 'unclear', question: label ? say.countOrList(span.words, label) : say.periodOnly(span.words) };
    }
    if (mentions.length > 0 && !day && !acted && what === '') {
      return { intent: 'unclear', question: say.kindOnly(taxonomy.label(mentions[0].kind)) };
    }
    // 今天 视察 调研: bare words of trips that one outing often is together (视察调研) — one activity or
    // several is the person's to say; meetings set apart (主任会议 党组会议) are as many entries.
    const bare = day && mentions.length > 1 && what === '' && mentions.every((x, i) => OUTINGS.has(x.kind) && (i === 0 || /^\s+$/.test(blank.slice(mentions[i - 1].end, x.start))));
    if (bare) return { intent: 'unclear', question: say.bareKinds(day.words, mentions.map((x) => taxonomy.label(x.kind))) };
    // A day and no activity word or deed (今天天气不错): chit-chat, not an entry to store.
    if (mentions.length === 0 && !acted) return { intent: 'unclear', question: say.unclear };
    return logEntry(p, now, taxonomy);
  }
  if (span) return { intent: 'unclear', question: say.periodOnly(span.words) };
  if (p.unreadable.length > 0) return { intent: 'unclear', question: say.unreadableDate(p.unreadable[0]), settled: true };
  return { intent: 'unclear', question: say.unclear };
}

/** Read one message synchronously with the rules alone. `now` fixes 今天, 上半年 and the like. */
export function readMessage(text: string, now: IsoDate, taxonomy: Taxonomy): Reading {
  const original = (text ?? '').trim();
  if (original === '') return { intent: 'unclear', question: say.unclear };
  return readCommand(original, now, taxonomy) ?? readPlain(original, now, taxonomy);
}

/** The rule-based `MessageReader` (fast; a model reader may wrap it for what it cannot place). */
export class RuleReader implements MessageReader {
  constructor(private readonly taxonomy: Taxonomy) {}

  /** Read one message; never rejects. */
  async read(text: string, now: IsoDate): Promise<Reading> {
    return readMessage(text, now, this.taxonomy);
  }
}
