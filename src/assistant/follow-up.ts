/**
 * Follow-ups read in the light of the previous turn in the same thread:
 * after a count, "列出来看看" lists the same kinds and period, "那下半年呢" counts the
 * same kinds in another period, "调研呢" another kind in the same period; after a
 * question, "那县级呢？" is searched together with the previous question; after a draft,
 * what draft-follow-up.ts reads (改成发言稿, 再短一点, 把数字再核一下).
 */
import { addMonths, type IsoDate } from '../time/index.ts';
import { draftFollowUp, type DraftFollowUp, type DraftTurn } from './draft-follow-up.ts';
import { countMarks, recorderIn, withoutMarks, type CountMarks, type MessageReader, type Reading } from '../reader/index.ts';
import { wantsExport, withoutExportWords } from './list-export.ts';
import { askedOfOther } from './several-rule-questions.ts';

/** What the last turn in a thread was about. */
export type TurnContext =
  | { kind: 'query'; intent: 'count' | 'list'; kinds: string[]; from: IsoDate | null; to: IsoDate | null; about?: string; by?: string }
  | { kind: 'ask'; question: string }
  | ({ kind: 'draft' } & DraftTurn);

/** A follow-up resolved into a complete request. */
export type ResolvedFollowUp =
  | ({ intent: 'count' | 'list'; kinds: string[]; from: IsoDate | null; to: IsoDate | null; about?: string; by?: string; versus?: { from: IsoDate; to: IsoDate } } & CountMarks)
  | { intent: 'ask'; question: string; retrieval: string }
  | DraftFollowUp;

/** 和5月份比呢, 跟去年比怎么样 after a count: that count against the period named (after 那 and 呢 are cut). */
const VERSUS = /^(?:和|跟|与|同)\s*(.{1,12}?)\s*(?:相比|比|对比|比较)(?:一下)?(?:怎么样|如何|多了还是少了)?$/;

/** 原文是怎么说的, 出自哪里, 依据是哪一条 right after an answer: where the answer comes from. */
const SOURCE_ASKED = /^(?:请问|那)?(?:这个?|这条|上面的?|刚才的?)?(?:原文|原话|出处|来源|依据|根据|法律依据)(?:是什么|是啥|在哪里?|怎么说的?|是怎么(?:说|写|规定)的|呢)?[？?。]?$|^(?:这个?|这条|上面的?|刚才的?)?(?:是)?(?:出自|引自|来自|依据|根据)(?:哪里|哪儿|哪个文件|哪份文件|哪部法律?|哪一?条|什么文件)[？?。]?$|^(?:在|是)?(?:哪个文件|哪份文件|第几条|哪一条)(?:里|规定的|说的|上写的)?[？?。]?$/;

/** Which days (都是哪几天, 分别是什么时候): after a count, its entries are listed. */
const WHICH_DAYS = '(?:都|分别|各自?)?是?在?(?:哪几天|哪些天|哪天|什么时候|几月几[号日]|哪几号|几号)';
const LIST_WORDS = /列出|列一下|列个|清单|明细|哪些|哪几[次个项场回]|具体是|都有什么|看看是|哪几天|哪些天|哪几号|(?:都|分别|各自?)是?在?(?:哪天|什么时候|几月几[号日]|几号)/;
const FOLLOW_UP_SHAPE = /^(?:那|那么|那如果|还有|再|另外|其中)|呢[？?。！!]*$/;
const FILLER = new RegExp(String.raw`${WHICH_DAYS}(?:开|搞|办|举行|开展|进行|召开|组织)?的?|列出来?|列一下|列个|清单|明细|都有哪些|有哪些|哪些|哪几[次个项场回]|(?:都)?是?(?:关于|有关|涉及|围绕|针对)|具体是?|都有什么|看看|把它们?|这些|的|吧|一下|呢|[，,。？?！!\s]`, 'g');
const EDGE = /^(?:那么|那如果|那|还有|另外|再|其中)|(?:呢)?[？?。！!\s]*$/g;

/** Words that ask about every kind of activity: 2023年3月做了哪些工作, 全部活动, 6月份的活动. */
const EVERY_KIND = /哪些工作|什么工作|哪些活动|什么活动|全部|所有|各类|各项|一共|总共|都做了|都干了|都开展了|(?:月份?|年|季度|周|天|半年)的?活动|最[忙闲]/;

/**
 * A reading complete in itself: a log, or a count/list naming its own period and either its
 * kinds or "every kind" (2023年3月做了哪些工作): it inherits no filter from the turn before.
 */
function standsAlone(reading: Reading, text: string): boolean {
  if (reading.intent === 'log' || reading.intent === 'draft' || reading.intent === 'undo' || reading.intent === 'help') return true;
  if (reading.intent !== 'count' && reading.intent !== 'list') return false;
  const period = reading.from !== null || reading.to !== null;
  return period && (reading.kinds.length > 0 || EVERY_KIND.test(text));
}

/** True when a short message leans on what was said before ("那…呢", "列出来看看"). */
export function looksLikeFollowUp(text: string): boolean {
  const t = text.trim();
  return t.length <= 16 && (FOLLOW_UP_SHAPE.test(t) || LIST_WORDS.test(t) || wantsExport(t) || countMarks(t) !== undefined || VERSUS.test(t.replace(EDGE, '')));
}

/**
 * Resolve a follow-up, or return undefined when the message stands on its own.
 * The reader itself reads the changed part, so periods and kinds follow its rules.
 */
export async function resolveFollowUp(
  text: string,
  reading: Reading,
  previous: TurnContext | undefined,
  reader: MessageReader,
  now: IsoDate,
): Promise<ResolvedFollowUp | undefined> {
  if (previous?.kind === 'draft') return draftFollowUp(text, previous, reading, now);
  // 原文是怎么说的, 出自哪个文件: the answer just given again, which quotes and cites its passage.
  if (previous?.kind === 'ask' && SOURCE_ASKED.test(text.trim())) return { intent: 'ask', question: previous.question, retrieval: previous.question };
  if (!previous || !looksLikeFollowUp(text) || standsAlone(reading, text)) return undefined;
  const core = text.trim().replace(EDGE, '').trim();
  if (previous.kind === 'ask') {
    // Only a question leans on a question: "上半年视察了几次呢" is a count of its own.
    if (reading.intent !== 'ask' && reading.intent !== 'unclear') return undefined;
    // 主任会议呢 after 常委会会议多久开一次: that question of the other meeting, not an answer on the first one.
    const other = askedOfOther(text, previous.question);
    if (other) return { intent: 'ask', question: other, retrieval: other };
    return { intent: 'ask', question: text.trim(), retrieval: `${previous.question} ${core}` };
  }
  const versus = VERSUS.exec(core);
  if (versus && previous.intent === 'count' && previous.from && previous.to) {
    const other = await reader.read(`${versus[1]}有几次`, now);
    if ((other.intent === 'count' || other.intent === 'list') && other.from && other.to) {
      return { intent: 'count', kinds: [...previous.kinds], from: previous.from, to: previous.to, about: previous.about, by: previous.by, versus: { from: other.from, to: other.to } };
    }
  }
  // 导出来 right after a list or count: that list, as a file (the assistant attaches it).
  const wantsList = LIST_WORDS.test(text) || wantsExport(text);
  // 去年同期呢: the period just counted, a year (or to the year named) earlier.
  const same = sameTimeYears(core, previous.from, now);
  if (same !== undefined && previous.from && previous.to) {
    return {
      intent: wantsList ? 'list' : previous.intent, kinds: [...previous.kinds],
      from: addMonths(previous.from, -12 * same), to: addMonths(previous.to, -12 * same), about: previous.about, by: previous.by,
    };
  }
  // Whatever is left after the list words and fillers is what changed ("下半年", "调研");
  // the reader reads it as if it were a count question of its own.
  // 帮我画个图, 占比多少, 最忙的是哪个月: the same count with what else is asked of it (a period named beside it counts).
  const marks = wantsList ? undefined : countMarks(core);
  const rest = (marks ? withoutMarks(core) : withoutExportWords(core)).replace(FILLER, '');
  const probe = rest ? await reader.read(`${rest}有几次`, now) : undefined;
  const changed = probe && (probe.intent === 'count' || probe.intent === 'list') ? probe : undefined;
  const kinds = changed && changed.kinds.length > 0 ? changed.kinds : previous.kinds;
  const hasPeriod = changed !== undefined && (changed.from !== null || changed.to !== null);
  const from = hasPeriod ? changed.from : previous.from;
  const to = hasPeriod ? changed.to : previous.to;
  if (!wantsList && !marks && !changed) return undefined;
  if (!wantsList && !marks && changed && changed.kinds.length === 0 && !hasPeriod) return undefined;
  // The subject asked about stays (那下半年呢 after 上半年视察了几次安全生产) unless a new one is named;
  // a message naming both its kinds and its period (一季度听取了哪些报告) is a question of its own,
  // and inherits no subject or recorder from the one before.
  const own = changed !== undefined && changed.kinds.length > 0 && hasPeriod;
  const about = changed?.about ?? (own ? undefined : previous.about);
  // 其中哪些是代表工委记的: who logged them, read from the whole follow-up (its list words are part of it).
  const by = changed?.by ?? recorderIn(core) ?? (own ? undefined : previous.by);
  // 哪个月活动最多 after a count of 视察: every kind's, in the period just counted.
  if (marks) return { intent: 'count', kinds: marks.extreme && EVERY_KIND.test(core) ? [] : [...kinds], from, to, about, by, ...marks };
  return { intent: wantsList ? 'list' : previous.intent, kinds: [...kinds], from, to, about, by };
}

/**
 * How many years back 去年同期 / 前年同期 / 2021年同期 reaches from a period starting `from`:
 * to the year named (去年 and 前年 count from today, whatever the last period was).
 */
function sameTimeYears(words: string, from: IsoDate | null, now: IsoDate): number | undefined {
  const m = /(去年|上年|上一年|前年|(\d{4})年)同期/.exec(words);
  if (!m || !from) return undefined;
  const target = m[2] ? Number(m[2]) : Number(now.slice(0, 4)) - (m[1] === '前年' ? 2 : 1);
  const back = Number(from.slice(0, 4)) - target;
  return back > 0 ? back : undefined;
}
