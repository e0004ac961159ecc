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
  const weights = words.map((word) => idf(word));
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (!total) return 0;
  let best = 0;
  for (const clause of body.replace(ARTICLE_LABEL, '').match(CLAUSE) ?? []) {
    // A word that starts within the opening counts, even if it runs past it.
    const opening = clause.trimStart().replace(LEVEL_QUALIFIER, '').slice(0, OPENING_CHARS + 4);
    let found = 0;
    words.forEach((word, i) => {
      const at = opening.indexOf(word);
      if (at >= 0 && at < OPENING_CHARS) found += weights[i];
    });
    if (found / total > best) best = found / total;
  }
  return best;
}

// 本法第三十一条规定的最高差额比例, 依照第二十条第二款规定的期限: an article number, then the borrowed term.
const REFERENCE = /(?:本法|本规则|本条例|本办法)?第([一二三四五六七八九十百零\d]+)条(?:第[一二三四五六七八九十]+款)?(?:所)?(?:规定|确定|列举|列)的([^，。；、：]{1,16})/gu;

// How far into the text after 规定的 a question word may start and still be the borrowed term.
const BORROWED_TERM_START = 4;

/** An article's own number label (第三十一条) from its text or location; undefined for a non-article passage. */
export function articleLabel(passage: { text: string; location: string }): string | undefined {
  const own = /^\s*第([一二三四五六七八九十百千零\d]+)条/u.exec(passage.text) ?? /第([一二三四五六七八九十百千零\d]+)条\s*$/u.exec(passage.location);
  return own?.[1];
}

/** The article numbers a passage cites for a term that holds one of the question's words. */
export function referencesFor(words: readonly string[], text: string): string[] {
  const cited: string[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    // The borrowed term is the noun right after 规定的; a word further on is what the citing article does with it.
    if (words.some((word) => { const at = match[2].indexOf(word); return at >= 0 && at < BORROWED_TERM_START; })) cited.push(match[1]);
  }
  return cited;
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
  const labels = new Map<string, Set<string>>();
  for (const { passage } of candidates) {
    const own = articleLabel(passage);
    if (!own) continue;
    let set = labels.get(passage.doc);
    if (!set) labels.set(passage.doc, set = new Set());
    set.add(own);
  }
  const cited = new Map<string, Set<string>>();
  const borrows = candidates.map(({ passage }) => {
    const present = referencesFor(words, passage.text).filter((number) => labels.get(passage.doc)?.has(number));
    for (const number of present) {
      let set = cited.get(passage.doc);
      if (!set) cited.set(passage.doc, set = new Set());
      set.add(number);
    }
    return present.length > 0;
  });
  return candidates.map(({ passage }, i) => {
    const own = articleLabel(passage);
    if (own && cited.get(passage.doc)?.has(own)) return 1;
    return borrows[i] ? -1 : 0;
  });
}
