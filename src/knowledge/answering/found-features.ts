/**
 * What the found decision reads (found-decision.ts): coverage measures of its own, taken from
 * the question's words and the best passages' text — never the re-ranker's score, whose scale
 * moves whenever a re-ranker feature or weight changes (or a rerank model takes over). The
 * passages' order is the only thing the decision takes from the ranking.
 */
import { answerTypeMatch, expectedAnswerTypes, kindWordAnswered } from '../answer-types.ts';
import { isProcedureQuestion, narrativeForProcedure } from '../ranking/body-cue.ts';
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import { comparableText } from '../ranking/question-terms.ts';
import { isAskingWord } from '../search/stopwords.ts';
import type { ScoredPassage } from '../types.ts';
import { type TaggedWord, wordSegmenter } from '../search/word-segmenter.ts';
import { QUOTED } from './extractive-answerer.ts';
import { countedNouns, existenceThings, focusPhrase, focusWords, taggedQuestion } from './question-focus.ts';
import { levelMismatch } from './question-level.ts';
import { boundaryGuesses } from './boundary-guess.ts';
import { limitUnstated, limitedQuantities } from './upper-limit.ts';

/** Feature names, in the order of the fitted coefficients. */
export const FOUND_FEATURES = [
  'specificCoverage', 'topThreeCoverage', 'nounCoverage', 'rarestMissing', 'absentFromIndex', 'typeUnmet', 'headingCoverage',
  'sentenceCoverage', 'procedureFromRecord', 'request', 'focusAbsent', 'focusMissing', 'typeAbsent', 'specificFocusMissing',
  'countUnstated', 'specificUnquoted', 'limitUnstated', 'levelMismatch',
] as const;

/** What the decision needs from the live index. */
export interface FoundDecisionOptions {
  /** Inverse document frequency of a term in the index (unknown terms the rarest). */
  readonly idf: (term: string) => number;
  /** The idf of a term the index has never seen. */
  readonly maxIdf: () => number;
  /** Passages in the index: absence from a small one says little. */
  readonly passageCount?: () => number;
  readonly canonicalizer?: Canonicalizer;
}

// Parts of speech that carry a topic: nouns, verbs, adjectives, abbreviations, idioms, time words.
/** Organs and their posts by the kind the laws name them by (人民法院, 法官: 审判机关): a post in one is a post in that kind. */
const ORGAN_KINDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/法院|法官|审判员/u, '审判机关'], [/检察院|检察官/u, '检察机关'], [/政府|局长|厅长|部长|[省市县区乡镇]长/u, '行政机关'],
  [/监察委员会|监委|监察官/u, '监察机关'],
];

const TOPIC_TAG = /^(?:n|v|a|j|i|l|t|eng)/;
const NOUN_TAG = /^(?:n|j|vn)/;
// Verbs (not verbal nouns), adjectives and adverbs.
const WORDING_TAG = /^(?:v(?!n)|a|d)/;
/**
 * How much a word the index lacks counts towards declining when it is a verb, adjective or
 * adverb: the documents often say it otherwise (病倒 where they say 因病, 照发 where they say
 * 享受…待遇, 例外 where they say 除外); a noun they lack (食堂, 公积金) is a thing they do not cover.
 */
const ABSENT_WORDING_WEIGHT = 0.6;
// Verbs that only ask (可以, 需要) say nothing about the topic.
const ASKING_VERBS = new Set(['可以', '需要', '应该', '应当', '能够', '必须', '算是', '属于', '进行', '开展', '有关', '规定']);
// A level prefix staff put before a body the documents name without it: 区政府 → 政府.
const LEVEL_PREFIX = /^(?:区|县|市|乡|镇|街道|本级)(?=.{2,})/u;

/**
 * Whether a passage text (canonical) holds a question word, the word without its level prefix,
 * or — for a meeting (人大会议, canonical for 人代会) — its body meeting (人大开会, canonical for
 * 人民代表大会举行会议的时候): the rules say when a body meets, staff name the meeting.
 */
function holds(text: string, word: string): boolean {
  return text.includes(word) || (LEVEL_PREFIX.test(word) && text.includes(word.replace(LEVEL_PREFIX, '')))
    || (MEETING.test(word) && text.includes(word.replace(MEETING, '开会')));
}

// A meeting named by its body: 人大会议, 常委会会议 (two characters or more before 会议).
const MEETING = /(?<=^\p{Script=Han}{2,})会议$/u;

// How far apart the characters of an abbreviation may sit in its full form: 工委 in 工作委员会,
// 人大 in 人民代表大会 (the first characters of the full form's words).
const ABBREVIATION_GAP = 3;

/**
 * Whether a text spells out a short abbreviation: its characters in order within one run of
 * Han characters, each at most ABBREVIATION_GAP after the one before (工委 → 法制工作委员会).
 */
export function spellsOut(text: string, abbreviation: string): boolean {
  const chars = [...abbreviation];
  for (let start = text.indexOf(chars[0]); start >= 0; start = text.indexOf(chars[0], start + 1)) {
    let at = start;
    let ok = true;
    for (const c of chars.slice(1)) {
      const window = text.slice(at + 1, at + 2 + ABBREVIATION_GAP);
      const next = window.search(/[^\p{Script=Han}]/u);
      const i = (next < 0 ? window : window.slice(0, next)).indexOf(c);
      if (i < 0) { ok = false; break; }
      at += 1 + i;
    }
    if (ok) return true;
  }
  return false;
}

/**
 * Whether a compound question word the documents write out in full is there: each two-character
 * part (人大|工委 of 人大工委) is a word the index holds or an abbreviation a passage spells out.
 */
function compoundPresent(word: string, inIndex: (pair: string) => boolean, texts: readonly string[]): boolean {
  // Only words made of two-character parts: a three-character word (安排表) is not an abbreviation.
  if (word.length < 2 || word.length % 2 === 1) return false;
  const parts: string[] = [];
  for (let i = 0; i < word.length; i += 2) parts.push(word.slice(i, i + 2));
  return parts.every((part) => inIndex(part) || texts.some((text) => spellsOut(text, part)));
}

/**
 * Whether a text holds a word differing from `word` in one character only, at its start or its
 * end: compounds with one morpheme swapped often name the same thing (补贴 for 补助, 除外 for 例外,
 * 旅费 for 路费); a character shared elsewhere (总结 for 结业证书) or with a longer word beside it
 * (会议室 for 图书室, 人事任免 for 人事科) does not.
 */
function wordsAlike(word: string, text: string): boolean {
  // A longer word's last character names what it is (会议室, 工作证): 会议上 or 会议期 is no 会议室.
  if (word.length !== 2) return false;
  const [start, end] = [word.slice(0, -1), word.slice(1)];
  return wordSegmenter().cut(text).some((other) => other.length === word.length && (other.startsWith(start) || other.endsWith(end)));
}

/** A one-character verb done with (查完, 审完): the rules name the act alone (调查), so its absence says nothing. */
const FINISHED_VERB = /^\p{Script=Han}完$/u;
/** General-Chinese idf at which a word stops being everyday language (一起 4.9, 突然 5.0; 食堂 8.5). */
const EVERYDAY_IDF = 7;
/**
 * General-Chinese idf from which a thing asked to exist must be named: concrete everyday things
 * (工资 6.4, 网站 6.5) are; the abstract words a rule states otherwise (办法 5.3, 公开 5.6, 限制
 * 5.8) are not. Lowered from EVERYDAY_IDF: no question of the evaluation sets changed.
 */
const EXISTENCE_IDF = 6;
const MAX_GENERAL_IDF = 14;
/**
 * General-Chinese idf from which a question word says what it is about (案件 6.9, 辞职 7.6, 少数民族
 * 6.8; not 代表 5.0, 提出 4.7): a quote that holds none of the question's such words shares only
 * the words every on-topic question has.
 */
const QUOTED_SPECIFIC_IDF = 6.5;

// Requests and small talk addressed to the assistant, not questions about the documents.
const REQUEST = /^(?:请|麻烦)?(?:你)?(?:帮我|给我|替我|帮忙|陪我)|^你(?:叫|是谁|好|几岁|会不会|能不能帮)|讲个笑话|写一首|翻译|天气|下雨|股市|彩票|等于几/;
// A record named in its file name (gov-work-report-2022-national.md, whose text opens with
// 各位代表 and so gives no title of its own): a report, summary, minutes or speech.
const RECORD_FILE = /(?:^|[-_\s])(?:report|summary|minutes|speech)(?:[-_\s.]|$)/i;
// A question that asks what a record says (政府工作报告里怎么稳就业, 总结中提出…) wants the record.
const ASKS_RECORD = /(?:报告|总结|纪要|讲话)(?:里|中|上)|(?:报告|总结|纪要|讲话)(?:提出|提到|要求|部署)/;
// Clauses of a passage, for how much of the question one clause holds.
const CLAUSE = /[^。；！？\n]+/g;

/** A topic word of a question. */
export interface TopicWord {
  readonly word: string;
  /** Its idf in general Chinese, capped: specific words weigh more than everyday ones. */
  readonly weight: number;
  readonly noun: boolean;
  /** A verb, adjective or adverb: how the person says it rather than what they ask about. */
  readonly wording: boolean;
}

// An A-not-A question (能不能, 是不是, 可以不可以), once jieba has split it.
const A_NOT_A = /^(.+)不\1$/u;

/** A question's topic words with their specificity in general Chinese. */
export function topicWords(question: string, canonicalizer: Canonicalizer = defaultEquivalences()): TopicWord[] {
  return topicWordsOf(taggedQuestion(question, canonicalizer));
}

/** Topic words of an already tagged question. */
function topicWordsOf(tagged: readonly TaggedWord[]): TopicWord[] {
  const segmenter = wordSegmenter();
  const seen = new Set<string>();
  const out: TopicWord[] = [];
  tagged.forEach(({ word, tag }, i) => {
    if (word.length < 2 || !TOPIC_TAG.test(tag) || isAskingWord(word) || ASKING_VERBS.has(word)) return;
    // The second half of an A-not-A question jieba splits (能|不能, 是|不是, 可以|不可以) only asks.
    if (A_NOT_A.test((tagged[i - 1]?.word ?? '') + word)) return;
    if (seen.has(word)) return;
    seen.add(word);
    out.push({ word, weight: Math.min(segmenter.generalIdf(word), MAX_GENERAL_IDF), noun: NOUN_TAG.test(tag), wording: WORDING_TAG.test(tag) });
  });
  return out;
}

function weightedShare(
  words: ReadonlyArray<{ word: string; weight: number }>, text: string, has: (text: string, word: string) => boolean = holds,
): number {
  let total = 0;
  let found = 0;
  for (const { word, weight } of words) {
    total += weight;
    if (has(text, word)) found += weight;
  }
  return total > 0 ? found / total : 0;
}

/** The feature vector (FOUND_FEATURES order) of a question against its ranked passages. */
export function foundFeatures(question: string, passages: readonly ScoredPassage[], options: FoundDecisionOptions): number[] {
  const canonicalizer = options.canonicalizer ?? defaultEquivalences();
  const tagged = taggedQuestion(question, canonicalizer);
  const texts = passages.slice(0, 3).map(({ passage }) => comparableText(passage, canonicalizer));
  const maxIdf = options.maxIdf() || 1;
  // A word the index never holds: one of its character pairs occurs in no passage.
  const pairAbsent = (pair: string): boolean => options.idf(pair) >= maxIdf - 1e-9;
  const inIndex = (part: string): boolean => {
    for (let i = 0; i + 1 < part.length; i++) if (pairAbsent(part.slice(i, i + 2))) return false;
    return true;
  };
  // 率定 of 赤字率定的: a mis-cut across words the passages write whole (赤字率) is no topic.
  const guesses = boundaryGuesses(tagged, inIndex, texts);
  // A kept variant (两高) stands beside its canonical form, which the passages are searched for;
  // the abbreviation itself is in no rule and counts neither as held nor as absent.
  const words = topicWordsOf(tagged).filter(({ word }) => !canonicalizer.isKeptVariant(word) && !guesses.has(word));
  const focus = focusWords(tagged).filter((word) => !guesses.has(word));
  const best = texts[0] ?? '';
  const top = passages[0]?.passage;
  // The best passage's headings (document title, chapter, article): a question whose topic
  // names the article's own heading is about it, not about a passing mention.
  const heading = top ? canonicalizer.apply(`${top.title}\n${top.context}\n${top.location}`) : '';
  const types = expectedAnswerTypes(question);
  // A word naming the kind of answer (限时 in 限时多少, 内容 in 哪些内容) is held by a passage
  // stating an answer of that kind, and is no topic the library lacks when one of them does.
  const has = (text: string, word: string): boolean => holds(text, word) || kindWordAnswered(types, word, text);
  const kindAnswered = (word: string): boolean => texts.some((text) => kindWordAnswered(types, word, text));
  // ...unless it is an abbreviation or compound whose parts the documents hold (人大工委).
  const absent = (word: string): boolean => !inIndex(word) && !compoundPresent(word, inIndex, texts) && !kindAnswered(word) && !FINISHED_VERB.test(word);
  const missing = words.filter(({ word }) => !has(best, word));
  // A question with no noun at all (视察要提前几天通知) is judged on its other topic words: read
  // as "no noun covered" it was declined outright, however well the rule answered it.
  const withNouns = words.filter((w) => w.noun);
  const nouns = withNouns.length > 0 ? withNouns : words;
  const figures = types.filter((type) => type.figure);
  // A noun the question is about, specific enough that the documents would name it if they
  // covered it (档案, 工会, 医疗保险; not 事项, 机关, 方面, which they word otherwise), that the
  // quoted passage does not hold, nor spell out (人大工委 in 人大常委会…工作委员会).
  // A figure asked for and stated (多少票数 against 过半数的选民通过) answers the word that names it;
  // a thing counted (几个票箱) must still be named.
  const figureStated = figures.length > 0 && top !== undefined && answerTypeMatch(figures, top.text) > 0;
  const counted = countedNouns(tagged);
  const tagOf = new Map(tagged.map(({ word, tag }) => [word, tag]));
  const specificFocus = focusPhrase(tagged).filter((word) => !guesses.has(word) && NOUN_TAG.test(tagOf.get(word) ?? '')
    && wordSegmenter().generalIdf(word) >= EVERYDAY_IDF && !(figureStated && !counted.includes(word)));
  const holdsWord = (text: string, word: string): boolean => has(text, word) || compoundPresent(word, (part) => text.includes(part), [text]);
  const quoted = (word: string): boolean => holdsWord(best, word);
  // A specific thing asked to exist (食堂 in 有没有食堂) that the quote does not name is not
  // answered by it, wherever else the library names it (会议室 in the minutes' 地点 line, while the
  // quote is an article on reports); unless a passage an answer may quote words it otherwise (例外
  // where it says 除外).
  const unnamed = (word: string): boolean => wordSegmenter().generalIdf(word) >= EXISTENCE_IDF
    && !quoted(word) && !texts.slice(0, QUOTED).some((text) => wordsAlike(word, text));
  // A kind the library never names (公积金 of 住房公积金补贴) is a thing it does not cover; a head it
  // lacks whose kind the quote names (无记名 of 无记名投票, where the rule says 无记名…表决) is worded otherwise.
  // An act asked to be allowed (能不能带秘书随行) is not answered by a quote that names neither the
  // thing it involves (秘书; 弃权 of 弃权票) nor any specific word of the act (追究 of 被追究法律责任).
  // A post in an organ (法院院长) is named by the kind of organ the law rules on (审判机关的职务).
  const actUnnamed = (head: string, act: readonly string[]): boolean => wordSegmenter().generalIdf(head) >= EXISTENCE_IDF && !quoted(head) && !(head.length === 3 && quoted(head.slice(0, 2)))
    && !act.some((word) => wordSegmenter().generalIdf(word) >= EVERYDAY_IDF && quoted(word))
    && !ORGAN_KINDS.some(([organ, kind]) => organ.test(head) && quoted(kind));
  const thingAbsent = existenceThings(tagged).some(({ head, kind, allowed }) => (allowed ? actUnnamed(head, kind)
    : kind.some(unnamed) || (unnamed(head) && !kind.some(quoted))));
  const specific = words.filter((w) => w.weight >= QUOTED_SPECIFIC_IDF);
  const limited = limitedQuantities(tagged);
  const total = words.reduce((sum, w) => sum + w.weight, 0);
  let sentence = 0;
  for (const clause of best.match(CLAUSE) ?? []) sentence = Math.max(sentence, weightedShare(words, clause, has));
  const title = top?.title ?? '';
  const procedure = isProcedureQuestion(question) && !ASKS_RECORD.test(question);
  const record = narrativeForProcedure(procedure, title) === 1 || (procedure && RECORD_FILE.test(`${title} ${top?.doc ?? ''}`));
  return [
    weightedShare(words, best, has),
    weightedShare(words, texts.join('\n'), has),
    nouns.length ? nouns.filter(({ word }) => has(best, word)).length / nouns.length : 0,
    missing.length ? Math.max(0, ...missing.map((w) => w.weight - EVERYDAY_IDF)) / (MAX_GENERAL_IDF - EVERYDAY_IDF) : 0,
    total > 0 ? words.filter(({ word }) => absent(word))
      .reduce((sum, w) => sum + w.weight * (w.wording ? ABSENT_WORDING_WEIGHT : 1), 0) / total : 1,
    types.length && passages[0] ? 1 - answerTypeMatch(types, passages[0].passage.text) : 0,
    weightedShare(words, heading),
    sentence,
    record ? 1 : 0,
    REQUEST.test(question.trim()) ? 1 : 0,
    focus.some(absent) || thingAbsent ? 1 : 0,
    focus.some((word) => !has(best, word)) ? 1 : 0,
    figures.length && !passages.slice(0, 5).some(({ passage }) => answerTypeMatch(figures, passage.text) > 0) ? 1 : 0,
    specificFocus.some((word) => !quoted(word)) ? 1 : 0,
    // 每个选区要设几个投票站 against 设立投票站: the thing counted is there, no count of it is (in
    // either passage an answer may quote).
    counted.length && figures.length && !passages.slice(0, QUOTED).some(({ passage }) => answerTypeMatch(figures, passage.text) > 0) ? 1 : 0,
    // 代表辞职向谁提出 against 代表…可以向…提出意见: the quote shares only the everyday words.
    specific.length && !specific.some(({ word }) => quoted(word)) ? 1 : 0,
    // 年龄有上限吗 against 发言…不超过十分钟 (in either passage an answer may quote).
    limited && texts.length && texts.slice(0, QUOTED).every((text, i) => limitUnstated(limited, passages[i].passage.text, (word) => holdsWord(text, word))) ? 1 : 0,
    top && levelMismatch(question, top) ? 1 : 0,
  ];
}

