/**
 * The lead sentence of an extractive answer: the one sentence of the best passage that says
 * most of what was asked (its rarest terms, the expected kind of answer, the doer a who-question
 * asks for), lifted word for word.
 */
import { answerTypeMatch, expectedAnswerTypes } from '../answer-types.ts';
import { askedAct } from './asked-act.ts';
import { LIST_ITEM, askedFigure, listLeadIns, statesAskedFigure } from './asked-figure.ts';
import { withoutIndefiniteFew } from './indefinite-few.ts';
import { askedPredicate, sentencesStating } from './asked-predicate.ts';
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import { hasInstruction } from '../ranking/instruction-cue.ts';
import { coverage, questionTerms } from '../ranking/question-terms.ts';
import { askedThing, questionActor } from '../ranking/verb-object.ts';
import { clauseLevelFactors } from './sentence-level.ts';

// Sentences end at 。！？ and at ； (a rule's clauses are often whole answers), and at line breaks.
const SENTENCE = /[^。！？；\n]+[。！？；]?/g;
const ARTICLE_LABEL = /^\s*第[一二三四五六七八九十百千零\d]+条\s*/;
/** Longest lead sentence; a longer one is cut at a comma near this length. */
const MAX_CHARS = 160;

/** The sentences of a passage, without article labels and without instructions to the assistant. */
export function sentencesOf(text: string): string[] {
  return (text.match(SENTENCE) ?? [])
    .map((s) => s.replace(ARTICLE_LABEL, '').replace(/^[#\s]+/, '').trim())
    .filter((s) => s.length >= 4 && !hasInstruction(s));
}

// Where the subject of a rule's first sentence ends: its first modal or verb of ruling.
const SUBJECT_END = /应当|可以|不得|必须|须|应|由|是|每|一般|在|对|经/;

/** The subject a rule's sentence opens with: the words before its first modal or verb of ruling, when no comma comes first. */
function subjectOf(sentence: string, longest: number): string {
  const end = sentence.search(SUBJECT_END);
  return end >= 2 && end <= longest && !/[，,：:]/.test(sentence.slice(0, end)) ? sentence.slice(0, end) : '';
}

/**
 * The subject of a passage's first sentence (常务委员会组成人员 in …应当出席会议), which the
 * sentences after it leave unsaid (因病…不能出席的，应当…请假): Chinese drops a subject it has
 * already named, so later sentences are read with it. Empty when the first sentence has none.
 */
function leadingSubject(first: string | undefined): string {
  return first ? subjectOf(first, 24) : '';
}

/**
 * Whether a later sentence names a subject of its own, another than the first sentence's
 * (自治条例和单行条例报经批准后… after a first sentence on 地方性法规): then that subject is not lent
 * to it. The first's subject shortened (常务委员会会议 after 全国人民代表大会常务委员会会议) is the same one.
 */
function hasOtherSubject(sentence: string, lead: string): boolean {
  const own = subjectOf(sentence, 40);
  return own !== '' && !lead.endsWith(own);
}

/**
 * How much a question term tells one sentence of the passage from the others: an idf over the
 * passage's sentences and headings, highest for a term one sentence alone holds. Terms the
 * whole article shares (常委会, 组成人员 in an article on members attending) are its topic; the
 * one only the answering clause holds (请假) is what was asked.
 */
function distinctiveness(sentences: readonly string[], context: string): (term: string) => number {
  const parts = context ? [...sentences, context] : sentences;
  return (term) => {
    const holding = parts.reduce((n, s) => n + (s.includes(term) ? 1 : 0), 0);
    return Math.log(1 + parts.length / Math.max(1, holding));
  };
}

// Bonus of a later sentence whose own subject is the thing the question names.
const SUBJECT_BONUS = 0.3;
// The shortest name counted: two words or more (正式代表…); one word (预备会议) names a topic the question may ask anything of.
const SUBJECT_NAME = 6;

/**
 * Whether a sentence is about the very thing asked: its own subject opens with a name of at least
 * SUBJECT_NAME characters the question holds, it is not the article's topic (the first sentence's
 * subject), and it holds every question word the article holds. 正式代表候选人名单要提前几天公布:
 * 正式代表候选人名单…应当在选举日的七日以前公布, not the sentence before it, which holds the same
 * words but publishes the 代表候选人名单 (十五日以前) and only then settles the 正式 one.
 */
function opensWithAsked(sentence: string, question: string, topic: string, held: readonly string[]): boolean {
  const subject = subjectOf(sentence, 40);
  return subject.length >= SUBJECT_NAME && question.includes(subject.slice(0, SUBJECT_NAME)) && !(topic && subject.startsWith(topic))
    && held.every((word) => sentence.includes(word));
}

/** Longest lead-in line put before a list item (代表有下列情形之一的，其代表资格终止：). */
const MAX_LEAD_IN = 48;

/**
 * A list item with the line leading into the list, which says what the item is a case of:
 * （一）…迁出或者调离本行政区域的 alone states no consequence; 代表有下列情形之一的，其代表资格终止：（一）… does.
 */
function withLeadIn(sentence: string, leadIn: string | undefined): string {
  const line = leadIn?.replace(ARTICLE_LABEL, '').trim();
  return line && LIST_ITEM.test(sentence) && line.length <= MAX_LEAD_IN ? `${line}${sentence.trim()}` : sentence;
}

/**
 * The sentence of `text` that best answers the question, ended with its citation: `…一次[1]。`.
 * `weight` is a term's rarity in the index, `context` the passage's headings. Undefined when the
 * passage holds no usable sentence.
 */
export function leadSentence(
  question: string, text: string, citation: number,
  weight: (word: string) => number = () => 1, canonicalizer: Canonicalizer = defaultEquivalences(), context = '',
): string | undefined {
  const terms = questionTerms(question, canonicalizer);
  const types = expectedAnswerTypes(question);
  const sentences = sentencesOf(text);
  const subject = leadingSubject(sentences.map((s) => canonicalizer.apply(s))[0]);
  // Each later sentence carries the subject the first one named and it leaves unsaid.
  const canonical = sentences.map((s, i) => {
    const text = canonicalizer.apply(s);
    return i > 0 && subject && !text.includes(subject) && !hasOtherSubject(text, subject) ? `${subject}${text}` : text;
  });
  const local = distinctiveness(canonical, canonicalizer.apply(context));
  const level = clauseLevelFactors(question, canonical, askedThing(canonicalizer.apply(question)));
  // 由谁召集: the sentence naming who does it (会议由主任召集), not its neighbour holding the verb alone (可以临时召集会议).
  const asked = questionActor(question);
  // 多少人次选民: the sentence stating that figure of that thing, not another thing's 人次.
  const figure = askedFigure(withoutIndefiniteFew(question), canonicalizer);
  // 主任能不能兼任法院院长: the sentence ruling on that act (不得担任…的职务), not the one naming 主任.
  const act = askedAct(question, canonicalizer)?.verb;
  // 选民登记的年龄要求: the sentence stating an age of 选民登记 (新满十八周岁), not its first one.
  const predicate = askedPredicate(question, canonicalizer);
  let best: string | undefined;
  let bestAt = -1;
  let bestScore = -1;
  // The question's words the article holds: a sentence holding all of them says all it can.
  const held = terms.words.filter((w) => canonical.some((s) => s.includes(w)));
  // A list item states a figure of what its lead-in line names (组成人员的名额：…（三）…十五人至三十五人).
  const leadIns = figure ? listLeadIns(sentences) : [];
  const stating = sentences.map((sentence, i) => figure !== undefined && statesAskedFigure(figure, sentence, { canonicalizer, heading: leadIns[i] ? `${context}\n${leadIns[i]}` : context }));
  // 多少人: when a sentence states the figure asked, the lead is one that does.
  const anyStating = stating.includes(true);
  // 从哪里产生, 年龄, 最晚…公布: likewise, when a sentence states the predicate asked, the lead is one that does.
  const predicating = predicate ? sentencesStating(predicate, canonical, question) : sentences.map(() => false);
  const anyPredicating = predicating.includes(true);
  sentences.forEach((sentence, i) => {
    if ((anyStating && !stating[i]) || (anyPredicating && !predicating[i])) return;
    const match = coverage(terms.words, canonical[i], (w) => weight(w) * local(w)) + (opensWithAsked(canonical[i], terms.text, subject, held) ? SUBJECT_BONUS : 0) +
      0.5 * coverage(terms.bigrams, canonical[i], local) + 0.4 * answerTypeMatch(types, sentence) +
      (asked?.pattern.test(canonical[i]) ? 0.4 : 0) + (stating[i] ? 0.4 : 0) +
      (act && canonical[i].includes(act) ? 0.4 : 0);
    // In an article ruling on several levels, a clause of another level than the one meant counts half.
    const score = match * (level?.[i] ?? 1) - 0.02 * i;
    if (score > bestScore) {
      best = sentence;
      bestAt = i;
      bestScore = score;
    }
  });
  if (!best) return undefined;
  let sentence = withLeadIn(best, listLeadIns(sentences)[bestAt]).replace(/[。；，：:;,]+$/, '');
  if (sentence.length > MAX_CHARS) {
    const cut = sentence.lastIndexOf('，', MAX_CHARS);
    sentence = (cut > 40 ? sentence.slice(0, cut) : sentence.slice(0, MAX_CHARS)) + '……';
  }
  return `${sentence}[${citation}]。`;
}
