/**
 * The focus of a question: the word the asking word is about. In 区人大代表任期几年 it is 任期,
 * in 代表视察需要持什么证件 证件, in 代表证丢了怎么补办 补办. Circumstance words around it (区,
 * 代表, 视察) are what every on-topic question shares; the focus is what the documents must hold
 * for an answer to exist. A focus word that no passage of the library holds at all is the
 * plainest sign of an unanswerable question, in a library of four documents as in one of forty.
 * The question is read with jieba, two-character words it does not know (茶歇, 委室) put back.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import { type TaggedWord, wordSegmenter } from '../search/word-segmenter.ts';
import { isAskingWord } from '../search/stopwords.ts';
import { asksCeiling } from './upper-limit.ts';

// Asking words whose focus is the content word before them: 任期几年, 工资是多少, 开放时间是几点.
const ASKS_BACKWARD = /^(?:几.*|多少.*|多久|多长.*|多大|何时|哪里|什么时候)$/u;
// Asking words whose focus is the content word after them: 什么证件, 哪些权利, 怎么补办.
const ASKS_FORWARD = /^(?:什么|哪些|哪个|哪种|哪类|哪几.*|怎么|怎样|如何|多少)$/u;
const NOUN = /^(?:n|vn|j)/;
// An asking word ending in a measure word for things counted one by one (几个, 几名, 多少件).
const COUNTED = /^(?:几|多少)[个名位项件次家所条辆台张本]$/u;
// Asking who does something to a thing written before it (经费由谁来保障, 档案由谁管).
const ASKS_WHO = /^由谁来?$/u;
// Asking how something is done, and the verb (or verbal noun) of the doing.
const HOW = /^(?:怎么|怎样|如何)$/u;
const VERB_TAG = /^(?:v|n$)/;
// How many verbs may stand between the thing and 怎么 (工会|换届|怎么组织).
const THING_VERBS = 1;
// After an asking word: the end of the question or of a clause (？，。 or a closing particle).
const ENDS_CLAUSE = (next: TaggedWord | undefined): boolean => !next || /^[？?，,。！!；;呢啊呀吧]$/u.test(next.word);
// A one-character verb (发, 定, 算, 办): what is done, not what is asked about.
const BARE_VERB = (next: TaggedWord | undefined): boolean => !!next && /^\p{Script=Han}$/u.test(next.word) && /^v/.test(next.tag);
// Words that sit between the focus and the asking word without changing it.
// After 什么: the kind of answer asked for (什么时候, 什么地方), not what the question is about.
const ASKED_KIND = /^(?:时候|时间|日子|日期|地方|地点)$/u;
const LINKING = new Set(['是', '为', '有', '要', '需要', '应', '应当', '应该', '可以', '能', '得', '的', '持', '用', '交', '由', '来', '去', '都', '一般', '一共', '共', '大概', '最多', '最少', '至少']);
// Nouns naming a procedure, and the verbs that go through one (走程序, 办理手续).
const PROCEDURE = /^(?:程序|手续|流程)$/u;
const PROCEDURE_VERBS = new Set(['走', '办', '办理', '履行', '经过']);
// Asking whether a thing exists or is provided: 有没有食堂, 有无徽章, 是否|有补贴, 有|食堂|吗.
const ASKS_EXISTS = /^(?:有没有|有无)$/u;
const CLOSES_QUESTION = /^[吗么]$/u;
// Asking whether a thing may be done (能不能带秘书, 可以…吗, 能否): the thing done is asked to be
// provided for, as a thing is asked to exist; the documents name it if they allow or forbid it.
const ASKS_ALLOWED = /^(?:能否|可否|可不可以)$/u;
const MAY = /^(?:能|可以|能够)$/u;
const A_NOT_A = /^(.+)不\1$/u;
// Parts of speech a focus can have: nouns, verbs, adjectives, abbreviations, unknown runs.
const CONTENT_TAG = /^(?:n|v|a|j|l|i)/;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/** Whether a tagged word can be a focus: a content word of two or more Han characters. */
export function isContent({ word, tag }: TaggedWord): boolean {
  return HAN_WORD.test(word) && CONTENT_TAG.test(tag) && !isAskingWord(word) && !LINKING.has(word);
}

/** The focus words of a (segmented, canonical) question; empty when it has no asking word. */
export function focusWords(words: readonly TaggedWord[]): string[] {
  const out = new Set<string>();
  const step = (from: number, direction: 1 | -1, nounOnly = false): boolean => {
    for (let i = from + direction; i >= 0 && i < words.length; i += direction) {
      if (isContent(words[i])) {
        if (nounOnly && !NOUN.test(words[i].tag)) return false;
        out.add(words[i].word);
        return true;
      }
      if (!LINKING.has(words[i].word)) return false;
    }
    return false;
  };
  // The noun a how-question handles: the nearest before the asking word, past the verbs that
  // say what happens to it (党支部|换届|怎么操作, 资格|怎么处理), within the clause.
  const thingBefore = (at: number): void => {
    for (let i = at - 1, verbs = 0; i >= 0 && verbs <= THING_VERBS; i--) {
      if (isContent(words[i]) && NOUN.test(words[i].tag)) { out.add(words[i].word); return; }
      if (/^v/.test(words[i].tag)) verbs++;
      else if (!LINKING.has(words[i].word)) return;
    }
  };
  // The act a procedure is of: the nearest verb before the asking word, past 要走, 需要办理.
  const actBefore = (at: number): void => {
    for (let i = at - 1; i >= 0; i--) {
      if (isContent(words[i]) && !PROCEDURE_VERBS.has(words[i].word)) {
        if (/^v$/.test(words[i].tag)) out.add(words[i].word);
        return;
      }
      if (!LINKING.has(words[i].word) && !PROCEDURE_VERBS.has(words[i].word)) return;
    }
  };
  words.forEach(({ word }, i) => {
    // 几个票箱, 多少个委室: the noun a counted measure word is followed by is what is counted;
    // 任期几年, 要几个人 (no noun after it) ask about the word before.
    if (ASKS_BACKWARD.test(word) && !(COUNTED.test(word) && step(i, 1, true))) step(i, -1);
    // 什么证件 asks forward; 宣传标语有哪些, 依据是什么 end the clause and ask about the word before.
    // The thing such a question asks about is a noun (做些什么 asks about no thing).
    // So does 工资怎么发, 代理区长是怎么定的: a one-character verb after the asking word says what
    // is done with the noun before it.
    if (ASKS_FORWARD.test(word) && !step(i, 1) && (ENDS_CLAUSE(words[i + 1]) || BARE_VERB(words[i + 1]))) step(i, -1, true);
    // 医疗保险怎么办理, 履职档案如何建立: how a thing is handled asks about the thing as much as
    // the handling, and the handling verb (办理, 建立, 组织) fits any thing.
    else if (HOW.test(word) && VERB_TAG.test(words[i + 1]?.tag ?? '')) thingBefore(i);
    // 工作经费由谁来保障, 补贴由谁发: who handles a thing asks about the thing as much as the
    // doer; a rule naming someone who handles something else (联系点 without 经费) does not answer it.
    // Only a noun right before 由谁: in 人代会开会由谁主持 the 开会 is the act, not a thing handled.
    if (ASKS_WHO.test(word)) step(i, -1, true);
    else if (word === '谁' && words[i - 1]?.word === '由') step(i - 1, -1, true);
    // 辞职要走什么程序, 请假走什么手续: a procedure is asked for as the procedure of an act.
    if (ASKS_FORWARD.test(word) && PROCEDURE.test(words[i + 1]?.word ?? '')) actBefore(i);
  });
  return [...out];
}

/** A thing a question asks the existence of: the head word, and the words before it naming its kind. */
export interface AskedThing {
  /** 食堂 in 有没有食堂, 补贴 in 有没有住房公积金补贴, 投票 in 有没有无记名投票. */
  readonly head: string;
  /** 住房 and 公积金 in 住房公积金补贴, 无记名 in 无记名投票; not the verbs of a clause (发放 in 统一发放的徽章). */
  readonly kind: readonly string[];
  /** Asked whether an act is allowed (能不能带秘书随行): kind holds the act's other words. */
  readonly allowed?: boolean;
}

// Verbs (not verbal nouns): what is done with a thing, not which kind it is.
const BARE_VERB_TAG = /^v(?!n)/;
const SINGLE_NOUN = /^\p{Script=Han}$/u;

/**
 * The things a question asks the existence of (食堂 in 区人大常委会有没有食堂, 是否有食堂 or 有食堂吗;
 * 徽章 in 有无统一发放的徽章): the last content word before the clause ends, with the words before it.
 * Unlike a focus, such a thing is often worded otherwise by the documents (补助 where they say 补贴,
 * 例外 where they say 除外, 投票 where they say 表决): the caller decides how it counts.
 */
export function existenceThings(words: readonly TaggedWord[]): AskedThing[] {
  const closedByQuestion = (from: number): boolean => {
    for (let j = from + 1; j < words.length && !ENDS_CLAUSE(words[j]); j++) if (CLOSES_QUESTION.test(words[j].word)) return true;
    return false;
  };
  const asksExistence = (i: number): boolean => ASKS_EXISTS.test(words[i].word) || ASKS_ALLOWED.test(words[i].word)
    || (words[i].word === '有' && (words[i - 1]?.word === '是否' || closedByQuestion(i)))
    || (MAY.test(words[i].word) && (words[i - 1]?.word === '是否' || A_NOT_A.test(words[i].word + (words[i + 1]?.word ?? '')) || closedByQuestion(i)))
    // 时能|不能: jieba joined the first half of 能不能 to the word before it.
    || (words[i].word === '不能' && /能$/u.test(words[i - 1]?.word ?? '') && words[i - 1].word !== '能');
  const out: AskedThing[] = [];
  words.forEach((_, at) => {
    if (!asksExistence(at)) return;
    const phrase: TaggedWord[] = [];
    for (let i = at + 1; i < words.length && !ENDS_CLAUSE(words[i]) && !CLOSES_QUESTION.test(words[i].word); i++) {
      // A ceiling asked for (有没有上限) is left to upper-limit.ts.
      if (isContent(words[i]) && !asksCeiling(words[i].word)) phrase.push(words[i]);
      // A one-character noun the segmenter split off names what the word before it is (视察|证, 会议|室).
      else if (SINGLE_NOUN.test(words[i].word) && NOUN.test(words[i].tag) && phrase.at(-1) === words[i - 1]) {
        phrase.push({ word: phrase.pop()!.word + words[i].word, tag: 'n' });
      }
    }
    if (ASKS_ALLOWED.test(words[at].word) || MAY.test(words[at].word) || words[at].word === '不能') {
      // What may be done is an act: the thing it involves is its last noun (秘书 in 带秘书随行).
      const noun = phrase.findLastIndex(({ tag }) => NOUN.test(tag));
      if (noun >= 0) out.push({ head: phrase[noun].word, kind: phrase.filter((_, i) => i !== noun).map(({ word }) => word), allowed: true });
      return;
    }
    const head = phrase.pop();
    if (head) out.push({ head: head.word, kind: phrase.filter(({ tag }) => !BARE_VERB_TAG.test(tag)).map(({ word }) => word) });
  });
  // 出差补助怎么算, 工资怎么发: how a thing is reckoned asks about the thing right before the asking
  // word, with the words right before it naming its kind (出差 of 出差补助).
  words.forEach(({ word }, at) => {
    if (!HOW.test(word) || !BARE_VERB(words[at + 1])) return;
    const phrase: TaggedWord[] = [];
    for (let i = at - 1; i >= 0 && isContent(words[i]); i--) phrase.unshift(words[i]);
    const head = phrase.pop();
    if (head) out.push({ head: head.word, kind: phrase.filter(({ tag }) => !BARE_VERB_TAG.test(tag)).map(({ word }) => word) });
  });
  return out;
}

/**
 * The nouns a question counts (票箱 in 投票站要准备几个票箱, 委室 in 有多少个委室): an answer states
 * a count of them, not the thing alone.
 */
export function countedNouns(words: readonly TaggedWord[]): string[] {
  return words.flatMap(({ word }, i) => {
    const next = words[i + 1];
    return COUNTED.test(word) && next && isContent(next) && NOUN.test(next.tag) ? [next.word] : [];
  });
}

/**
 * The focus words with the nouns that name which of its kind is meant: 奖励 in 招商引资的奖励政策是什么,
 * 履职 in 履职档案 — a noun right before a noun focus. 政策 alone is in every work report; the
 * documents answer only if they hold the kind asked about.
 */
export function focusPhrase(words: readonly TaggedWord[]): string[] {
  const focus = focusWords(words);
  const out = new Set(focus);
  words.forEach((word, i) => {
    const before = words[i - 1];
    if (focus.includes(word.word) && NOUN.test(word.tag) && before && isContent(before) && NOUN.test(before.tag)) out.add(before.word);
  });
  return [...out];
}

// Characters that never start or end an unknown content word: particles, modal and
// direction verbs, measure words (能讲, 得开, 来后 are jieba's guesses, not words).
const FUNCTION_CHARS = new Set('的了吗呢吧啊呀么是在和与及或就都也还这那我你他她它谁几哪有要由来去到把被对给让用能会得过后里内前完上下中多少最刚再又才个位名项件次辆些'.split(''));
const LOOSE_TAG = /^(?:n|v|zg)$/;
const HAN_PAIR = /^\p{Script=Han}{2}$/u;

/**
 * The question segmented and tagged, with two-character words jieba does not know joined or
 * kept: 茶/n 歇/v → 茶歇, 个委室/x → 委室. Only pairs of content characters count; jieba's other
 * guesses (能讲, 得开) hold a function character and are dropped.
 */
export function taggedQuestion(question: string, canonicalizer: Canonicalizer = defaultEquivalences()): TaggedWord[] {
  // One answer runs a dozen quote checks over the same question (and the same sentences): each
  // text is segmented once per canonicalizer, the last TAGGED_KEPT texts kept (frozen: shared).
  let kept = taggedKept.get(canonicalizer);
  if (!kept) taggedKept.set(canonicalizer, kept = new Map());
  const known = kept.get(question);
  if (known) return known;
  if (kept.size >= TAGGED_KEPT) kept.clear();
  const out = Object.freeze(taggedOf(question, canonicalizer)) as TaggedWord[];
  kept.set(question, out);
  return out;
}

/** Texts whose tagging `taggedQuestion` keeps, per canonicalizer. */
const TAGGED_KEPT = 512;
const taggedKept = new WeakMap<Canonicalizer, Map<string, TaggedWord[]>>();

function taggedOf(question: string, canonicalizer: Canonicalizer): TaggedWord[] {
  const tagged = wordSegmenter().tag(canonicalizer.apply(question));
  const out: TaggedWord[] = [];
  const content = (word: string): boolean => HAN_PAIR.test(word) && ![...word].some((c) => FUNCTION_CHARS.has(c));
  const single = (t: TaggedWord | undefined): boolean => !!t && t.word.length === 1 && LOOSE_TAG.test(t.tag);
  for (let i = 0; i < tagged.length; i++) {
    const { word, tag } = tagged[i];
    const next = tagged[i + 1];
    // An isolated pair of single characters (not part of a longer run of singles).
    if (single(tagged[i]) && single(next) && !single(tagged[i - 1]) && !single(tagged[i + 2]) && content(word + next.word)) {
      out.push({ word: word + next.word, tag: 'nx' });
      i++;
      continue;
    }
    // 什么|时候, 什么|地方: one asking word (as 什么时候 whole), the time or place asked for, not a thing to name.
    if (word === '什么' && ASKED_KIND.test(next?.word ?? '')) {
      out.push({ word: word + next.word, tag: 'r' });
      i++;
      continue;
    }
    if (tag === 'x') {
      const bare = word.replace(/^[个位名项件次辆]/u, '');
      const last = out[out.length - 1];
      // 多少|个委室: the measure word goes back to the asking word (多少个), which counts 委室.
      if (content(bare) && bare !== word && last && /^(?:几|多少)$/u.test(last.word)) out[out.length - 1] = { ...last, word: last.word + word[0] };
      // Punctuation stays: it separates the focus from a word across a comma.
      out.push(content(bare) ? { word: bare, tag: 'nx' } : tagged[i]);
      continue;
    }
    // 人大代表的体检怎么安排: a verb right after 的 heads a noun phrase, a verbal noun (体检, 换届).
    out.push(tagged[i - 1]?.word === '的' && /^v$/.test(tag) && HAN_WORD.test(word) ? { word, tag: 'vn' } : tagged[i]);
  }
  return out;
}
