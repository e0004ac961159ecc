/**
 * Level cue: a question about the district's own congress (区人大, 区人大常委会, 区长) is
 * answered by the rules for local congresses, one about 全国人大 by the national ones. Staff
 * say the level in a word the documents rarely repeat, and every passage of the national
 * laws carries 全国人民代表大会 in its title, so lexical overlap alone often serves the wrong
 * level. A passage of the other level gets no bonus when the list is re-ordered.
 */

/** Which level of people's congress a question or passage is about. */
export type Scope = 'national' | 'local';

// 全国人大, 全国人代会, 委员长会议: the national congress and its standing committee.
const NATIONAL_QUESTION = /全国|委员长/;
// 区人大, 县人大常委会, 乡镇人大, 市政府, 区长, 主任会议, 地方: a local level.
const LOCAL_QUESTION = /(?:区|县|乡|镇|街道|市|省|地方|本级)(?:级)?(?:的)?(?:人大|人代会|人民代表大会|常委会|常务委员会|政府|人民政府|监委|法院|检察院)|区长|县长|乡长|镇长|市长|主任会议|乡镇|街道/;

/** The level a question asks about, if it names one (national wins when both appear). */
export function questionScope(question: string): Scope | undefined {
  if (NATIONAL_QUESTION.test(question)) return 'national';
  if (LOCAL_QUESTION.test(question)) return 'local';
  return undefined;
}

// Text of rules for local congresses: 地方各级, 县级以上, 乡、民族乡、镇, 主任会议 …
const LOCAL_PASSAGE = /地方各级|县级|乡、民族乡、镇|自治州|设区的市|市辖区|主任会议|省、自治区、直辖市|本级人民代表大会/;
const NATIONAL_PASSAGE = /全国人民代表大会|委员长/;

/**
 * The level a passage speaks of: from its text first (laws like the supervision law cover
 * both), then from its document's title (every article of the NPC organic law is national, every
 * passage of a district's own rules or summary local).
 */
export function passageScope(title: string, text: string): Scope | undefined {
  return passageLevel(title, text).own;
}

/** A passage's own level (`passageScope`), and whether its text rules on both levels. */
export interface PassageLevel {
  readonly own: Scope | undefined;
  /** Both levels named (全国…；县级以上的地方各级…): the clauses that answer decide. */
  readonly both: boolean;
}

// The four levels a passage may have (one object each: a passage's level costs no allocation).
const LOCAL: PassageLevel = { own: 'local', both: false };
const NATIONAL: PassageLevel = { own: 'national', both: false };
const BOTH: PassageLevel = { own: undefined, both: true };
const NEITHER: PassageLevel = { own: undefined, both: false };

/** `passageScope` of a passage, and whether it rules on both levels: read once per passage. */
export function passageLevel(title: string, text: string): PassageLevel {
  const local = LOCAL_PASSAGE.test(text);
  const national = NATIONAL_PASSAGE.test(text);
  if (local && !national) return LOCAL;
  if (national && !local) return NATIONAL;
  if (local && national) return BOTH;
  // 地方各级…组织法, and the district's own documents (区人大常委会议事规则, …工作总结).
  if (/地方各级|(?:区|县|乡|镇|街道)(?:人大|人民代表大会)/.test(title)) return LOCAL;
  if (/^(?:中华人民共和国)?全国人民代表大会/.test(title)) return NATIONAL;
  return NEITHER;
}

// The same in the canonical spelling clauses are compared in (人民代表大会 → 人大).
const LOCAL_CLAUSE = /地方各级|县级|乡、民族乡、镇|自治州|设区的市|市辖区|主任会议|省、自治区、直辖市|本级人大/;
const NATIONAL_CLAUSE = /全国人大|全国人民代表大会|委员长/;

/** The level one (canonical) clause names: 全国… national, 县级以上的地方各级… local; neither or both: none. */
export function clauseLevel(clause: string): Scope | undefined {
  const local = LOCAL_CLAUSE.test(clause);
  const national = NATIONAL_CLAUSE.test(clause);
  return local === national ? undefined : local ? 'local' : 'national';
}

/**
 * The level of the rule a passage gives in answer: its own level, or — when it rules on both
 * levels (全国人民代表大会会议期间…；县级以上的地方各级人民代表大会代表…) — the level every
 * clause that answers the question names (none when they differ or one names none).
 */
export function answerLevel(title: string, text: string, answeringClauses: readonly string[]): Scope | undefined {
  const level = passageLevel(title, text);
  return level.both ? sharedLevel(answeringClauses.map(clauseLevel)) : level.own;
}

/** The one level all of `levels` are (undefined when they differ, or there are none). */
export function sharedLevel(levels: ReadonlyArray<Scope | undefined>): Scope | undefined {
  return levels.length && levels.every((level) => level === levels[0]) ? levels[0] : undefined;
}

/** 1 when a passage (of level `level`) may be of the level asked about (or no level is asked), 0 when it is of the other. */
export function scopeMatch(scope: Scope | undefined, level: Scope | undefined): number {
  if (!scope) return 1;
  return level && level !== scope ? 0 : 1;
}

/**
 * 1 when the question names no level and the passage is of the local one. The assistant serves
 * a district office: staff asking 常委会表决要多少票 without a level mean their own, local
 * congress, whose rules the national ones mirror almost word for word.
 */
export function localByDefault(scope: Scope | undefined, level: Scope | undefined): number {
  return !scope && level === 'local' ? 1 : 0;
}

// A rule of the office's own congress body: 某区人民代表大会常务委员会议事规则, XX县人大常委会代表建议办理办法.
const OWN_RULE_TITLE = /(?:区|县|街道|乡|镇)(?:人民代表大会|人大)\S*(?:规则|办法|制度|规定|细则|条例)$/u;

/**
 * 1 when a question asks about practice (a rule question naming no law: `practice`) at no
 * national level and the passage is of the office's own rules. Staff asking 议案最晚开会前几天交
 * mean their own committee's practice (十五日), which the national rules state in nearly the same
 * words with other figures; a question naming a law (根据代表法…) or 全国人大 asks for that text.
 */
export function ownRule(scope: Scope | undefined, practice: boolean, title: string): number {
  return practice && scope !== 'national' && OWN_RULE_TITLE.test(title.replace(/\s+/g, '')) ? 1 : 0;
}
