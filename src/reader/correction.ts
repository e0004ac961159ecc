/**
 * Corrections to an entry, as staff write them: `/edit 17 日期 6月13日`, `/edit 17 类型 调研`,
 * or in words right after logging: `改成6月13日`, `不对，是调研`, `标题改成…`, `把事项改为…`.
 */
import type { Taxonomy } from './kinds.ts';
import { scanTime } from '../time/index.ts';
import { readerMessages as say } from './messages.ts';
import { lexiconOf, normalizeForMatching } from './lexicon.ts';
import type { IsoDate } from '../time/index.ts';

/** What a correction changes, or the question to ask when it cannot be read. */
export type Change =
  | { readonly date?: IsoDate; readonly to?: IsoDate; readonly kind?: string; readonly title?: string }
  | { readonly question: string };

const FIELD = /^\s*(?:把|将)?\s*(日期|时间|date|类型|类别|种类|kind|标题|内容|名称|事项|title)\s*(?:改成|改为|改到|换成|是|为|:|：)?\s*/i;
/** A correction in words right after an entry was logged. */
const IN_WORDS =
  /^\s*(?:(?:不对|错了|记错了|搞错了|不是这个|更正一下|更正|纠正)\s*[，,。!！\s]*(?:应该|应)?(?:是|改成|改为|改到|换成)?|(?:应该是|改成|改为|改到|换成|更正为)|(?=(?:把|将)?\s*(?:日期|时间|类型|类别|标题|内容|名称|事项)\s*(?:改成|改为|改到|换成|应该是|应为)))\s*([\s\S]+)$/;

/** Read what to change from the words after an entry's number (or after 改成). */
export function readChange(words: string, now: IsoDate, taxonomy: Taxonomy): Change | undefined {
  const text = words.trim().replace(/[。!！]+$/, '');
  if (!text) return undefined;
  const field = FIELD.exec(text);
  const value = field ? text.slice(field[0].length).trim() : text;
  const name = field?.[1].toLowerCase();
  if (name && /标题|内容|名称|事项|title/.test(name)) return value ? { title: value } : undefined;
  const wantsDate = !name || /日期|时间|date/.test(name);
  const wantsKind = !name || /类型|类别|种类|kind/.test(name);
  if (wantsDate) {
    const scan = scanTime(normalizeForMatching(value), now);
    if (scan.impossible.length > 0) return { question: say.impossibleDate(scan.impossible[0]) };
    const day = scan.periods.find((p) => p.day && !p.timeOnly);
    if (day) {
      const chosen = day.readings ? day.readings.nearest : day;
      const date = chosen.from;
      // A day still to come without its year is the person's to settle, not ours.
      if (date > now && day.readings) return { question: say.correctionNeedsYear(day.words) };
      // 改成7月3日至5日: a range is the entry's first and last day (a single day makes it one day).
      return chosen.to && chosen.to !== date ? { date, to: chosen.to } : { date };
    }
    if (name && !wantsKind) return { question: say.unreadableDate(value) };
  }
  if (wantsKind) {
    const kind = taxonomy.resolve(value) ?? taxonomy.kinds.find((k) => k.id === lexiconOf(taxonomy).find(normalizeForMatching(value))[0]?.kind);
    if (kind) return { kind: kind.id };
    if (name) return { question: say.unknownKindInCorrection(value, taxonomy.kinds.map((k) => k.label).join('、')) };
  }
  return undefined;
}

/**
 * Other ways of saying 改成, rewritten to it: 日期错了，应该是3号 and 时间改一下，6月10日 (日期改成…),
 * 不是视察是调研 and 是调研不是视察 (改成调研).
 */
const SAID_OTHERWISE: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\s*(日期|时间|类型|类别|标题|内容|名称|事项)\s*(?:错了|不对|记错了|搞错了|有误|改一下|改改|要改|更正一下|调整一下)\s*[，,。:：!！\s]*(?:应该|应)?(?:是|改成|改为|为)?\s*/, '$1改成'],
  [/^\s*(?:不是|并非)\s*[^，,。；;\s]{1,12}?\s*[，,]?\s*(?:而)?是\s*/, '改成'],
  [/^\s*(?:应该)?是\s*([^，,。；;\s]{1,12}?)\s*[，,]?\s*不是\s*[^，,。；;\s]{1,12}\s*[。!！]?\s*$/, '改成$1'],
];

/**
 * An apology or a pointer at the entry just logged, said before the correction itself
 * (不好意思刚才发错了，不是视察是调研; 刚才记错了，应该是前天不是昨天): what follows is read.
 */
const OWNING_UP =
  /^\s*(?:(?:不好意思|抱歉|对不起|sorry)\s*[，,。!！\s]*)?(?:(?:刚才|刚刚|上一条|上条|那条|这条|刚记的)(?:那条|这条|那个)?的?\s*(?:(?:发|记|写|录|登记)?(?:错了|有误|不对)\s*[，,。!！:：\s]+|(?=(?:日期|时间|类型|类别)\s*(?:错了|不对|记错了|搞错了|有误|改一下|要改))))?(?=\S)/i;

/** A correction in words (改成6月13日, 不对，是调研): what it changes, or undefined when it is none. */
export function readCorrection(text: string, now: IsoDate, taxonomy: Taxonomy): Change | undefined {
  const said = SAID_OTHERWISE.reduce((t, [pattern, as]) => t.replace(pattern, as), text.trim().replace(OWNING_UP, ''));
  const m = IN_WORDS.exec(said);
  return m ? readChange(m[1], now, taxonomy) : undefined;
}

/** 昨天开展的执法检查改成前天, 把刚才那条的类型改成调研: the entry named, then the change. */
const NAMED = /^\s*(?:把|将)?\s*([^，,。；;]{1,24}?)\s*(?:的\s*(?:日期|时间|类型|类别|标题|内容|名称|事项))?\s*(?:改成|改为|改到|换成|更正为|应该是|应为)\s*([^，,。；;]+?)\s*[。!！]?$/;
/** Words that point at the entry just logged. */
const POINTER = /刚才|刚刚|上一条|那条|这条|刚记的|刚登记的/;

/** What a correction that names its entry says about that entry: its kinds and days, if any. */
export interface NamedCorrection {
  readonly change: Change;
  readonly kinds: readonly string[];
  readonly dates: readonly IsoDate[];
  /** The entry as the words name it (days or periods, kinds), unless they point at the one just logged (刚才那条). */
  readonly entry?: NamedEntry;
}

/**
 * A correction that first names the entry (昨天开展的执法检查改成前天): the change, and the
 * kinds and days the words name, so the caller changes only an entry they fit. Undefined when
 * the words name no entry (no activity word, day or 刚才那条) or the change cannot be read.
 */
export function readNamedCorrection(text: string, now: IsoDate, taxonomy: Taxonomy): NamedCorrection | undefined {
  const m = NAMED.exec(text.trim());
  if (!m) return undefined;
  const named = namedEntry(m[1], now, taxonomy);
  const kinds = named?.kinds ?? [];
  const dates = (named?.periods ?? []).filter((p) => p.from === p.to).map((p) => p.from);
  if (kinds.length === 0 && dates.length === 0 && !POINTER.test(m[1])) return undefined;
  const field = /的\s*(日期|时间|类型|类别|标题|内容|名称|事项)\s*(?:改成|改为|改到|换成|更正为|应该是|应为)/.exec(text);
  const change = readChange(field ? `${field[1]} ${m[2]}` : m[2], now, taxonomy);
  if (!change) return undefined;
  return { change, kinds, dates, ...(named && !JUST_LOGGED.test(m[1]) ? { entry: named } : {}) };
}

/** An entry named by its days or kinds (11月28日那条视察, 上周的调研): what the words say of it. */
export interface NamedEntry {
  /** The words that name it, as written. */
  readonly words: string;
  readonly kinds: readonly string[];
  /** The days or periods it falls in (a day is a period of one day). */
  readonly periods: ReadonlyArray<{ readonly from: IsoDate; readonly to: IsoDate }>;
  /** A written date that names no real day (11月31日): asked about, no entry looked for. */
  readonly impossible?: string;
}

/** Deleting what the words before the verb name (把11月28日那条视察删掉, 昨天的调研记录删了吧). */
const DELETE_AFTER = /^\s*(?:请|帮我|麻烦)?\s*(?:把|将)?\s*([^，,。；;?？]{1,30}?)\s*给?\s*(?:删掉|删除|删了|删去|去掉|作废|撤销|撤回|撤掉)了?\s*(?:吧|一下|哈)?\s*[。!！]?\s*$/;
/** Deleting what the words after the verb name (删除昨天那条记录, 撤销11月28日的视察). */
const DELETE_BEFORE = /^\s*(?:请|帮我|麻烦)?\s*(?:删掉|删除|删去|去掉|作废|撤销|撤回|撤掉)\s*(?:一下)?\s*([^，,。；;?？]{1,30}?)\s*[。!！]?\s*$/;
/** Words that point at the entry just logged: that is the undo's, whatever else they name. */
const JUST_LOGGED = /刚才|刚刚|上一条|最后一条|刚记的|刚登记的|刚录的/;

/** The days and kinds that words naming an entry give; undefined when they give neither. */
function namedEntry(words: string, now: IsoDate, taxonomy: Taxonomy): NamedEntry | undefined {
  const named = normalizeForMatching(words);
  const kinds = [...new Set(lexiconOf(taxonomy).find(named).map((k) => k.kind))];
  const scan = scanTime(named, now);
  const periods = scan.periods.filter((p) => !p.timeOnly)
    .map((p) => (p.readings ? p.readings.past : p)).map(({ from, to }) => ({ from, to }));
  const impossible = scan.impossible[0];
  if (kinds.length === 0 && periods.length === 0 && !impossible) return undefined;
  return { words: words.trim(), kinds, periods, ...(impossible ? { impossible } : {}) };
}

/**
 * A deletion that names its entry by its day or kind (把11月28日那条视察删掉, 删除昨天那条记录):
 * never the undo of the last message, which may be another entry. Undefined when the words
 * name no day or kind, or point at the entry just logged (刚才那条删掉: the undo).
 */
export function readNamedDeletion(text: string, now: IsoDate, taxonomy: Taxonomy): NamedEntry | undefined {
  const m = DELETE_AFTER.exec(text) ?? DELETE_BEFORE.exec(text);
  if (!m || JUST_LOGGED.test(m[1])) return undefined;
  return namedEntry(m[1], now, taxonomy);
}
