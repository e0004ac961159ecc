/**
 * A yes-or-no question of permission (组成人员可以兼任政府职务吗, 主任能不能兼任法院院长) asks whether
 * one act is allowed: the rule that answers it is the article where that act is ruled on (不得担任…
 * 的职务), not one that shares only the subject (表决时，组成人员可以表示赞成) or one that names the
 * object for another act (提出对…人民法院院长的罢免案). Offices paste the quote into reports, so an
 * article on another act is worse than 没有找到. A question whether an act must be done (视察报告…要不要
 * 印发给全体代表) is read the same way, more strictly: the article must name that act for that thing.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import type { TaggedWord } from '../search/word-segmenter.ts';
import { comparableParts, comparableText, coverage, questionTerms } from '../ranking/question-terms.ts';
import type { ScoredPassage } from '../types.ts';
import { isContent, taggedQuestion } from './question-focus.ts';

/** How far after the act its object is read, in characters, within its clause (担任代表职务的时候; 担任两个以上…的人民代表大会代表). */
const OWN_OFFICE_REACH = 24;

/** What a permission question asks: the act, who would do it, and the rest of what is done. */
export interface AskedAct {
  /** The act (兼任 in its canonical spelling 担任, 列席, 申辩): a verb of two or more characters. */
  readonly verb: string;
  /** Content words before the modal (人大常委会, 组成人员): who would act. */
  readonly subject: readonly string[];
  /** Content words after the verb (政府, 职务): what the act is done to. */
  readonly object: readonly string[];
  /** Set when the question asks whether the act must be done (要不要印发, 需不需要请假), not whether it may. */
  readonly must?: boolean;
  /** For a must-question, the verbs after the act that may carry it instead (配合提供材料: 提供). */
  readonly then?: readonly string[];
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
// Verbs of phase that take the act as their object (还能继续履职吗, 能不能开始调研), and of going along
// (能跟着常委会去搞执法检查吗): the act is the verb after them; read as the act, 继续 or 跟着 is looked
// for in rules that never say it (停止…的介绍, 应邀参加…组织的执法检查).
const PHASE_VERB = /^(?:继续|接着|开始|着手|跟着|跟随|随同)$/u;
// Words that ask whether something must be done: 需不需要, 该不该 as one word; 要 before 不要 (要不要);
// 需要, 应当, 必须 after 是否.
const MUST = /^(?:需不需要|该不该|应不应该|应不应当|用不用|必不必须)$/u;
const MUST_AFTER_WHETHER = /^(?:需要|要|应当|应该|必须)$/u;
// Verbs saying how or when the act is done (同时抄送, 提前公开), not the act.
const MANNER_VERB = /^(?:提前|同时|及时|另行|立即|一并|先行|事先|单独)$/u;
const PREPOSITION = /^p/;
const CIRCUMSTANCE = /^(?:时候|时|之前|以前|以后|之后|期间)$/u;
const NOUN = /^(?:n|j)/;
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
  for (const [index, clause] of clauses.entries()) {
    const must = mustAct(clause, clauses[index - 1] ?? []);
    if (must) return must;
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
    // With no verb after the phase verb (跟着常委会去搞执法检查), the act is the thing done: the clause's last word.
    const phase = PHASE_VERB.test(rest[verbs[0]]?.word ?? '');
    const verbAt = phase ? (verbs[1] ?? Math.max(verbs[0], rest.length - 1)) : (verbs[0] ?? -1);
    if (verbAt < 0 || LINKING_VERB.test(rest[verbAt].word)) return undefined;
    return {
      verb: rest[verbAt].word,
      subject: clause.slice(0, at).filter(isContent).map(({ word }) => word),
      object: rest.slice(verbAt + 1).map(({ word }) => word),
    };
  }
  return undefined;
}

/**
 * The act a must-question asks about (视察报告…，要不要印发给全体区人大代表): the first verb after the
 * modal past the ones of manner (同时抄送), else the first content word outside a prepositional phrase
 * (印发, tagged a noun; 向人代会报告 → 报告). Who acts or what is acted on is the clause's own words
 * before the modal, else the topic the clause before it opens with (视察报告, 审议意见书).
 */
function mustAct(clause: readonly TaggedWord[], previous: readonly TaggedWord[]): AskedAct | undefined {
  let at = clause.findIndex(({ word }, i) => MUST.test(word) || (word === '要' && clause[i + 1]?.word === '不要')
    || (MUST_AFTER_WHETHER.test(word) && clause[i - 1]?.word === '是否'));
  if (at < 0 || clause.some(({ word }) => ASKS_OTHER.test(word))) return undefined;
  if (clause[at].word === '要' && clause[at + 1]?.word === '不要') at++;
  const after = clause.slice(at + 1);
  const free = after.filter((word, i) => isContent(word) && !MANNER_VERB.test(word.word) && !PREPOSITION.test(after[i - 1]?.tag ?? ''));
  const verbAt = Math.max(0, free.findIndex(({ tag }) => VERB.test(tag)));
  const verb = free[verbAt];
  if (!verb || LINKING_VERB.test(verb.word)) return undefined;
  // 投票的时候要不要设…: the time is a circumstance, not who acts.
  const when = clause.slice(0, at).findLastIndex(({ word }) => CIRCUMSTANCE.test(word));
  const own = clause.slice(when + 1, at).filter((word) => isContent(word) && word.word !== '是否');
  const opens = previous.findIndex((word) => isContent(word) && NOUN.test(word.tag));
  let topic = opens > 0 && isContent(previous[opens - 1]) && VERB.test(previous[opens - 1].tag) ? previous[opens - 1].word : '';
  for (let i = opens; i >= 0 && i < previous.length && isContent(previous[i]) && NOUN.test(previous[i].tag); i++) topic += previous[i].word;
  return {
    verb: verb.word,
    subject: own.length ? own.map(({ word }) => word) : topic ? [topic] : [],
    object: after.slice(after.indexOf(verb) + 1).filter(isContent).map(({ word }) => word),
    must: true,
    then: after.slice(after.indexOf(verb) + 1).filter((word) => isContent(word) && VERB.test(word.tag)).map(({ word }) => word),
  };
}

// Words too general to tell one doer or thing from another (别的单位, 有关机关, 履职情况).
const GENERAL = /^(?:单位|有关|机关|部门|人员|情况|工作|问题|事项|方面|别的|其他|全体)$/u;

/**
 * Whether a (canonical) sentence rules on the act a must-question asks about: it names the act (or a
 * verb after it: 配合提供材料), half of who or what is acted on (视察报告, not another 报告), and most of
 * what the act reaches when the question says it (安排公民旁听; 写明辞职理由, not 写明罢免理由).
 */
function mustRuled(act: AskedAct, sentence: string, lead: string): boolean {
  if (![act.verb, ...(act.then ?? [])].some((verb) => sentence.includes(verb))) return false;
  const doers = act.subject.filter((word) => !GENERAL.test(word));
  const reached = act.object.filter((word) => !GENERAL.test(word));
  // Who acts may be the article's own subject, named in its first sentence (常务委员会组成人员应当出席会议。…书面请假).
  const named = doers.filter((word) => names(sentence, word) || names(lead, word)).length;
  return 2 * named >= doers.length && (doers.length === 0 || named > 0)
    && 2 * reached.filter((word) => names(sentence, word)).length > reached.length - (reached.length ? 0 : 1);
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
  // Whether an act must be done is answered only where the act is named: the library never naming 抄送
  // cannot say whether one must 抄送.
  if (act.must && !inLibrary(act.verb)) return { passages, unsupported: true };
  if (!inLibrary(act.verb)) {
    const held = act.object.length === 0 || act.object.some((word) => parts(passages[0]).all.includes(word));
    return held ? { passages } : { passages, unsupported: true };
  }
  // Who acts, or (a question naming nobody: 能不能兼任…) what the act is done to.
  const others = act.subject.length ? act.subject : act.object;
  // 代表…不能担任代表职务 is about holding the doer's own office, not the other post a question asks
  // of (人大代表能不能兼任区政府的局长): the act's object names the doer, and none of the question's.
  const ownOffice = (sentence: string): boolean => {
    const at = sentence.indexOf(act.verb);
    const done = sentence.slice(at + act.verb.length, at + act.verb.length + OWN_OFFICE_REACH).split(/[，,；;。]/u)[0];
    return act.object.length > 0 && !act.object.some((word) => done.includes(word))
      && act.subject.some((word) => word.length >= 2 && done.includes(word.slice(-2)));
  };
  // The doer may be the article's own subject, named in its first sentence (常务委员会组成人员在全体会议上
  // 的发言…。…经会议主持人同意的，可以延长发言时间).
  const about = (p: ScoredPassage): boolean => {
    const sentences = parts(p).body.match(SENTENCE) ?? [];
    if (act.must) return sentences.some((sentence) => mustRuled(act, sentence, sentences.length > 1 ? sentences[0] ?? '' : ''));
    const topic = act.subject.length > 0 && sentences.length > 1 && act.subject.some((word) => names(sentences[0] ?? '', word));
    return sentences.some((sentence) => sentence.includes(act.verb) && !ownOffice(sentence) && (others.length === 0 || topic || others.some((word) => names(sentence, word))));
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
