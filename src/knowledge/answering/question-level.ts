/**
 * The level of the people's congress a question names (全国人大常委会, 省人大, 县级, 乡镇, 区人大)
 * against the level the quoted document is about. A district's rules do not answer how often
 * the national standing committee meets, even when they say how often the district's does: the
 * rules of each level differ in their figures (联名 three members here, ten there), so a quote
 * from another level is a wrong answer that looks right. The answer then says which level the
 * documents hold instead of quoting it.
 */

/** A level of the people's congresses and governments. */
export type Level = '全国' | '省' | '市' | '县' | '乡' | '区';

// How a question (or a passage) names a body of one level. 县级以上 names several levels, not one.
const NAMED_LEVELS: ReadonlyArray<readonly [Level, RegExp]> = [
  ['全国', /全国(?:人大|人民代表大会)/u],
  ['省', /省(?:人大|人民代表大会|级(?!以上|以下)|政府|委)|自治区(?:人大|人民代表大会)/u],
  ['市', /(?<![城都超])市(?:人大|人民代表大会|级(?!以上|以下)|政府|委)|设区的市/u],
  ['县', /县(?:人大|人民代表大会|级(?!以上|以下)|政府|委)/u],
  ['乡', /(?:乡|镇)(?:人大|人民代表大会|级(?!以上|以下)|政府)|乡镇/u],
  // 咱们区, 我区, 全区: the office's own district, as staff name it in chat.
  ['区', /(?<!市辖|自治|行政|社)区(?:人大|人民代表大会|级(?!以上|以下)|政府|委)|本区|(?:咱们|我们|我|全)区/u],
];

// How a document's title says which level it is about; a title naming 各级 is about them all.
const TITLE_LEVELS: ReadonlyArray<readonly [Level, RegExp]> = [
  ['全国', /全国(?:人大|人民代表大会)|国务院/u],
  ['省', /省(?:人大|人民代表大会|政府|第)/u],
  ['市', /市(?:人大|人民代表大会|政府|第)/u],
  ['县', /县(?:人大|人民代表大会|政府|第)/u],
  ['乡', /(?:乡|镇)(?:人大|人民代表大会|政府|第)/u],
  ['区', /区(?:人大|人民代表大会|政府|第)/u],
];

/** The levels a text names a body of (both 市 and 区 in 市人大代表能列席区人大常委会会议吗). */
export function namedLevels(text: string): Level[] {
  return NAMED_LEVELS.filter(([, pattern]) => pattern.test(text)).map(([level]) => level);
}

/** The one level a document is about, from its title; undefined for a law of all levels (各级) or none named. */
function documentLevel(title: string): Level | undefined {
  if (title.includes('各级')) return undefined;
  return TITLE_LEVELS.find(([, pattern]) => pattern.test(title))?.[0];
}

/** What a quoted passage needs for the level check: its document's title and its own words. */
export interface LevelledPassage {
  readonly title: string;
  readonly context: string;
  readonly text: string;
}

/**
 * The level a question names and the other level the passage is about, when they differ: the
 * question names a level, the passage's document is about one the question does not name, and
 * the passage itself names none of the question's (本区的市人民代表大会代表 answers a question
 * about 市人大代表). Undefined when they agree or either says nothing of a level.
 */
export function levelMismatch(question: string, passage: LevelledPassage): { asked: Level; held: Level } | undefined {
  const asked = namedLevels(question);
  const held = otherLevel(asked, passage.title);
  if (!held) return undefined;
  const mentioned = namedLevels(`${passage.context}\n${passage.text}`);
  return asked.some((level) => mentioned.includes(level)) ? undefined : { asked: asked[0], held };
}

/** The level of a document's title when the question names levels and not that one. */
function otherLevel(asked: readonly Level[], title: string): Level | undefined {
  const held = documentLevel(title);
  return asked.length && held && !asked.includes(held) ? held : undefined;
}

/**
 * The passages whose documents are about another level than the question names moved after the
 * rest, in order otherwise: for 县人大常委会会议多久开一次 the law of all levels comes before the
 * district's own rules. A passage of another level that mentions the asked one (本区的市人民代表大会
 * 代表) still moves: it is quoted only when nothing else is left, where the decision reads it.
 */
export function askedLevelFirst<T extends { readonly passage: LevelledPassage }>(question: string, passages: readonly T[]): T[] {
  const asked = namedLevels(question);
  if (!asked.length) return passages.slice();
  const other = (hit: T) => otherLevel(asked, hit.passage.title) !== undefined;
  return [...passages.filter((hit) => !other(hit)), ...passages.filter(other)];
}

// The national congress's own rules: its organic law, its standing committee's rules of procedure.
const NATIONAL_CONGRESS = /全国(?:人大|人民代表大会)/u;

/**
 * The title of a national congress document quoted for a question that names no level, when the
 * question does not speak of the national congress itself (委员长, 全国…): a district office
 * asking 代表联名提出议案需要多少人 gets the national figure (三十名), and its own level's may differ.
 * Undefined otherwise (a law of all levels, a report, a question naming its level).
 */
export function nationalRuleTitle(question: string, title: string): string | undefined {
  if (namedLevels(question).length || /委员长|全国|国务院/u.test(question)) return undefined;
  return documentLevel(title) === '全国' && NATIONAL_CONGRESS.test(title) ? title : undefined;
}
