/**
 * A yes-or-no question of permission (组成人员可以兼任政府职务吗, 主任能不能兼任法院院长) asks whether
 * one act is allowed: the rule that answers it is the article where that act is ruled on (不得担任…
 * 的职务), not one that shares only the subject (表决时，组成人员可以表示赞成) or one that names the
 * object for another act (提出对…人民法院院长的罢免案). Offices paste the quote into reports, so an
 * article on another act is worse than 没有找到.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import type { TaggedWord } from '../search/word-segmenter.ts';
import { comparableParts, comparableText, coverage, questionTerms } from '../ranking/question-terms.ts';
import type { ScoredPassage } from '../types.ts';
import { isContent, taggedQuestion } from './question-focus.ts';

/** What a permission question asks: the act, who would do it, and the rest of what is done. */
export interface AskedAct {
  /** The act (兼任 in its canonical spelling 担任, 列席, 申辩): a verb of two or more characters. */
  readonly verb: string;
  /** Content words before the modal (人大常委会, 组成人员): who would act. */
  readonly subject: readonly string[];
  /** Content words after the verb (政府, 职务): what the act is done to. */
  readonly object: readonly string[];
}

// Words that ask whether something may be done; 能 and 可以 also as the first half of 能不能, 可以不可以.
const MODAL = /^(?:可以|能|能够|能否|可否|能不能|可不可以|允许|准许)$/u;
// The modal alone does not make a yes-or-no question: 吗 after it, 能不能, 能否, or 是否 before it.
const ASKS_WHETHER = /^(?:能否|可否|能不能|可不可以)$/u;
const CLOSES = /^[吗么]$/u;
const NEGATED = /^不(?:能|可以|能够)$/u;
const ENDS_CLAUSE = /^[？?，,。！!；;]$/u;
const VERB = /^v/;
// Verbs that link rather than act (能不能作为…的议题, 可以算是…吗): the question is about what they link,
// which the rule may name without them (（五）人民来信来访集中反映的问题 among the topics listed).
const LINKING_VERB = /^(?:作为|成为|属于|算是|算作|视为|当作|当成|进行|开展|是|有|做)$/u;
// Verbs of phase that take the act as their object (还能继续履职吗, 能不能开始调研): the act is the
// verb after them; read as the act, 继续 is looked for in rules that never say it (停止…的介绍).
const PHASE_VERB = /^(?:继续|接着|开始|着手)$/u;
// Asking words of other kinds of question (who, how many, what, how).
const ASKS_OTHER = /[谁几哪]|多长|多久|多少|多大|怎|什么|如何|为何/u;

/** The act a permission question asks about, or undefined when it asks none (or another kind of question). */
export function askedAct(question: string, canonicalizer: Canonicalizer = defaultEquivalences()): AskedAct | undefined {
  const words = taggedQuestion(question, canonicalizer);
  // The clauses of the question; the permission clause is the one holding the modal.
  const clauses: TaggedWord[][] = [[]];
  for (const word of words) {
    if (ENDS_CLAUSE.test(word.word)) clauses.push([]);
    else clauses[clauses.length - 1].push(word);
  }
  for (const clause of clauses) {
    const at = clause.findIndex(({ word }) => MODAL.test(word));
    if (at < 0) continue;
    const after = clause.slice(at + 1);
    const whether = ASKS_WHETHER.test(clause[at].word) || NEGATED.test(after[0]?.word ?? '') || clause[at - 1]?.word === '是否'
      || after.some(({ word }) => CLOSES.test(word));
    // 谁可以提议案, 可以提前几天: another kind of question, which the other checks read.
    const other = clause.some(({ word }) => ASKS_OTHER.test(word));
    if (!whether || other) continue;
    const rest = after.filter((word) => isContent(word) && !NEGATED.test(word.word));
    const verbs = rest.flatMap(({ tag }, i) => (VERB.test(tag) ? [i] : []));
    const verbAt = PHASE_VERB.test(rest[verbs[0]]?.word ?? '') && verbs.length > 1 ? verbs[1] : (verbs[0] ?? -1);
    if (verbAt < 0 || LINKING_VERB.test(rest[verbAt].word)) return undefined;
    return {
      verb: rest[verbAt].word,
      subject: clause.slice(0, at).filter(isContent).map(({ word }) => word),
      object: rest.slice(verbAt + 1).map(({ word }) => word),
    };
  }
  return undefined;
}

/** The passages to answer a permission question from, or that none may be quoted. */
export interface ActQuote {
  readonly passages: readonly ScoredPassage[];
  /** Set when the passage that would be quoted is about another act and none found is about this one. */
  readonly unsupported?: boolean;
}

// Sentences of a passage (a rule's clauses end at ；): the act and who does it stand within one.
const SENTENCE = /[^。；;！？\n]+/gu;

/**
 * Whether a (canonical) sentence names a word: the word itself, or at least half of its character
 * pairs (人大常委会 in 常委会的组成人员, where the article leaves the level unsaid).
 */
function names(sentence: string, word: string): boolean {
  if (sentence.includes(word)) return true;
  const pairs = [...word].slice(1).map((c, i) => word[i] + c);
  return pairs.length > 1 && pairs.filter((pair) => sentence.includes(pair)).length * 2 >= pairs.length;
}

/**
 * For a permission question: the passages unchanged when the first has a sentence holding the act
 * and who would act (or, when the library never words the act so, holds some of what it is done
 * to); else the first other passage with such a sentence, moved to the front; else `unsupported`.
 * `inLibrary` tells whether the index holds a word at all: an act the documents never name (过问
 * where they say 干预) cannot be looked for, only what it is done to (案件).
 */
export function actQuote(
  question: string, passages: readonly ScoredPassage[], inLibrary: (word: string) => boolean,
  canonicalizer: Canonicalizer = defaultEquivalences(),
): ActQuote {
  const act = askedAct(question, canonicalizer);
  if (!act || !passages.length) return { passages };
  const parts = (p: ScoredPassage) => comparableParts(p.passage, canonicalizer);
  if (!inLibrary(act.verb)) {
    const held = act.object.length === 0 || act.object.some((word) => parts(passages[0]).all.includes(word));
    return held ? { passages } : { passages, unsupported: true };
  }
  // Who acts, or (a question naming nobody: 能不能兼任…) what the act is done to.
  const others = act.subject.length ? act.subject : act.object;
  // The doer may be the article's own subject, named in its first sentence (常务委员会组成人员在全体会议上
  // 的发言…。…经会议主持人同意的，可以延长发言时间).
  const about = (p: ScoredPassage): boolean => {
    const sentences = parts(p).body.match(SENTENCE) ?? [];
    const topic = act.subject.length > 0 && sentences.length > 1 && act.subject.some((word) => names(sentences[0] ?? '', word));
    return sentences.some((sentence) => sentence.includes(act.verb) && (others.length === 0 || topic || others.some((word) => names(sentence, word))));
  };
  const at = passages.findIndex(about);
  if (at === 0) return { passages };
  // A deeper passage is moved first only when it holds more than half as much of the question as
  // the first: one naming the act and a doer in passing (为代表依法履职提供…条件, for 常委会还能继续
  // 履职吗) while the first holds the rest of the question (任期, 选出) is about something else.
  const words = questionTerms(question, canonicalizer).words;
  const share = (p: ScoredPassage) => coverage(words, comparableText(p.passage, canonicalizer));
  if (at > 0 && 2 * share(passages[at]) > share(passages[0])) return { passages: [passages[at], ...passages.filter((_, i) => i !== at)] };
  return { passages, unsupported: true };
}
