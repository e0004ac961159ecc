/**
 * Cues from how a law's articles are written, for telling neighbouring articles apart.
 *
 * - Topic position: a Chinese legal sentence names what it rules on first (街道办事处在本辖区内
 *   办理…, 质询案必须写明…); a neighbour that mentions the same thing in passing names it later,
 *   as one item of a list of bodies or as a condition. The article whose sentence opens with
 *   the question's terms is the one about them.
 * - Cross-references: an article that uses a term "by reference" (本法第三十一条规定的最高差额比例)
 *   borrows it from the article it cites; that one states the rule, the citing one applies it.
 */
import { HeldTerms, WeightedTerms } from './weighted-terms.ts';

/** An article's label (第十条) before its first sentence. */
export const ARTICLE_LABEL = /^\s*第[一二三四五六七八九十百千零\d]+条\s*/u;
/** Sentences and semicolon clauses of a rule. */
export const CLAUSE = /[^。；！？\n]+/gu;
// A clause opening: the stretch of text that names what a sentence rules on.
const OPENING_CHARS = 10;
// The level a body is of (全国, 县级以上的地方各级, 乡、民族乡、镇的) qualifies the subject; it is not the topic.
const LEVEL_QUALIFIER = /^(?:全国|县级以上的|(?:地方)?各级|本级|(?:省|自治区|直辖市|自治州|设区的市|县|自治县|不设区的市|市辖区|乡|民族乡|镇)[、和]?)+的?/u;

/**
 * The largest rarity-weighted share of the question's words that the opening of one clause of
 * the (canonical) passage body holds: 1 when a clause opens with every one of them.
 */
export function topicPosition(words: readonly string[], body: string, idf: (term: string) => number): number {
  return topicPositionIn({ openings: clauseOpenings(body) }, HeldTerms.all(WeightedTerms.of(words, idf)));
}

/** The opening of each clause of a (canonical) passage body: the stretch that names what it rules on. */
export function clauseOpenings(body: string): string[] {
  // A word that starts within the opening counts, even if it runs past it.
  return (body.replace(ARTICLE_LABEL, '').match(CLAUSE) ?? [])
    .map((clause) => clause.trimStart().replace(LEVEL_QUALIFIER, '').slice(0, OPENING_CHARS + 4));
}

/**
 * `topicPosition` over a body's clause openings, of the question's words `words` holds (those the
 * body holds: an opening is part of the body, so no other word can be in one).
 */
export function topicPositionIn(body: { readonly openings: readonly string[] }, words: HeldTerms): number {
  const { total } = words.terms;
  // No word in the body: none in an opening either (and the openings need not be cut).
  if (!total || !words.count) return 0;
  let best = 0;
  for (const opening of body.openings) {
    let found = 0;
    for (let k = 0; k < words.count; k++) {
      const at = opening.indexOf(words.item(k));
      if (at >= 0 && at < OPENING_CHARS) found += words.weight(k);
    }
    if (found / total > best) best = found / total;
  }
  return best;
}

// 本法第三十一条规定的最高差额比例, 依照第二十条第二款规定的期限: an article number, then the borrowed term.
const REFERENCE = /(?:本法|本规则|本条例|本办法)?第([一二三四五六七八九十百零\d]+)条(?:第[一二三四五六七八九十]+款)?(?:所)?(?:规定|确定|列举|列)的([^，。；、：]{1,16})/gu;

// What every reference holds (第…条, maybe 第…款 and 所, then 规定, 确定 or 列): tested first, it is cheaper than a search.
const REFERENCE_HINT = /条(?:第[一二三四五六七八九十]+款)?(?:所)?(?:规定|确定|列)/u;

// How far into the text after 规定的 a question word may start and still be the borrowed term.
const BORROWED_TERM_START = 4;

/** An article's own number label (第三十一条) from its text or location; undefined for a non-article passage. */
export function articleLabel(passage: { text: string; location: string }): string | undefined {
  const own = /^\s*第([一二三四五六七八九十百千零\d]+)条/u.exec(passage.text) ?? /第([一二三四五六七八九十百千零\d]+)条\s*$/u.exec(passage.location);
  return own?.[1];
}

/** A reference to another article: its number (三十一) and the term borrowed from it (最高差额比例…). */
export interface ArticleReference {
  readonly number: string;
  readonly term: string;
}

/** Every reference a passage text makes to an article by number, for a term (whichever the question). */
export function articleReferences(text: string): ArticleReference[] {
  const references: ArticleReference[] = [];
  if (!REFERENCE_HINT.test(text)) return references; // most passages cite no article: no match list for them
  for (const match of text.matchAll(REFERENCE)) references.push({ number: match[1], term: match[2] });
  return references;
}

/** The article numbers a passage cites for a term that holds one of the question's words. */
export function referencesFor(words: readonly string[], text: string): string[] {
  return citedFor(words, articleReferences(text));
}

/** The numbers of the references whose borrowed term holds one of `words`. */
function citedFor(words: readonly string[], references: readonly ArticleReference[]): string[] {
  const cited: string[] = [];
  for (const { number, term } of references) {
    // The borrowed term is the noun right after 规定的; a word further on is what the citing article does with it.
    if (words.some((word) => { const at = term.indexOf(word); return at >= 0 && at < BORROWED_TERM_START; })) cited.push(number);
  }
  return cited;
}

/** What the cross-reference cue reads of a candidate: its document, its own label, its references. */
export interface ArticleFacts {
  readonly doc: string;
  readonly label: string | undefined;
  readonly references: readonly ArticleReference[];
}

/**
 * For each candidate: 1 when another candidate of the same document cites it for one of the
 * question's terms (it states what the citing article borrows), -1 when it borrows the term from
 * an article that is among the candidates too (the one to read instead), else 0. A citing
 * article whose source is not at hand keeps its place: it may be the best there is.
 */
export function crossReference(
  words: readonly string[], candidates: ReadonlyArray<{ passage: { doc: string; text: string; location: string } }>,
): number[] {
  return crossReferenceAmong(words, candidates.map(({ passage }) =>
    ({ doc: passage.doc, label: articleLabel(passage), references: articleReferences(passage.text) })));
}

/** `crossReference` of candidates already read (labels and references found once per passage). */
export function crossReferenceAmong(words: readonly string[], candidates: readonly ArticleFacts[]): number[] {
  const none = candidates.map(() => 0);
  // Most heads of a list cite no article at all: then nothing is cited and nothing borrowed.
  if (!candidates.some(({ references }) => references.length)) return none;
  const labels = new Map<string, Set<string>>();
  for (const { doc, label } of candidates) {
    if (!label) continue;
    let set = labels.get(doc);
    if (!set) labels.set(doc, set = new Set());
    set.add(label);
  }
  const cited = new Map<string, Set<string>>();
  const borrows = candidates.map(({ doc, references }) => {
    const present = citedFor(words, references).filter((number) => labels.get(doc)?.has(number));
    for (const number of present) {
      let set = cited.get(doc);
      if (!set) cited.set(doc, set = new Set());
      set.add(number);
    }
    return present.length > 0;
  });
  return candidates.map(({ doc, label }, i) => {
    if (label && cited.get(doc)?.has(label)) return 1;
    return borrows[i] ? -1 : 0;
  });
}
