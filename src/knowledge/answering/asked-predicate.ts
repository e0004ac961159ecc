/**
 * What a question asks OF a thing: where it comes from (专门委员会的成员从哪里产生), how old it must
 * be (选民登记的年龄要求), whether it may also hold a post (主任能不能兼任法院院长), by when it is done
 * (新一届代表名单最晚啥时候要公布). A passage holding the thing's words but not that predicate of it
 * answers nothing: 到下届人民代表大会产生新的专门委员会为止 holds 专门委员会 and 产生, but 产生 there is a
 * time limit, not where the members come from. The quote must hold, in one sentence, the thing with
 * the predicate stated of it — else the next passage that does is quoted first, else none is.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import type { ScoredPassage } from '../types.ts';
import { type CheckedQuote, firstStating } from './checked-quote.ts';
import { asksAhead } from './asked-deadline.ts';
import { listLeadIns } from './asked-figure.ts';
import { taggedQuestion } from './question-focus.ts';
import { namedLevels } from './question-level.ts';
import { meantClauses } from './sentence-level.ts';

/** The kinds of predicate checked. */
export type PredicateKind = 'source' | 'age' | 'concurrent' | 'deadline' | 'place' | 'members';

/** What a question asks of which thing. */
export interface AskedPredicate {
  readonly kind: PredicateKind;
  /** The thing's nouns (canonical); a sentence must hold each, or a word of its class. */
  readonly thing: readonly string[];
  /**
   * For `concurrent`: the other post's words or its organ's kind; for `deadline`: the act (公布); for
   * `place`: the act done there, also without 补/重/再 (补办, 办), or none.
   */
  readonly object: readonly string[];
}

// 从哪里产生, 从哪来, 怎么产生的, 哪来的, 怎么来的, 从哪里出 (钱), 来源.
const ASKS_SOURCE = /从哪(?:里|儿)?(?:产生|来|出|选|推|找)|怎么(?:产生|来的|选出来|选出)|哪来|是怎么来|来源/u;
// Who elects them, as staff ask it: 是谁选的, 直选吗, 老百姓能直接选区人大代表吗, 是直接投票选的吗. Not 直接选举区人大代表时…
// (a clause naming the way, then asking something else).
const ASKS_ELECTOR = /谁(?:来)?选(?!举权)|直选|(?:老百姓|百姓|选民|群众)(?:直接)?(?:投票)?选(?:举)?(?:出来)?的|(?:能|可以|是不是|是)[^，,。？?]{0,6}?直接(?:投票)?选(?!举权)|直接(?:投票)?选(?:举)?(?:出来)?的/u;
// A deputy, however named (人大代表, 区人大代表, 代表).
const DEPUTY = /^(?:[区县市省乡镇]?人大)?代表$/u;
// Who elects: the electorate (老百姓, 选民) is the asked source, never the thing elected.
const ELECTORATE = /^(?:老百姓|百姓|选民|群众|人民群众|人民|大家)$/u;
const ASKS_AGE = /年龄|多大(?:岁数|年纪)?|几岁|多少岁|年纪|岁数/u;
// 兼任, 兼副镇长, 同时担任, 同时在…任职.
const ASKS_CONCURRENT = /兼|同时(?:担任|当|在|任)/u;
const ASKS_DEADLINE = /最晚|最迟|截止|(?:什么|啥)时候(?:之前|以前|前)|何时(?:之前|以前|前)?/u;
// 去哪里补办, 在哪儿设, 到哪个部门办, 什么地方领 — a place, not a source (从哪里: above), nor a doer or
// receiver (经过哪个机关许可, 向哪个部门报告: asked-approval.ts, asked-doer.ts).
// 用在哪 asks a use, not a place; a question of two parts (能不能…？在哪里…) is left to the other checks.
// 在哪一次会议, 在哪个文件: which one, not where.
const ASKS_PLACE = /(?:去|(?<!用)在|到|上)哪(?:里|儿|个地方|个部门|个单位|个机关|(?![一个些次届条年天月部份本]))|什么地方|哪个地方/u;
// 在哪里规定的, 在哪儿能查到: which text says it, not where a thing is done.
const TEXT_ACT = /^(?:规定|写|提到|说|讲|看|查|找|有|是)$/u;
// How many members a body has (主席团一般有多少人, 组成人员多少人, 由几个人组成): nothing asked after it.
const ASKS_MEMBERS = /(?:多少|几)个?(?:人|名)(?!次)(?:组成|构成)?(?:左右)?[吗呢啊呀？?。\s]*$/u;
// Words between a body and its count (一般有, 最多能有, 由).
const BEFORE_COUNT = /^(?:一般|通常|总共|一共|大概|大约|最多|至多|最少|至少|能|可以|会|有|由|共|共有|应|应当|需要|要|得|设)$/u;
// A body's name (主席团, 常委会, 调查委员会, 执法检查组); its members (组成人员) are counted of the body before them.
const BODY = /(?:团|委员会|常委会|小组|组|机构)$/u;
// A place a rule states for an act: 在…设立, 向…申请, 按照方便选民投票的原则设立, 到…办理.
const PLACE_BEFORE = '(?:在|向|到|于|按照?|根据)[^，,。；;]{1,30}?';
const ANY_PLACE_ACT = '(?:进行|办理|申请|提出|领取|设立|举行|登记)';

// Sources a rule states: 由主席团…提名, 从代表中选举, 在代表中选举, 列入财政预算, 由国库开支.
// A bare 选举产生 names no source (代表依照法律规定选举产生), nor 由…决定 unless of a post's 人选
// (副秘书长的人选由主席团决定; 代表名额的具体分配，由…决定 decides a share, not where deputies come from).
const STATES_SOURCE = /由[^，,。；;]{1,40}?(?:提名|选举|选出|产生|任命|推选|推荐|开支|负担|承担|支付|拨付)(?!办法|权|单位|委员会|日|结果|工作|经费)|从[^，,。；;]{1,20}中|在[^，,。；;]{1,20}中(?:选举|选出|提名|产生|推选)|列入[^，,。；;]{0,10}预算|人选[，,]?由[^，,。；;]{1,20}?决定/u;
const STATES_AGE = /[\d一二三四五六七八九十]+周?岁/u;
// A number of people (十五人至三十五人, 不超过九十五人), not a threshold (十人以上联名), a quota (名额), an
// ordinal, a margin (候选人数应比应选人数多一人至三人) or one person picked for a role (推选一人代理).
const HEADCOUNT = /(?<![第多少至到\d一二两三四五六七八九十百千])(?:[\d二两三四五六七八九十百千][\d一二两三四五六七八九十百千]*|一(?=[人名][至到]))(?:人|名(?![额单义称]))(?!次|以上)/u;
// Law words for a post held besides another: 不得担任, 可以兼任, 不得同时担任.
const STATES_CONCURRENT = /(?:不得|可以|不能同时|不应)(?:同时)?(?:担任|兼任|兼)/u;
// A time limit: 二十日以前, 两个月内, …为止, 第一次会议前 — stated before the act it limits (二十日以前公布), not after
// the act counted from (选民名单公布之日起五日内…申诉).
const LIMIT = '(?:[\\d一二三四五六七八九十两]+个?(?:日|天|月|年|周)(?:以前|之前|前|内|以内)|以前|之前|为止|(?:会议|举行|召开|选举日)前)';
// A time-limit clause (到下届…产生新的专门委员会为止): what it names is no source of the thing.
const UNTIL_CLAUSE = /到[^，,。；;]*?为止/gu;

// Words for the members of a body, and for money: one class each, as rules word them.
const CLASSES: readonly (readonly string[])[] = [
  ['成员', '组成人员', '委员', '人选', '人员'],
  ['钱', '经费', '费用', '资金'],
];
/** Whether a word is one of a class (钱: one character, still a thing). */
const inClass = (word: string): boolean => CLASSES.some((members) => members.includes(word));
// Posts asked of by their holder (法院院长) and the kind of organ a rule names (审判机关).
const ORGANS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/法院|院长|法官|审判/u, ['审判机关', '法院']],
  [/检察/u, ['检察机关', '检察院']],
  [/监委|监察/u, ['监察机关', '监察委员会']],
  [/政府|[乡镇县区市省]长|局长|厅长|主任科员|行政/u, ['行政机关', '政府']],
];
// Nouns of the question that name no thing: the asked kind itself (年龄, 要求), time, manner, and
// the level (县级, 全国): a rule on 常务委员会 is one for each level, which question-level.ts weighs.
const NO_THING = /^(?:年龄|年纪|岁数|要求|规定|条件|时候|时间|问题|情况|法律|方面|哪里|新一届|本届|这届|[县乡省市区镇]级|全国|地方|本级|上级|下级|各级)$/u;
const NOUN_TAG = /^(?:n[a-z]*|j|vn|b)$/u;
const SENTENCE = /[^。；;！？\n]+/gu;

/** What the question asks of which thing, when it is one of the predicate kinds checked. */
export function askedPredicate(question: string, canonicalizer: Canonicalizer = defaultEquivalences()): AskedPredicate | undefined {
  const kinds: readonly (readonly [PredicateKind | 'elector', RegExp])[] = [
    ['source', ASKS_SOURCE], ['elector', ASKS_ELECTOR], ['age', ASKS_AGE], ['concurrent', ASKS_CONCURRENT], ['deadline', ASKS_DEADLINE],
    ['place', ASKS_PLACE], ['members', ASKS_MEMBERS],
  ];
  // 多少岁能当人大代表: an age may be asked first, of the thing after it.
  const found = kinds.map(([kind, pattern]) => ({ kind, at: question.search(pattern) })).filter(({ kind, at }) => at > 0 || (at === 0 && kind === 'age'))
    .filter(({ kind }, _, all) => kind !== 'elector' || !all.some((other) => other.kind === 'source'));
  // 最晚提前几天交: how far ahead is read by asked-deadline.ts.
  if (found.length !== 1 || (found[0].kind === 'deadline' && asksAhead(question))) return undefined;
  const { kind, at } = found[0];
  const before = question.slice(0, at);
  const after = question.slice(at).replace(kind === 'concurrent' ? ASKS_CONCURRENT : ASKS_DEADLINE, '');
  const nouns = (text: string): string[] => taggedQuestion(text, canonicalizer)
    // 副 belongs to the post after it (副秘书长), which is another post than 秘书长.
    .map(({ word, tag }, i, words) => (words[i - 1]?.word === '副' ? { word: `副${word}`, tag } : { word, tag }))
    .filter(({ word, tag }) => NOUN_TAG.test(tag) && (word.length >= 2 || inClass(word)) && !NO_THING.test(word)).map(({ word }) => word);
  if (kind === 'members') return countedBody(before, canonicalizer);
  // 区人大代表是谁选的 (the elected named before), 老百姓能直接选区人大代表吗 (after): where they come from.
  if (kind === 'elector') {
    const elected = (text: string) => nouns(text).filter((word) => !ELECTORATE.test(word));
    const named = elected(before);
    const thing = named.length ? named : elected(question.slice(at).replace(ASKS_ELECTOR, ''));
    return thing.length ? { kind: 'source', thing, object: [] } : undefined;
  }
  // 多少岁能当人大代表: the age of the thing named after the asking words.
  const thing = nouns(before).length || kind !== 'age' ? nouns(before)
    : nouns(question.slice(at).replace(ASKS_AGE, '').replace(/^(?:才|就)?(?:能|可以)?(?:当|做|成为)/u, ''));
  if (!thing.length) return undefined;
  if (kind === 'place') {
    if (/[，,？?；;]./u.test(question.trim())) return undefined;
    const act = taggedQuestion(question.slice(at).replace(ASKS_PLACE, ''), canonicalizer).find(({ tag }) => /^v/u.test(tag))?.word;
    if (act && TEXT_ACT.test(act)) return undefined;
    // 补办 as rules write it (办理), not any character of the act (开会: 会 of 大会).
    return { kind, thing, object: act ? [...new Set([act, act.replace(/^[补重再](?=\p{Script=Han})/u, '')])] : [] };
  }
  if (kind === 'concurrent') {
    const post = question.slice(at);
    const organ = ORGANS.find(([pattern]) => pattern.test(post));
    const object = organ ? organ[1] : nouns(after);
    return object.length ? { kind, thing, object } : undefined;
  }
  if (kind === 'deadline') {
    // The act without its direction (交给, 送到: 交, 送), as rules write it (交财政经济委员会).
    const act = taggedQuestion(after, canonicalizer).find(({ tag, word }) => /^v/u.test(tag) && word.length >= 2)?.word
      .replace(/^(\p{Script=Han})[给到上下来去出回]$/u, '$1');
    // The thing as the question writes it, one run of nouns (代表名单), must be named so in the rule.
    const run = adjacentRun(before, canonicalizer);
    return act && run ? { kind, thing: run, object: [act] } : undefined;
  }
  return { kind, thing, object: [] };
}

/**
 * The body whose members a question counts (主席团 of 人代会主席团一般有多少人; 人大常委会 of 组成人员多少人),
 * as the last noun before the count: a body's name, or its members after one.
 */
function countedBody(before: string, canonicalizer: Canonicalizer): AskedPredicate | undefined {
  const words = [...taggedQuestion(before, canonicalizer)];
  while (words.length && BEFORE_COUNT.test(words[words.length - 1].word)) words.pop();
  const last = words.at(-1);
  if (!last || !NOUN_TAG.test(last.tag)) return undefined;
  const body = isMember(last.word) ? words.at(-2) : last;
  if (!body || !NOUN_TAG.test(body.tag) || !BODY.test(body.word)) return undefined;
  // 人大常委会 as rules name it (常委会), 人大会议主席团 as 主席团.
  const thing = [...new Set([body.word, body.word.replace(/^(?:全国)?人大(?:会议)?/u, '')])].filter((w) => w.length >= 2);
  return { kind: 'members', thing, object: [] };
}

/** The longest run of adjacent nouns in a text (代表 名单 of 新一届代表名单). */
function adjacentRun(text: string, canonicalizer: Canonicalizer): string[] | undefined {
  let best: string[] = [];
  let run: string[] = [];
  for (const { word, tag } of taggedQuestion(text, canonicalizer)) {
    run = NOUN_TAG.test(tag) && !NO_THING.test(word) ? [...run, word] : [];
    if (run.join('').length > best.join('').length) best = run;
  }
  return best.join('').length >= 2 ? best : undefined;
}

// Posts of a body: a rule on its 组成人员 as a whole rules on each of them.
const POSTS = /^(?:副?主任|秘书长|副?主任委员|委员)$/u;

/**
 * The spellings of a word a rule may use: its class (钱: 经费), 组成人员 for a post of a body, 的 inside a
 * compound (人大的代表), a long name's head (人大常委会: 常委会). A word of one character (钱) is found only
 * as its longer kin: alone it is part of other words (金钱).
 */
function spellings(word: string): string[] {
  const kin = [...(CLASSES.find((members) => members.includes(word)) ?? [word]), ...(POSTS.test(word) ? ['组成人员'] : [])]
    .filter((w) => w.length >= 2);
  return kin.flatMap((w) => (w.length === 4 ? [w, `${w.slice(0, 2)}的${w.slice(2)}`] : w.length >= 5 ? [w, w.slice(-3)] : [w]));
}

// Most characters between two words of the thing (各专委会的主任委员: 的主任): farther, the second
// belongs to something else (常委会可以任免专委会的…委员: the committees' members, not the standing committee's).
const THING_GAP = 10;

/** Where the thing's words stand in order, each near the one before: the end of the last, or -1. */
function thingEnd(words: readonly string[], text: string): number {
  const from = (i: number, start: number, limit: number): number => {
    if (i === words.length) return start;
    for (const spelling of spellings(words[i])) {
      for (let at = text.indexOf(spelling, start); at >= 0 && at <= limit; at = text.indexOf(spelling, at + 1)) {
        const end = from(i + 1, at + spelling.length, at + spelling.length + THING_GAP);
        if (end >= 0) return end;
      }
    }
    return -1;
  };
  return from(0, 0, text.length);
}

/** Whether a word names members or posts of a body (委员, 组成人员, 副主任). */
const isMember = (word: string): boolean => POSTS.test(word) || CLASSES[0].includes(word);

/**
 * Whether a sentence states where the thing comes from. The thing is the subject, named whole
 * before the source (not 主席团 inside 由…主席团提名), and the source stands outside a time-limit
 * clause (到下届…产生新的专门委员会为止). Or a body is named before the source and its members after
 * the act (常务委员会由本级人民代表大会在代表中选举主任…和委员若干人组成, for 常委会的委员).
 */
function statesSource(thing: readonly string[], sentence: string): boolean {
  const plain = sentence.replace(UNTIL_CLAUSE, (clause) => ' '.repeat(clause.length));
  const source = STATES_SOURCE.exec(plain);
  if (!source) return false;
  const end = thingEnd(thing, sentence);
  if (end >= 0 && source.index >= end) return true;
  const [body, ...members] = thing;
  if (!members.length || !members.every(isMember)) return false;
  const bodyEnd = thingEnd([body], sentence);
  const after = sentence.slice(source.index + source[0].length).split(/[，,]/u)[0];
  return bodyEnd >= 0 && bodyEnd <= source.index && members.every((word) => spellings(word).some((w) => after.includes(w)));
}

/** Whether one sentence (canonical) states the predicate asked of the thing asked. */
export function statesPredicate(asked: AskedPredicate, sentence: string): boolean {
  // 代表名单 is not named by 代表候选人名单: the run's nouns stand together, at most 的 between them.
  if (asked.kind === 'deadline') {
    return new RegExp(asked.thing.join('的?'), 'u').test(sentence)
      && asked.object.every((act) => new RegExp(`${LIMIT}[^。；;]*?${act}(?!之日)`, 'u').test(sentence));
  }
  if (asked.kind === 'source') return statesSource(asked.thing, sentence);
  // 组成人员的名额:（三）…十五人至三十五人 (a list item read with its lead-in): the body named, and a headcount.
  if (asked.kind === 'members') return asked.thing.some((word) => sentence.includes(word)) && HEADCOUNT.test(sentence);
  // The age to be a deputy is the age of 被选举权 (年满十八周岁的公民…都有选举权和被选举权).
  if (asked.kind === 'age' && asked.thing.every((w) => DEPUTY.test(w)) && sentence.includes('被选举权')) return STATES_AGE.test(sentence);
  const end = thingEnd(asked.thing, sentence);
  if (end < 0) return false;
  switch (asked.kind) {
    case 'age':
      return STATES_AGE.test(sentence);
    case 'concurrent':
      return STATES_CONCURRENT.test(sentence) && asked.object.some((word) => sentence.includes(word));
    case 'place':
      return new RegExp(`${PLACE_BEFORE}(?:${asked.object.length ? asked.object.join('|') : ANY_PLACE_ACT})`, 'u').test(sentence);
    default:
      return false;
  }
}

/**
 * Whether any sentence of a text (raw; canonicalized here) states the predicate. Where a thing comes
 * from differs by level (选举法 第三条: the city's deputies by the congress below, the district's by
 * the voters): for a question naming its level (区人大代表是谁选的), only a sentence in a clause on
 * that level states it — not 全国人大的代表，由省…选举产生.
 */
export function textStatesPredicate(
  asked: AskedPredicate, text: string, canonicalizer: Canonicalizer = defaultEquivalences(), question?: string,
): boolean {
  const canonical = canonicalizer.apply(text);
  // A list item (（三）县…十五人至三十五人) counts what the line leading into it names (组成人员的名额：).
  const lines = canonical.split('\n').filter((line) => line.trim());
  const read = asked.kind === 'members' ? listLeadIns(lines).map((leadIn, i) => `${leadIn}${lines[i]}`).join('\n') : canonical;
  return sentencesStating(asked, read.match(SENTENCE) ?? [], question).includes(true);
}

/** Per sentence (canonical, in order), whether it states the predicate — in a clause on the level the question names. */
export function sentencesStating(asked: AskedPredicate, sentences: readonly string[], question?: string): boolean[] {
  const levelled = asked.kind === 'source' && question !== undefined && namedLevels(question).length > 0;
  const meant = levelled ? meantClauses(question, sentences) : sentences.map(() => true);
  return sentences.map((sentence, i) => meant[i] && statesPredicate(asked, sentence));
}

/**
 * For a question asking a predicate of a thing: the passages unchanged when the first states it;
 * else the first other that does, moved to the front; else `unstated`. `levelled`: only a clause on
 * the level the question names states it (textStatesPredicate).
 */
export function predicateQuote(
  question: string, passages: readonly ScoredPassage[], canonicalizer: Canonicalizer = defaultEquivalences(), levelled = false,
): CheckedQuote {
  const asked = askedPredicate(question, canonicalizer);
  if (!asked || !passages.length) return { passages };
  return firstStating(passages, ({ passage }) => textStatesPredicate(asked, passage.text, canonicalizer, levelled ? question : undefined));
}
