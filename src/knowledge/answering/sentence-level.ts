/**
 * Which clause of an article that rules on several levels of congress a person means. The
 * election law's 第五十五条 gives the national and provincial deputies' way to resign, then
 * the county's (县级的人民代表大会代表可以向本级…); a district office asking 代表辞职怎么办
 * means its own level, one asking 全国人大代表辞职 the national one. The question's level is
 * read by the ranking's cue (scope-cue.ts); this reads the article clause by clause.
 */
import { questionScope } from '../ranking/scope-cue.ts';

// A clause that rules on a district's (county-level) congress: 县级, 县级以上的地方各级,
// 地方各级, 县、自治县、不设区的市、市辖区. Not 本级: it names the level of the clause it stands
// in (乡、民族乡、镇的人大…由主席团…召集下一次的本级人大会议), whichever that is.
const COUNTY_CLAUSE = /县级|地方各级|市辖区|自治县|区人大|县人大/;
// A clause on the national congress.
const NATIONAL_CLAUSE = /全国人大|全国人民代表大会|委员长/;
// A clause on a level other than the district's: national, provincial, prefectural, township.
const OTHER_CLAUSE = /全国人大|全国人民代表大会|委员长|省、自治区、直辖市|设区的市|自治州|乡级|乡、民族乡、镇/;
// A question naming a local level other than the district's (省人大代表, 乡镇人大).
const OTHER_LOCAL_QUESTION = /省|自治区|直辖市|设区的市|自治州|乡|镇/;
// A question naming the city's congress (市人大代表, 市级), and the clauses ruling on it.
const CITY_QUESTION = /(?<![城都超])市(?:人大|人民代表大会|级(?!以上|以下))/u;
const CITY_CLAUSE = /(?<!不)设区的市|直辖市/u;

/** Weight a sentence's score is multiplied by when it rules on another level than the one meant. */
const OTHER_LEVEL_FACTOR = 0.5;

/**
 * Per sentence, 1 when it rules on the level the question means (or on none yet), a half when
 * it rules on another; undefined when the article does not rule on the district's level and
 * another in different sentences (then the level decides nothing). A sentence naming no level
 * (常务委员会接受辞职，须经…) continues the clause before it. `thing` is the word the question
 * asks about (法规 in 地方性法规由谁公布): when only clauses of other levels rule on it, the level
 * decides nothing either — the meant level's clause is about something else (立法法 第八十八条's
 * 自治县 clause is on 自治条例, and a county makes no 地方性法规).
 */
export function clauseLevelFactors(question: string, canonicalSentences: readonly string[], thing?: string): number[] | undefined {
  if (!rulesOnSeveralLevels(canonicalSentences)) return undefined;
  const factors = meantClauses(question, canonicalSentences).map((meant) => (meant ? 1 : OTHER_LEVEL_FACTOR));
  const ruledOn = (factor: number) => canonicalSentences.some((s, i) => factors[i] === factor && s.includes(thing!));
  return thing && ruledOn(OTHER_LEVEL_FACTOR) && !ruledOn(1) ? undefined : factors;
}

/**
 * Per sentence, whether it stands in a clause on the level the question means (a sentence before
 * any clause naming a level does too); a sentence naming no level continues the clause before it.
 */
export function meantClauses(question: string, canonicalSentences: readonly string[]): boolean[] {
  const meant = meantLevel(question);
  let clause = '';
  return canonicalSentences.map((s) => {
    if (COUNTY_CLAUSE.test(s) || OTHER_CLAUSE.test(s)) clause = s;
    return !clause || meant(clause);
  });
}

/** Whether an article rules on the district's (county) level and another in different sentences. */
export function rulesOnSeveralLevels(canonicalSentences: readonly string[]): boolean {
  return canonicalSentences.some((s) => COUNTY_CLAUSE.test(s)) && canonicalSentences.some((s) => OTHER_CLAUSE.test(s) && !COUNTY_CLAUSE.test(s));
}

/** Whether a clause rules on the level the question means. */
function meantLevel(question: string): (clause: string) => boolean {
  if (questionScope(question) === 'national') return (s) => NATIONAL_CLAUSE.test(s);
  // 乡镇人大 is ruled on as 乡级 / 乡、民族乡、镇; 省人大 as 省、自治区、直辖市.
  const named = OTHER_LOCAL_QUESTION.exec(question)?.[0];
  if (named) return (s) => s.includes(named === '镇' ? '乡' : named);
  // 市人大 as a district's staff name their city's (a 设区的市 or a 直辖市), never 不设区的市.
  if (CITY_QUESTION.test(question)) return (s) => CITY_CLAUSE.test(s);
  // No level named, or the district's own (区人大, 县级): the clause for a county-level congress.
  return (s) => COUNTY_CLAUSE.test(s);
}
