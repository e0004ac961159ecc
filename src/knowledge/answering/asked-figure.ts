/**
 * A figure asked for in a unit (今年接待了多少人次选民, 开了几次会, 答复率是多少) and whether a passage
 * states it: a figure in a compatible unit, in a clause that holds the thing asked about. Offices
 * copy the figures Lüzhi quotes into their reports, so quoting 参训代表110人次 for 接待选民 (whose
 * figure is 42场次) is worse than saying 没有找到. 人次, 场次 and 次 count different things, and so
 * do 人 and 人次; 人, 名 and 位 count the same, as do 场 and 场次, and 元, 万元 and 亿元.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import { wordSegmenter } from '../search/word-segmenter.ts';
import type { ScoredPassage } from '../types.ts';
import { isContent, taggedQuestion } from './question-focus.ts';

/** What a figure question asks for: the unit of its figure and the words naming the thing counted. */
export interface AskedFigure {
  /** The unit's key (人次, 场, 件, %); a family of units shares one (人 for 名 and 位). */
  readonly unit: string;
  /** The unit as the question writes it (名, 场次, %), for the answer that declines. */
  readonly written: string;
  /** The thing's words (接待, 选民), canonical, each weighted by its specificity in general Chinese. */
  readonly thing: ReadonlyArray<{ readonly word: string; readonly weight: number; readonly noun: boolean }>;
  /**
   * The thing's most specific word (质询 in 代表要求质询需要多少人联名), when the passages found name
   * it: a figure is of the thing only if its passage names that word too (选民五十人以上联名 in the
   * article on recalls, 罢免, is no figure of 质询, though its clause holds 联名).
   */
  readonly key?: string;
  /** A most (最多…多少人) or a least (至少…几个人) asked for, when the question says which. */
  readonly bound?: Bound;
  /** The units of the other figures a two-part question asks (条 beside 公里). */
  readonly alsoAsked?: readonly string[];
  /** The act the asked figure is a threshold of, written right after it (多少人同意 → 同意; 几个人签名 → 联名). */
  readonly act?: string;
  /** Set when no unit is written, only the people counted (多少代表联名): a headcount by reading, not by the letter. */
  readonly implied?: boolean;
  /** The figures the question itself states (新增的100座公园里浦东占几座: 100座), which are not what it asks. */
  readonly given?: readonly string[];
}

/** Which way a figure bounds its thing: at least (十人以上联名), at most (不超过四十五人). */
type Bound = 'least' | 'most';

/** One figure a passage states, with the clause around it. */
interface StatedFigure {
  readonly text: string;
  readonly unit: string;
  readonly clause: string;
  /** The bound the words around it give the figure, if any (a range, 十五人至三十五人, gives none). */
  readonly bound?: Bound;
  /** The act a threshold is of, right after it (五人以上联名 → 联名). */
  readonly act?: string;
}

// Arabic digits with a magnitude after them (61.4万个, 936万人次) or Chinese numerals.
const NUMERAL = '(?:\\d+(?:\\.\\d+)?[千万亿]*|[一二两三四五六七八九十百千万亿零〇]+)';
// Units longest first, so 人次 is not read as 人 and 场次 not as 场.
const UNITS = '人次|场次|万元|亿元|元|公里|次|场|件|条|个(?![多半]?月)|项|篇|期|所|家|户|批|份|部|座|处|台|辆|套|亩|吨|名|人|位';
// 几个月, 多少天: a period, left to the period answer type.
// The last such asking word is the one asked (几个委员…凑几个人签名); 哪几部分 asks for a list.
const ASKING_UNIT = `(?<!哪)(?:多少|几)(?:个(?=人(?!次)))?(${UNITS})`;
const ASKED = new RegExp(`${ASKING_UNIT}(?!.*(?:多少|几))`, 'u');
// A headcount asked with no unit, the people counted written right after (多少组成人员到场, 多少选民同意,
// 几个代表联名): the rules state it in 人 or as a share (过半数, 五分之一以上), never in 个.
const COUNTED_PEOPLE = '人大代表|(?:常委会)?组成人员|常委会委员|委员(?![会长])|代表(?![团会大])|选民';
const ASKED_PEOPLE = new RegExp(`(?<!哪)(?:多少|几)个?(?=${COUNTED_PEOPLE})(?!.*(?:多少|几))`, 'u');
// Every figure a question asks (几条地铁线？…多少公里？): the others' units are no rival of the one answered.
const ASKED_ALL = new RegExp(ASKING_UNIT, 'gu');
// 率, 占比, 比例, 百分之几: a share, stated as a percentage, a fraction or a multiple; a few words
// may stand between (解决率的目标定的多少, 占比到多少了).
const ASKED_SHARE = /(?:率|占比|比例|比重)[^，,。？?；\s]{0,6}?(?:多少|几)|百分之(?:多少|几)|百分比/u;
// Not inside an ordinal or a label (第三十三条: neither 三十三条 nor 十三条 is a count).
const STATED = new RegExp(`(?<![第\\d一二两三四五六七八九十百千万零〇])${NUMERAL}\\s*(?:余|多)?\\s*(${UNITS})|${NUMERAL}\\s*[%％]|百分之${NUMERAL}|${NUMERAL}分之${NUMERAL}|${NUMERAL}倍|过半数|半数`, 'gu');
// Clauses: a figure's thing is named within its clause (a colon keeps 出席：…26人 together).
const SENTENCE = /[^。；！？\n]+/gu;
const CLAUSE = /[^，,]+/gu;
// A clause ending in 的 names the topic of the clause after it (由选民直接选举人民代表大会代表的，…).
const TOPIC_CLAUSE = /的\s*$/u;
// Units that count the same thing under one key; the rest stand alone.
const FAMILY: Readonly<Record<string, string>> = { 名: '人', 位: '人', 场次: '场', 万元: '元', 亿元: '元' };
const unitKey = (unit: string): string => FAMILY[unit] ?? unit;
// 最多能有多少人 asks for a most, 至少要几个人 for a least; the words around a stated figure say which it is.
const ASKS_MOST = /最多|至多|上限|最高/u;
const ASKS_LEAST = /至少|最少|起码|最低|下限/u;
const LEAST_AFTER = /^\s*(?:以上|及以上)/u;
const MOST_AFTER = /^\s*(?:以下|以内|及以下)/u;
const LEAST_BEFORE = /(?:至少|不少于|不低于)\s*$/u;
const MOST_BEFORE = /(?:最多|至多|不超过|不得超过|不多于|不高于)\s*$/u;

// The act right after the headcount asked (the last one: 几个委员…凑几个人签名 → 签名; 几人以上联名 →
// 联名) and after a stated threshold (五人以上联名, 三分之一以上的代表提议, 十人以上书面联名).
const ASKED_ACT = /(?:多少|几)个?(?:人|名)(?:以上|以下)?的?(\p{Script=Han}{2})(?!.*(?:多少|几))/u;
// After the people counted (多少代表联名, 几个委员提议) only a threshold's act is read: 多少代表才算数 asks none.
// 多少人到场才能开: a quorum, whose act is being present — no threshold for signing (五人以上联名) answers it.
const ASKED_PRESENCE = /到场|到会|出席|在场|参会|到齐|(?<!达)到(?:多少|几)/u;
const PEOPLE_START = /^(?:代表|委员|组成|选民|人大|常委).*$/u;
const ASKED_PEOPLE_ACT = new RegExp(`(?:多少|几)[个名位]?(?:${COUNTED_PEOPLE})(?:以上|以下)?的?(联名|提议|同意|赞成|签名|附议|通过)(?!.*(?:多少|几))`, 'u');
const STATED_ACT = /^\s*(?:以上|以下)(?:的?(?:代表|委员|组成人员|选民|人员))?(?:书面)?(\p{Script=Han}{2})/u;

/** The bound a stated figure gives, from the words just before and after it in its clause. */
function statedBound(clause: string, at: number, end: number): Bound | undefined {
  const before = clause.slice(Math.max(0, at - 4), at);
  const after = clause.slice(end, end + 3);
  if (LEAST_AFTER.test(after) || LEAST_BEFORE.test(before)) return 'least';
  if (MOST_AFTER.test(after) || MOST_BEFORE.test(before)) return 'most';
  return undefined;
}

/** A unit word alone (名, 人次): the measure, not the thing counted. */
const UNIT_WORD = new RegExp(`^(?:${UNITS})$`, 'u');
/** How much of the thing a passage other than the top one must hold in the figure's clause to be quoted instead (at most). */
const OTHER_PASSAGE_SHARE = 0.5;

// A person the question counts with 个 (几个副主席, 多少个委员): the rules count people in 人 or 名
// (副主席一人至二人), never in 个. A body or place (代表团, 委员会, 联络站) ends otherwise.
const PERSON = /(?:人员|委员|代表|主席|主任|书记|干部|选民|秘书|长)$/u;

/** The unit key of an asked 个: 人 when the word counted names a person. */
function countedUnit(question: string, match: RegExpExecArray): string {
  if (match[1] !== '个') return match[1];
  const after = question.slice(match.index + match[0].length).replace(/^副/u, '');
  const counted = wordSegmenter().cut(after.split(/[^\p{Script=Han}]/u)[0] ?? '')[0] ?? '';
  return PERSON.test(counted) ? '人' : '个';
}

/** The figure a question asks for in a unit, or undefined when it asks for none (or for a period). */
export function askedFigure(question: string, canonicalizer: Canonicalizer = defaultEquivalences()): AskedFigure | undefined {
  const asked = ASKED.exec(question);
  const share = ASKED_SHARE.test(question);
  const people = !asked && !share && ASKED_PEOPLE.test(question);
  const unit = share ? '%' : asked ? countedUnit(question, asked) : people ? '人' : undefined;
  if (!unit) return undefined;
  const segmenter = wordSegmenter();
  const thing = taggedQuestion(question, canonicalizer)
    .filter((word) => isContent(word) && word.tag !== 't' && !UNIT_WORD.test(word.word))
    .map(({ word, tag }) => ({ word, weight: segmenter.generalIdf(word), noun: /^(?:n|j)/.test(tag) }));
  const bound: Bound | undefined = ASKS_MOST.test(question) ? 'most' : ASKS_LEAST.test(question) ? 'least' : undefined;
  const given = [...question.matchAll(STATED)].map((m) => m[0].replace(/\s+/gu, ''));
  // 多少名代表联名: the act is 联名, not the 代表 written after 名.
  const act = ASKED_PEOPLE_ACT.exec(question)?.[1] ?? ASKED_ACT.exec(question)?.[1]?.replace(PEOPLE_START, '')
    ?? (people && ASKED_PRESENCE.test(question) ? '出席' : undefined);
  const alsoAsked = [...question.matchAll(ASKED_ALL)].map((m) => unitKey(m[1])).filter((other) => other !== unitKey(unit));
  return thing.length ? { unit: unitKey(unit), written: share ? unit : asked?.[1] ?? unit, thing, bound, given, alsoAsked, act: act && canonicalizer.apply(act), ...(people ? { implied: true } : {}) } : undefined;
}

// An item of a list (（三）…, 3. …) under a line ending in a colon (组成人员的名额：) is about what that line names.
export const LIST_ITEM = /^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])/u;
const LEAD_IN = /[：:]\s*$/u;

/** For each line, the line leading into the list it is an item of ('' when it is none). */
export function listLeadIns(lines: readonly string[]): string[] {
  let leadIn = '';
  return lines.map((line) => {
    if (LIST_ITEM.test(line)) return leadIn;
    leadIn = LEAD_IN.test(line) ? line.trim() : '';
    return '';
  });
}

/**
 * The clauses of a text. A list item's clauses are not joined to the line leading into the list
 * here (组成人员的名额：…（三）…十五人至三十五人): the lead-in names the body, not what a question
 * asks of it (辞职需要多少人同意 would take the seats for the votes); only the lead sentence of a
 * passage already chosen reads it (answer-sentence.ts).
 */
function figureClauses(text: string): string[] {
  return (text.match(SENTENCE) ?? []).flatMap((sentence) => (sentence.match(CLAUSE) ?? [])
    .flatMap((clause, i, all) => figureItems(clause).map((part) => (i > 0 && TOPIC_CLAUSE.test(all[i - 1]) ? `${all[i - 1]}，${part}` : part))));
}

/** The figures a text states, each with its clause. */
function statedFigures(text: string): StatedFigure[] {
  const clauses = figureClauses(text);
  return clauses.flatMap((clause) => [...clause.matchAll(STATED)].map((m) => ({
    text: m[0],
    // A share or a majority (过半数, 三分之二) states a headcount as well as a percentage.
    unit: m[1] ? unitKey(m[1]) : '%',
    clause,
    bound: statedBound(clause, m.index, m.index + m[0].length),
    act: STATED_ACT.exec(clause.slice(m.index + m[0].length))?.[1],
  })));
}

const STATES_ONE = new RegExp(STATED.source, 'u');

/**
 * The items of a clause that lists figures with 、 (举办文化展览1565场、接待海内外观众4900万人次):
 * each figure goes with its own item; items without one (完成代表之家、代表联络站提档升级8个) join the next.
 */
function figureItems(clause: string): string[] {
  const items: string[] = [];
  let pending = '';
  for (const part of clause.split('、')) {
    pending = pending ? `${pending}、${part}` : part;
    if (STATES_ONE.test(part)) {
      items.push(pending);
      pending = '';
    }
  }
  if (pending) items.push(items.length ? `${items.pop()}、${pending}` : pending);
  return items;
}

/** Whether a figure is in the unit asked: its own, its family's, or a share for a headcount. */
function compatible(asked: AskedFigure, figure: StatedFigure): boolean {
  return figure.unit === asked.unit || (asked.unit === '人' && figure.unit === '%');
}

/** Share (by weight) of the thing's words a clause holds. */
function thingShare(asked: AskedFigure, clause: string, canonicalizer: Canonicalizer): number {
  const text = canonicalizer.apply(clause);
  const total = asked.thing.reduce((sum, w) => sum + w.weight, 0);
  return total > 0 ? asked.thing.reduce((sum, w) => sum + (text.includes(w.word) ? w.weight : 0), 0) / total : 0;
}

/** How a passage stands against a figure asked for. */
interface FigureReading {
  /** The most of the thing a clause stating a figure in the unit asked holds (0 when none does). */
  readonly asked: number;
  /** The clause most about the thing that states its figure in another unit, and how much of the thing it holds. */
  readonly other?: { readonly clause: string; readonly share: number };
}

function readFigures(asked: AskedFigure, text: string, canonicalizer: Canonicalizer, heading: string): FigureReading {
  let best = 0;
  let other: FigureReading['other'];
  // What the headings name (第二十一次会议 in the minutes' title) every clause under them is about;
  // but a clause naming none of the thing is about it only when the headings name all of it (the
  // rules' title names 常委会, not the 出席 a quorum question asks about).
  const headed = thingShare(asked, heading, canonicalizer) === 1;
  // A passage not naming the thing's most specific word states figures of another thing.
  if (asked.key && !canonicalizer.apply(`${heading}\n${text}`).includes(asked.key)) return { asked: 0 };
  for (const figure of statedFigures(text)) {
    // 十人以上联名 is a least: no answer to how many at most (组成人员最多多少人), nor 不超过 to how few.
    if (asked.bound && figure.bound && figure.bound !== asked.bound) continue;
    // 多少人同意 is not answered by 五人以上联名: a threshold of another act.
    if (asked.act && figure.act && canonicalizer.apply(figure.act) !== asked.act) continue;
    // A figure the question gives is what it asks a part of, or about: never its answer.
    if (asked.given?.includes(figure.text.replace(/\s+/gu, ''))) continue;
    const own = thingShare(asked, figure.clause, canonicalizer) > 0;
    const share = own || headed ? thingShare(asked, `${heading}\n${figure.clause}`, canonicalizer) : 0;
    if (compatible(asked, figure)) best = Math.max(best, share);
    else if (share > (other?.share ?? 0) && !asked.alsoAsked?.includes(figure.unit)) other = { clause: figure.clause.trim(), share };
  }
  return { asked: best, other };
}

/**
 * Whether a text states the figure asked for: a figure in the unit asked whose clause holds some
 * of the thing, and at least as much of it as any clause counting the thing in another unit
 * (接待选民42场次 answers 多少场次, not 多少人次; 参训代表110人次 names no 接待选民 at all). `heading`
 * is the passage's title and headings; `least` the share of the thing the figure's clause must exceed.
 */
export function statesAskedFigure(
  asked: AskedFigure, text: string, { canonicalizer = defaultEquivalences(), heading = '', least = 0 }: { canonicalizer?: Canonicalizer; heading?: string; least?: number } = {},
): boolean {
  const reading = readFigures(asked, text, canonicalizer, heading);
  return reading.asked > least && reading.asked >= (reading.other?.share ?? 0);
}

/** The passages to answer a figure question from, or why none may be quoted. */
export interface FigureQuote {
  /** The passages, the one stating the figure asked for first. */
  readonly passages: readonly ScoredPassage[];
  /** Set when no passage states it: the clause that counts the thing in another unit, if any. */
  readonly unstated?: { readonly unit: string; readonly otherwise?: string };
}

/**
 * For a figure question: the passages unchanged when the first states the figure asked for; the
 * first other one that does, and ties it to the thing more closely than the first passage's figures
 * do, moved to the front when the first does not; or, when none does, why not — so nothing is
 * quoted for another thing's figure.
 */
export function figureQuote(question: string, passages: readonly ScoredPassage[], canonicalizer: Canonicalizer = defaultEquivalences()): FigureQuote {
  const thing = askedFigure(question, canonicalizer);
  if (!thing || !passages.length) return { passages };
  const heaviest = thing.thing.reduce((best, w) => (w.weight > best.weight ? w : best)).word;
  const held = passages.some(({ passage }) => canonicalizer.apply(`${passage.title}\n${passage.context}\n${passage.text}`).includes(heaviest));
  const asked: AskedFigure = held ? { ...thing, key: heaviest } : thing;
  const heading = ({ passage }: ScoredPassage): string => `${passage.title}\n${passage.context}`;
  const states = (p: ScoredPassage, least = 0): boolean => statesAskedFigure(asked, p.passage.text, { canonicalizer, heading: heading(p), least });
  if (states(passages[0])) return { passages };
  // Another passage is quoted only if it names all things the top one names of the question (北京 in
  // 北京接待入境游客多少人次: Shanghai's 入境游客936万人次 is another city's figure).
  const named = (p: ScoredPassage): string[] => {
    const text = canonicalizer.apply(`${heading(p)}\n${p.passage.text}`);
    return asked.thing.filter(({ word, noun }) => noun && text.includes(word)).map(({ word }) => word);
  };
  const first = named(passages[0]);
  // ...and whose figure's clause holds more of the thing than any figure of the top passage does
  // (or half of it): 代表 alone of 培训了多少名代表 is no reason to quote the rule on 列席代表…五至八名.
  const top = readFigures(asked, passages[0].passage.text, canonicalizer, heading(passages[0]));
  const least = Math.min(OTHER_PASSAGE_SHARE, Math.max(top.asked, top.other?.share ?? 0));
  const at = passages.findIndex((p, i) => i > 0 && states(p, least) && first.every((word) => named(p).includes(word)));
  if (at > 0) return { passages: [passages[at], ...passages.filter((_, i) => i !== at)] };
  const otherwise = top.other;
  return { passages, unstated: { unit: asked.written, otherwise: otherwise && otherwise.share > 0 ? otherwise.clause : undefined } };
}
