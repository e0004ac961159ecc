/**
 * How long or how often something is (顾问任期几年, 委员长会议多久开一次, 专题询问安排多长时间, 报告在
 * 几月份通过) is answered by a period stated of the thing asked about: 每届任期五年 in a sentence on
 * 代表 answers 代表一届干几年, not 代表团团长一届任期多长; 常委会会议一般每两个月举行一次 does not say
 * how often the 委员长会议 meets. Offices copy such a term into notices and plans, and the nearest
 * article's period for another body reads as a rule of the one asked about — worse than 没有找到.
 * How far ahead (提前几天) is asked-deadline.ts's; 什么时候 may be answered by an event, not a period.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import { wordSegmenter } from '../search/word-segmenter.ts';
import type { ScoredPassage } from '../types.ts';
import { movedFirst } from './checked-quote.ts';
import { asksAhead } from './asked-deadline.ts';
import { isContent, taggedQuestion } from './question-focus.ts';

// 多长时间, 多久, 几年, 几个月, 多少天, 任期多长, 隔多长, 几月份, 哪个月.
const ASKS_PERIOD = /多长时间|多久|(?:任期|期限|时限|时间)(?:有|是|为)?多长|隔多长|几(?:个)?(?:年|月份?|天|日|小时|分钟)|多少(?:年|天|日|个月|小时|分钟)|哪(?:个|一个)?月/u;
const NUMBER = '[零〇一二两三四五六七八九十百\\d]+';
// A length as the documents state it: 五年, 两个月, 三十日内, 六月至九月, 任期同…相同, 之日起
// (not 每届 alone: 每届…名额 states no term, nor 每年: a frequency, below).
// A number of years naming a plan (五年规划纲要, 三年行动计划) states no period of anything asked.
const LENGTH = `${NUMBER}个?(?:年(?!规划|计划|行动)|月|日|天|周|星期|小时|分钟)|之日起|(?:任期|期限)同[^。；]{1,24}相同`;
// 几月份, 哪个月: a time of the year, stated as a month or a part of the year (六月, 第一季度, 上半年,
// 年底), not by 每年 alone (每年审查和批准决算的同时 says how often, not in which month).
const ASKS_MONTH = /几月(?!内)|哪(?:个|一个)?月/u;
const STATES_MONTH = new RegExp(`${NUMBER}月(?!内)|季度|[上下]半年|年初|年中|年底|年末|月份`, 'u');
// How often (多久开一次, 隔几年, 每年几次) against how long (开几天, 任期几年): a frequency states the
// one (每两个月举行一次), not the other — 常委会会议一般每两个月举行一次 says nothing of how many days
// a meeting lasts.
const ASKS_FREQUENCY = /(?<!第)一次|几次|多少次|隔|频次|频率|每(?:年|月|届|季度)/u;
const FREQUENCY = new RegExp(`每(?:年|季度|月|周|届)?${NUMBER}?个?(?:年|月|日|天|周|星期)?[^，。；]{0,12}一次|${NUMBER}个?(?:年|月)一次`, 'gu');
// How often is answered by a frequency (每两个月举行一次, 每年至少举行一次), or by 每年/每届… with the act
// asked (每年向本级人大常委会报告 for 多久报告一次), not by any period: 经主任会议审定后，一般在会议举行五日
// 以前送交 says when a question list goes out, and 主任会议每年从代表建议中确定若干件重点建议 what it does
// yearly — neither how often 主任会议 meets.
const STATES_FREQUENCY = new RegExp(FREQUENCY.source, 'u');
// How long is stated by a length, never by how often, whatever the count (每年举行两次: 每年 is no
// length of a meeting) — 乡镇人大会议一般每年举行两次 does not say how many days a session lasts.
const ANY_FREQUENCY = new RegExp(`${FREQUENCY.source}|每(?:年|季度|月|周|届)${NUMBER}?个?(?:年|月|日|天|周|星期)?[^，。；]{0,12}${NUMBER}次`, 'gu');
const STATES_LENGTH = new RegExp(LENGTH, 'u');
const EVERY = /每(?:年|季度|月|周|届)/u;
// The act whose frequency is asked: the one or two characters before 一次/几次 (开, 报告, 举行).
const ASKED_ACT = /([\u4e00-\u9fff]{1,2}?)(?:(?<!第)一|几|多少)次/u;
const MEETS = /举行|召开|开会|开/u;
const SENTENCE = /[^。；;！？\n]+/gu;
// 代表大会 inside the standing committee's name (某区人民代表大会常务委员会议事规则) is not the congress.
const COMMITTEE_OF_CONGRESS = /(?:人民)?代表大会(?=常务委员会)/gu;
// Words naming the period asked for (任期 in 顾问任期几年), not the thing whose period it is.
const PERIOD_WORD = /^(?:任期|期限|时限|时间|时长|一届|每届|周期|频次|频率)$/u;
// General-Chinese idf from which a head noun names a thing rather than everyday language (顾问 7.0,
// 团长 7.5; not 单位 5.4 of 承办单位, which the rules call 有关机关、组织): found-features.ts's EVERYDAY_IDF.
const SPECIFIC_HEAD_IDF = 7;
// Words naming the members of a body (常委会组成人员, 委员会委员).
const MEMBER = /^(?:组成人员|委员|成员)$/u;

/** Whether a question asks how long or how often something is (not how far ahead: asked-deadline.ts). */
export function asksPeriod(question: string): boolean {
  return ASKS_PERIOD.test(question) && !asksAhead(question);
}

/** The passages to answer a period question from, or that none may be quoted. */
export interface PeriodQuote {
  readonly passages: readonly ScoredPassage[];
  /** Set when no passage found states a period in a sentence on the thing asked about. */
  readonly unstated?: boolean;
}

/**
 * For a period question: the passages unchanged when the first states a period in a sentence
 * holding the question's most specific word the passages hold (顾问, 团长, 委员长会议); else the first
 * other passage with such a sentence holding as much of the question as the first passage's best
 * sentence, moved to the front; else `unstated`.
 */
export function periodQuote(question: string, passages: readonly ScoredPassage[], canonicalizer: Canonicalizer = defaultEquivalences()): PeriodQuote {
  if (!asksPeriod(question) || !passages.length) return { passages };
  const segmenter = wordSegmenter();
  const tagged = taggedQuestion(question, canonicalizer);
  const content = tagged.filter((w) => isContent(w) && w.tag !== 't' && !PERIOD_WORD.test(w.word));
  const words = content.map(({ word }) => ({ word, weight: segmenter.generalIdf(word) }));
  if (!words.length) return { passages };
  // A word held as written or in canonical form (委员 of 全国人民代表大会常务委员会, whose canonical
  // form 全国人大常委会 hides it).
  const holds = (text: string, word: string): boolean => text.includes(word) || canonicalizer.apply(text).includes(word);
  const held = (word: string): boolean => passages.some((p) => holds(`${p.passage.context}\n${p.passage.text}`, word));
  // The thing asked about: the most specific question word some passage found holds, and the
  // head noun of what is asked about — the noun nearest before the asking words (顾问 in 专门委员会
  // 聘请的顾问任期是几年, 团长 in 代表团团长一届任期多长) — when it is specific and a passage holds it.
  // Only the nearest: 法律草案 of 法律草案向社会公开征求意见，一般征求多长时间 is not what the period
  // is of (意见 is, too common a word to require).
  const heaviest = words.filter(({ word }) => held(word))
    .reduce<{ word: string; weight: number } | undefined>((best, w) => (!best || w.weight > best.weight ? w : best), undefined);
  const asking = ASKS_PERIOD.exec(tagged.map(({ word }) => word).join(''))?.index ?? 0;
  let nearest: string | undefined;
  let at = 0;
  for (const w of tagged) {
    at += w.word.length;
    if (at > asking) break;
    if (/^n/.test(w.tag) && content.includes(w)) nearest = w.word;
  }
  const head = nearest && held(nearest) && segmenter.generalIdf(nearest) >= SPECIFIC_HEAD_IDF ? nearest : undefined;
  const keys = [...new Set([heaviest?.word, head].filter((word): word is string => word !== undefined))];
  if (!keys.length) return { passages };
  // Members serve their body's term: 常委会组成人员一届任期几年 is answered by 常务委员会每届任期同….
  const bodyOf = new Map<string, string>();
  tagged.forEach((w, i) => {
    const before = tagged[i - 1];
    if (MEMBER.test(w.word) && before && isContent(before) && /^n/.test(before.tag)) bodyOf.set(w.word, before.word);
  });
  const total = words.reduce((sum, w) => sum + w.weight, 0) || 1;
  const cover = (sentence: string): number => {
    const text = canonicalizer.apply(sentence);
    return words.reduce((sum, w) => sum + (text.includes(w.word) ? w.weight : 0), 0) / total;
  };
  const sentences = (p: ScoredPassage): string[] => p.passage.text.match(SENTENCE) ?? [];
  // The kind of period asked: a month asks for a month; how often for a frequency; a length for a
  // period stated outside any frequency.
  const month = ASKS_MONTH.test(question);
  const often = !month && ASKS_FREQUENCY.test(question);
  const act = ASKED_ACT.exec(question)?.[1];
  const doesAct = (sentence: string): boolean => !act || (MEETS.test(act) ? MEETS.test(sentence) : sentence.includes(act));
  const statesAsked = (sentence: string): boolean => (month ? STATES_MONTH.test(sentence)
    : often ? STATES_FREQUENCY.test(sentence) || (EVERY.test(sentence) && doesAct(sentence))
    : STATES_LENGTH.test(sentence.replace(ANY_FREQUENCY, '')));
  // A sentence states the thing's period when it states a period and names the thing, itself, in
  // the sentence before it (…可以先制定地方政府规章。规章实施满两年…) or under a heading that names it.
  const stated = (p: ScoredPassage): number => {
    const all = sentences(p);
    const named = (i: number): boolean => {
      const text = `${p.passage.context}\n${all[i - 1] ?? ''}\n${all[i]}`;
      const congress = text.replace(COMMITTEE_OF_CONGRESS, '');
      return keys.every((key) => holds(key.endsWith('代表大会') ? congress : text, key) || (bodyOf.has(key) && holds(text, bodyOf.get(key) ?? '')));
    };
    return Math.max(-1, ...all.map((sentence, i) => (statesAsked(sentence) && named(i) ? cover(sentence) : -1)));
  };
  if (stated(passages[0]) >= 0) return { passages };
  const first = Math.max(0, ...sentences(passages[0]).map(cover));
  const other = passages.findIndex((p, i) => i > 0 && stated(p) >= first);
  if (other > 0) return { passages: movedFirst(passages, other) };
  return { passages, unstated: true };
}
