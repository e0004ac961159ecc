/**
 * A how-question names a deed and what it is done to (议案怎么提出, 怎样提出议案): the rule on it
 * is the article where that verb takes that object (可以向常务委员会提出属于…的议案), not the one
 * that only holds both words (议案在审议中…经主任会议提出, about voting on a bill).
 */
import { aboutBody } from './body-cue.ts';

/** X怎么V, X应当如何V: the object before the asking word, two-character verb after it. */
const OBJECT_FIRST = /([\u4e00-\u9fff]{2,4}?)(?:应当|应该|要|该|需要|可以)?(?:怎么|如何|怎样)(?:才能|来)?([\u4e00-\u9fff]{2})/u;
/** 怎么V X: the verb right after the asking word, its object after that. */
const VERB_FIRST = /(?:怎么|如何|怎样)(?:才能|来)?([\u4e00-\u9fff]{2})([\u4e00-\u9fff]{2,4})/u;
/** Words that are no object of their own (谁, 哪些, 什么) or end the question. */
const NOT_OBJECT = /^(?:什么|哪些|哪个|多少|几|谁|一下|的|呢|吗)/u;

/** The verb, its object, and the pattern of the verb taking it within one clause (compiled once per question). */
export interface Deed {
  readonly verb: string;
  readonly object: string;
  readonly pattern: RegExp;
}

const deed = (verb: string, object: string): Deed => ({ verb, object, pattern: new RegExp(`${verb}[^，,。；;：:]{0,24}?${object}`, 'u') });

/** The verb and its object a how-question names, or undefined. */
export function questionDeed(question: string): Deed | undefined {
  const before = OBJECT_FIRST.exec(question);
  if (before && !NOT_OBJECT.test(before[1])) return deed(before[2], before[1].slice(-2));
  const after = VERB_FIRST.exec(question);
  if (after && !NOT_OBJECT.test(after[2])) return deed(after[1], after[2].slice(0, 2));
  return undefined;
}

/** 1 when the passage has the verb taking the object within one clause (a few words between), else 0. */
export function deedInPassage(named: Deed | undefined, text: string): number {
  return named?.pattern.test(text) ? 1 : 0;
}

/**
 * A who-question names a deed and asks for its doer (由谁签署, 谁主持, 谁可以提议案) or its
 * receiver (辞职交给谁): the rule on it is the clause that states the doer with the verb
 * (由总理签署, 受原选区选民…的监督, 主席团…可以向本级人大提出…议案, 向…常委会书面提出辞职), not its
 * neighbour that only holds the verb (行政法规签署公布后，及时…刊载).
 */
export interface AskedActor {
  /** The deed's verbs, which say nothing of the topic. */
  readonly verbs: readonly string[];
  /** The clause stating a doer or receiver of the deed (compiled once per question). */
  readonly pattern: RegExp;
}

// Who is asked for: 谁, or a body asked for by its kind (由哪个机关, 向什么部门) where it is no
// object of another verb (设哪个机构负责代表工作 asks what body is set up).
const WHO = '(?:谁|(?<=^|[由向给，,])(?:哪个|哪一个|哪些|哪一|什么)(?:机关|部门|机构|单位|组织|主体))';
// 由谁签署, 由谁来监督, 谁主持, 哪个机关负责召集: the two-character verb after the asking word.
const DOER = new RegExp(`(?:由)?${WHO}(?:来|负责|可以|能|有权|能够)?([\\u4e00-\\u9fff]{2})`, 'u');
// 谁可以提议案: a bare 提 before a motion is the law's 提出 (not 提名, 提请, 提交, verbs of their own).
const PROPOSER = new RegExp(`${WHO}(?:可以|能|有权|能够)?提(?![出名请交])`, 'u');
// 交给谁, 报给谁, 向谁提出, 向哪个机关提出: a receiver.
const RECEIVER = new RegExp(`(?:交给|交|报给|报送|递交|提交给|送给|向)${WHO}`, 'u');
// What is handed to a receiver: 向…提出, 向…报告, 向…书面提出辞职.
const HANDING = ['提出', '提交', '报告', '报送', '报请', '请假', '辞职'];
// Verbs that only ask or link (谁可以, 谁是) are no deed.
const NOT_DEED = /^(?:可以|能够|有权|负责|是否|都是|应当|能不)$/u;
// A clause, within which doer and verb stand.
const IN_CLAUSE = '[^，,。；;：:]';

// What a doer's name ends with: 主席团, 常委会, 国务院, 办公厅, 委员长, 总理, 选民, 区长 …
const DOER_END = '(?:团|会|院|厅|室|主任|主席|委员长|总理|机关|政府|代表|人员|选民|单位|部门|机构|人大|长)';

// The ground a doer acts on, between it and the verb: 国务院根据宪法和法律，制定行政法规.
const GROUND = '(?:根据|依照|按照|依据)';

// How a rule states the doer: 由主席团提名, 受选民的监督, 经常委会许可, 根据常委会的安排, a body
// opening the clause as its subject (主席团主持…, 国务院根据宪法和法律，制定…; not 行政法规签署公布后,
// whose subject is the thing done), or one that may or must act (…可以向本级人大提出).
const actor = (verb: string): AskedActor => ({
  verbs: [verb],
  pattern: new RegExp(`(?:由|受|(?<!已)经|根据|按照|报(?![经请]))${IN_CLAUSE}{1,20}?${verb}|(?:^|[，,])${IN_CLAUSE}{0,10}?${DOER_END}${verb}|` +
    `(?:^|\\s)${IN_CLAUSE}{0,12}?${DOER_END}${GROUND}[^。；;]{0,40}?[，,]${verb}|` +
    `(?:可以|有权|应当|负责)(?:向${IN_CLAUSE}{1,24}?)?(?:书面)?${verb}`, 'u'),
});

/** The doer or receiver a who-question asks about, or undefined. */
export function questionActor(question: string): AskedActor | undefined {
  if (RECEIVER.test(question)) return { verbs: HANDING, pattern: new RegExp(`向${IN_CLAUSE}{1,24}?(?:书面)?(?:${HANDING.join('|')})`, 'u') };
  if (PROPOSER.test(question)) return actor('提出');
  const doer = DOER.exec(question);
  return doer && !NOT_DEED.test(doer[1]) ? actor(doer[1]) : undefined;
}

/**
 * 1 when a clause of the (canonical) passage body states the asked doer or receiver and holds another
 * question word, else 0. With `body` (the body whose doer is asked, body-cue.ts `askedBody`), a clause
 * about another body does not count: 常委会会议由委员长召集 does not say who convenes 全国人大会议.
 */
export function actorInPassage(
  asked: AskedActor | undefined, clauses: readonly string[], words: readonly string[], body?: string,
): number {
  if (!asked) return 0;
  const topic = words.filter((word) => !asked.verbs.includes(word));
  return clauses.some((clause) => asked.pattern.test(clause) && topic.some((word) => clause.includes(word)) && aboutBody(clause, body)) ? 1 : 0;
}

// 地方性法规由谁公布, 会议期间调整议程，由谁提出: the thing before the asking word (its last
// words after any 的), and the particles that may stand between.
const THING_BEFORE = new RegExp(`([\\u4e00-\\u9fff]{2,})[，,]?(?:是|要|应当|应该|需要|一般)?(?:由|归)?${WHO}`, 'u');
// 谁来制定行政法规: the thing after the verb.
const THING_AFTER = new RegExp(`${WHO}(?:来|负责|可以|能|有权|能够)?[\\u4e00-\\u9fff]{2}([\\u4e00-\\u9fff]{2,})`, 'u');
// Words between the thing and the asking word, or ending the question.
const TRAILING_PARTICLES = /(?:是|要|应当|应该|需要|一般|的|呢|吗|了|由|归)+$/u;

/**
 * The head word (its last two characters) of the thing a who-question asks the doer of: 法规 in
 * 地方性法规由谁公布, 议程 in 会议期间调整议程，由谁提出, 法规 in 谁来制定行政法规. Undefined for a
 * question asking for a receiver (交给谁) or naming no thing.
 */
export function askedThing(question: string): string | undefined {
  if (RECEIVER.test(question)) return undefined;
  const before = THING_BEFORE.exec(question)?.[1].replace(TRAILING_PARTICLES, '');
  const after = THING_AFTER.exec(question)?.[1].replace(TRAILING_PARTICLES, '');
  const thing = before && before.length >= 2 ? before : after;
  const head = thing?.split('的').pop() ?? '';
  return head.length >= 2 ? head.slice(-2) : undefined;
}
