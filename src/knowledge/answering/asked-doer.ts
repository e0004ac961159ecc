/**
 * A who-question (会议纪要由谁签发, 这篇讲话是谁讲的) asks for the one who does a deed. A quote that
 * does not say who does it answers nothing, however well its other words match: the minutes' line
 * 地点：区人大常委会第一会议室 for 签发 (a word no document holds), a speech's first paragraph that
 * names no speaker. The quote must hold, in one sentence, the asked verb (or a word the library
 * uses for it: 制发 for 颁发) with a doer named before it (由主任召集, 主任会议每年…确定, 主持：常务委员会
 * 主任), and about the body the question asks of (全国人大会议, not 常委会会议); otherwise the answer
 * is 没有找到, with the reason.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import { aboutBody, askedBody, askedThingPhrase } from '../ranking/body-cue.ts';
import { comparableParts } from '../ranking/question-terms.ts';
import { questionActor } from '../ranking/verb-object.ts';
import type { ScoredPassage } from '../types.ts';
import { taggedQuestion } from './question-focus.ts';

/** What a who-question asks: the verbs of the deed and the clauses that state its doer. */
export interface AskedDoer {
  /** The deed's verbs (签署 and 公布 of 由谁签署公布), canonical; any one with its doer answers. */
  readonly verbs: readonly string[];
  /** A clause stating the doer of one of the verbs in a form the re-ranker reads (由…V, a body before V). */
  readonly pattern: RegExp;
  /** A sentence naming some doer before one of the verbs (or its first character: 报 for 报告), in any form. */
  readonly named: RegExp;
}

// The asking word: 谁 (由谁, 是谁, 向谁), or a body asked for by its kind (由哪个机关).
const ASKS_WHO = /^(?:谁|哪个|哪一个|哪些|什么)$/u;
// Words between the asking word and the verb: 由谁来召集, 谁负责召集, 谁可以提.
const BEFORE_VERB = /^(?:来|负责|可以|能|能够|有权|机关|部门|机构|单位|组织|主体)$/u;
const VERB_TAG = /^v(?!n)|^n$/u;

/**
 * The deed a who-question asks the doer of, read with the question's words: the verbs right after
 * the asking word (签发; 签署 and 公布; 讲 of 是谁讲的). Undefined when the question asks no doer of a
 * deed, or asks for a receiver (向谁请假).
 */
export function askedDoer(question: string, canonicalizer: Canonicalizer = defaultEquivalences()): AskedDoer | undefined {
  const asked = questionActor(canonicalizer.apply(question));
  // A receiver (交给谁, 报给谁, 向谁请假) is often named without 向 (报主任会议): not checked here.
  if (!asked || asked.verbs.length > 1) return undefined;
  const words = taggedQuestion(question, canonicalizer);
  const at = words.findIndex(({ word }) => ASKS_WHO.test(word));
  if (at < 0) return undefined;
  let i = at + 1;
  while (i < words.length && BEFORE_VERB.test(words[i].word)) i++;
  // 谁在开班式上讲的话: the place before the verb.
  if (words[i]?.word === '在') {
    const end = words.findIndex(({ word, tag }, j) => j > i && tag === 'f');
    if (end > i) i = end + 1;
  }
  const verbs: string[] = [];
  // 讲话 is tagged a noun (是谁讲话), 审签 an unknown word: the first word after the asking one is
  // taken when the re-ranker reads it as the verb too; later ones only when tagged verbs.
  const start = i;
  const first = (j: number): boolean => j === start && (VERB_TAG.test(words[j].tag) || asked.verbs.includes(words[j].word));
  for (; i < words.length && (/^v(?!n)/u.test(words[i].tag) || first(i)); i++) {
    verbs.push(words[i].word);
  }
  if (!verbs.length) return undefined;
  return { verbs, pattern: doerPattern(verbs), named: namedDoer(verbs) };
}

// What a doer's name ends with (verb-object.ts's list): 主席团, 常委会, 国务院, 主任, 总理, 选民 …
// …and a meeting that decides (委员长会议拟订…议程草案), a record's office (办公室秘书科).
const DOER_END = '(?:团|会|院|厅|室|主任|主席|委员长|总理|机关|政府|代表|人员|选民|单位|部门|机构|人大|长|会议|科)';
const IN_CLAUSE = '[^，,。；;：:]';

/**
 * A clause stating who does one of the verbs: the re-ranker's forms (由…V, a body opening the clause
 * before V, …可以V), a little wider (由 further from V: 由有关工作机构通过向…征集; 应当为…制发), and a
 * record's labelled line (主持：常务委员会主任, 记录：办公室秘书科).
 */
function doerPattern(verbs: readonly string[]): RegExp {
  // 主持人, 召集人, 负责人: a person named by the deed, not the deed done (经会议主持人同意 says no one 主持s).
  const verb = `(?:${verbs.join('|')})(?!人)`;
  return new RegExp(`(?:由|受|(?<!已)经|根据|按照|报(?![经请]))${IN_CLAUSE}{1,30}?${verb}|(?:^|[，,])${IN_CLAUSE}{0,10}?${DOER_END}${verb}|` +
    `(?:^|\\s)${IN_CLAUSE}{0,12}?${DOER_END}(?:根据|依照|按照|依据)[^。；;]{0,40}?[，,]${verb}|` +
    `(?:可以|有权|应当|负责)(?:[向为对给]${IN_CLAUSE}{1,24}?)?(?:书面)?${verb}|(?:^|\\n)\\s*${verb}[：:]\\s*\\S`, 'u');
}

// Who may be named as a doer: a body, an office, a post, people of a kind (拟任命人员, 代表, 选民).
const DOER_NOUN = '(?:委员会|常委会|人大|大会|主席团|政府|法院|检察院|国务院|机关|机构|部门|单位|办公室|办公厅|秘书科|工委|小组|会议|' +
  '主任|秘书长|主席|委员长|总理|院长|团长|省长|市长|区长|县长|代表|人员|选民)';

/**
 * A sentence naming a doer before one of the verbs, or a record's labelled line: looser than the
 * re-ranker's forms (主任会议每年从代表建议中确定…, 办公室或者有关工作机构应当在…以前，将…书面通知),
 * for a quote that names nobody (借此机会，我讲三点意见) is what is declined, not one worded otherwise.
 * A two-character verb is also met by its first character before whom it is done to (由代表资格审查
 * 委员会报本级…常委会 for 报告).
 */
function namedDoer(verbs: readonly string[]): RegExp {
  // The first character alone only before whom it is done to (报本级…, 送有关机关): 主 of 主任 is no 主持.
  const forms = verbs.flatMap((verb) => (verb.length === 2 ? [verb, `${verb[0]}(?=本级|上级|上一级|有关|${DOER_NOUN})`] : [verb]));
  return new RegExp(`${DOER_NOUN}[^。；;！？\\n]*?(?:${forms.join('|')})(?!人)|(?:^|\\n)\\s*(?:${verbs.join('|')})[：:]\\s*\\S`, 'u');
}

// Where a clause names its doer: 由… (not 从…中 alone: 主任会议每年从代表建议中确定…重点建议，由主任…督办
// picks a pool for another act).
const DOER_SPAN = /由/u;
const NOUN = /^(?:n|j)/u;
const LABELLED = /^\s*\p{Script=Han}{1,4}[：:]/u;

/** The head noun of the thing a who-question asks about (代表 of 全国人大代表), or undefined. */
function thingHead(phrase: string | undefined, canonicalizer: Canonicalizer): string | undefined {
  const final = phrase ? taggedQuestion(phrase, canonicalizer).at(-1) : undefined;
  const last = final && NOUN.test(final.tag) ? final.word : undefined;
  if (!last || last.length < 2) return undefined;
  return last.length >= 4 ? last.slice(-2) : last;
}

/** Why no passage may be quoted for a who-question. */
export interface DoerUnstated {
  /** The deed asked about (签发), or the post whose holder is asked for (主任 of 区人大常委会主任是谁). */
  readonly verb: string;
  /** Whether any document words the deed at all. */
  readonly inLibrary: boolean;
  /** Set when the question asks who holds a post, not who does a deed. */
  readonly post?: boolean;
}

/** The passages to quote for a who-question, or why none may be. */
export interface DoerQuote {
  readonly passages: readonly ScoredPassage[];
  /** Set when no passage that may be quoted says who does the deed (or holds the post). */
  readonly unstated?: DoerUnstated;
}

// 区人大常委会主任是谁, 谁是秘书长: who holds a post — a person's name, which a rule never gives.
const HOLDER = /^(?:(\p{Script=Han}+?)是谁|谁是(\p{Script=Han}+?))[？?。！!\s]*$/u;
const POST = /(?:主任|秘书长|主席|委员长|总理|院长|检察长|省长|市长|区长|县长|镇长|乡长|书记|主持人|负责人|部长|局长|厅长)$/u;

/** The post whose holder a question asks for (主任 of 区人大常委会主任是谁), or undefined. */
export function askedPost(question: string): string | undefined {
  const match = HOLDER.exec(question.trim());
  return (match?.[1] ?? match?.[2] ?? '').match(POST)?.[0];
}

/**
 * For a question asking who holds a post: the passages unchanged when one of the `k` best names a
 * holder (国务院总理 李强, 主持：常务委员会主任), moved to the front; else `unstated` — an article on
 * what the post does (主任会议的议事程序…) does not say who holds it.
 */
function holderQuote(post: string, passages: readonly ScoredPassage[], k: number): DoerQuote {
  const named = new RegExp(`${post}[ \u3000]+\\p{Script=Han}{2,4}(?![\\p{Script=Han}])|${post.replace(/人$/u, '')}[：:]\\s*\\S`, 'u');
  const at = passages.slice(0, k).findIndex(({ passage }) => named.test(passage.text));
  if (at < 0) return { passages, unstated: { verb: post, inLibrary: true, post: true } };
  return at === 0 ? { passages } : { passages: [passages[at], ...passages.filter((_, i) => i !== at)] };
}

// Clauses of a passage body, each tested on its own (a doer and a verb stand within one).
const CLAUSE = /[^。；;！？\n]+/gu;
// Words naming the congress or its level, not a thing of its own.
const LEVEL_NOUN = /^(?:人大|全国|地方|乡镇|本级|各级)$/u;

/**
 * For a who-question: the passages unchanged when a sentence of the first names a doer of the asked
 * deed (of the body asked about, when the question names one: `askedBody`); else the first of the
 * `k` best with a clause stating the doer as the re-ranker reads it, moved to the front; else
 * `unstated` (no document words the deed at all, or none of those found says who does it).
 */
export function doerQuote(
  question: string, passages: readonly ScoredPassage[], k: number, inLibrary: (word: string) => boolean,
  canonicalizer: Canonicalizer = defaultEquivalences(),
): DoerQuote {
  if (!passages.length) return { passages };
  const post = askedPost(question);
  if (post) return holderQuote(post, passages, k);
  const asked = askedDoer(question, canonicalizer);
  if (!asked) return { passages };
  const verb = asked.verbs.join('');
  // 全国人大会议由谁召集: a clause on another body's meeting (常委会会议由委员长召集) does not say.
  const body = askedBody(canonicalizer.apply(question));
  // Each passage's body, read once: the index drops the characters it treats as stopwords (对 of
  // 对接), so a verb a found passage holds is in the library even when the index says not.
  // 全国人大代表是谁选出来的: in 全国人民代表大会代表选出后，由…审查 the thing asked stands right before the
  // verb, done to it — no doer of that verb is named (由… is the doer of 审查, another act).
  const phrase = askedThingPhrase(canonicalizer.apply(question));
  const head = thingHead(phrase, canonicalizer);
  const patient = head && new RegExp(`(${head})(?:${asked.verbs.join('|')})`, 'gu');
  const bodies = passages.map((p) => comparableParts(p.passage, canonicalizer).body)
    .map((text) => (patient ? text.replace(patient, '$1□') : text));
  // 常务委员会的组成人员由全国人大从代表中选出: the thing asked named only after 由 (全国, 代表) is where
  // the doer picks from or who it is, not what is done — the sentence is about another thing. Named
  // before 由 too (调查委员会由…组成，由主任会议在常委会组成人员…中提名), it is the sentence's subject.
  const asking = canonicalizer.apply(question).search(/谁|哪/u);
  const thingNouns = asking > 0 ? taggedQuestion(canonicalizer.apply(question).slice(0, asking), canonicalizer)
    .filter(({ word, tag }) => word.length >= 2 && NOUN.test(tag))
    // A long name as rules shorten it to its head (特定问题调查委员会: 调查委员会).
    .flatMap(({ word }) => (word.length >= 6 ? [word, word.slice(-5)] : [word])) : [];
  // …到下届全国人大选出新的常委会为止: the verb done to another thing written after it (新的常委会);
  // such a clause must name the thing (its head noun) to be about it.
  const bare = new RegExp(`(?:${asked.verbs.join('|')})(?:[的后了为时过，,。；;、]|$)`, 'u');
  // 乡镇人大主席团成员是谁提名的: in 主席团提名的候选人人数 a word of the thing (主席团) does the act,
  // its head (成员) is not there — the clause is about what 主席团 nominates, not who nominates its members.
  const doneBy = head ? thingNouns.filter((word) => word !== head && !word.endsWith(head)).flatMap((word) => asked.verbs.map((v) => `${word}${v}`)) : [];
  const ofThing = (clause: string): boolean => {
    if (head && !clause.includes(head) && doneBy.some((span) => clause.includes(span))) return false;
    if (head && !clause.includes(head) && !bare.test(clause) && !LABELLED.test(clause)) return false;
    const doer = clause.search(DOER_SPAN);
    // The congress and its level (人大, 乡镇) name no thing of their own: 乡、民族乡、镇的人大主席…的人选，由…主席团…提名
    // does not say who nominates 乡镇人大主席团成员.
    const positions = (words: readonly string[]) => words.map((word) => clause.indexOf(word)).filter((i) => i >= 0);
    const own = positions(thingNouns.filter((word) => !LEVEL_NOUN.test(word)));
    const at = own.length ? own : positions(thingNouns);
    return doer < 0 || !at.length || at.some((i) => i < doer);
  };
  const holds = (i: number, pattern: RegExp, thing = ''): boolean => (bodies[i].match(CLAUSE) ?? [])
    .some((clause) => pattern.test(clause) && aboutBody(clause, body) && clause.includes(thing) && ofThing(clause));
  const present = (word: string): boolean => word.length < 2 || inLibrary(word) || bodies.some((text) => text.includes(word));
  if (!asked.verbs.some(present)) {
    // A verb no document uses (颁发) may be worded otherwise (为…代表制发代表证): a sentence naming the
    // thing asked about and a doer before a verb sharing a character with it answers; nothing else does.
    const thing = askedThingPhrase(canonicalizer.apply(question));
    const alike = new RegExp(`${DOER_NOUN}[^。；;！？\\n]*?[${asked.verbs.join('')}]`, 'u');
    const at = thing && thing.length >= 2 ? passages.findIndex((_, i) => holds(i, alike, thing)) : -1;
    if (at < 0) return { passages, unstated: { verb, inLibrary: false } };
    return { passages: [passages[at], ...passages.filter((_, i) => i !== at)] };
  }
  if (holds(0, asked.named)) return { passages };
  const at = passages.slice(0, k).findIndex((_, i) => holds(i, asked.pattern));
  if (at >= 0) return { passages: [passages[at], ...passages.filter((_, i) => i !== at)] };
  return { passages, unstated: { verb, inLibrary: true } };
}
