/**
 * Document cue: staff name the document they mean — 选举法, 议事规则, 北京, 24年的报告 — in a word
 * that is in its title but seldom in its passages. A passage of a document the question names
 * gets a bonus when the list is re-ordered. Only names are used (a law's short name, a city,
 * a year), never the title's common words (人民代表大会, 政府, 报告), which name every document.
 */

// 选举法, 监督法, 立法法, 组织法, 代表法, 议事规则: the short name a law's title ends with.
const SHORT_NAME = /(选举法|监督法|立法法|组织法|代表法|预算法|议事规则|[\p{Script=Han}]{2}法)$/u;
const CITY = /([\p{Script=Han}]{2})市/gu;
const YEAR = /(?<!\d)(20\d\d)(?!\d)/g;

/** The names a document's title (or file name) goes by. */
export function documentNames(title: string): string[] {
  const names = new Set<string>();
  const flat = title.replace(/\s+/g, '');
  const short = SHORT_NAME.exec(flat.replace(/[（(].*$/, ''));
  if (short) names.add(short[1]);
  for (const m of flat.matchAll(CITY)) names.add(m[1]);
  for (const m of flat.matchAll(YEAR)) names.add(m[1]);
  return [...names];
}

/** The question with two-digit years written out (24年 → 2024年), as staff abbreviate them. */
function expandYears(question: string): string {
  return question.replace(/(?<![\d])([0-3]\d)年/g, '20$1年');
}

/** Names (from the given set) the question mentions. */
export function namesInQuestion(question: string, known: ReadonlySet<string>): string[] {
  const text = expandYears(question);
  return [...known].filter((name) => text.includes(name));
}

/** The years (2025) a question mentions, two-digit ones written out. */
export function yearsInQuestion(question: string): string[] {
  return [...new Set(expandYears(question).match(YEAR) ?? [])];
}

/**
 * 1 when a passage's own headings (its location in the document, not the title) name a year the
 * question asks about, -1 when they name only other years, else 0: in a report, 2025年的生产总值
 * is told under 一、2025年工作回顾, not under 三、2026年重点工作, which shares the same words.
 */
export function headingYear(years: readonly string[], location: string): number {
  if (!years.length) return 0;
  const named: string[] = location.match(YEAR) ?? [];
  if (years.some((year) => named.includes(year))) return 1;
  return named.length ? -1 : 0;
}

/** Share (0..1) of the names the question mentions that a document's title carries. */
export function titleMatch(mentioned: readonly string[], title: string): number {
  if (!mentioned.length) return 0;
  const own = new Set(documentNames(title));
  return mentioned.filter((name) => own.has(name)).length / mentioned.length;
}

/** The kind of a document name: a law's short name, a year, or a place. */
function nameKind(name: string): 'law' | 'year' | 'place' {
  if (/^\d{4}$/.test(name)) return 'year';
  return /(?:法|规则)$/.test(name) ? 'law' : 'place';
}

/**
 * 1 when the question names a law or a place and the passage's document carries another name
 * of that kind and not the one asked about: a Beijing report's passage for a question about
 * 上海, a 监督法 article for a question 根据立法法. Years are left out: a 2026 report tells 2025's
 * figures, so a year in the question does not rule out a document of another year.
 */
export function titleConflict(mentioned: readonly string[], title: string): number {
  if (!mentioned.length) return 0; // most questions name no document: no title read per candidate
  const own = documentNames(title);
  for (const kind of ['law', 'place'] as const) {
    const asked = mentioned.filter((name) => nameKind(name) === kind);
    const carried = own.filter((name) => nameKind(name) === kind);
    if (asked.length && carried.length && !asked.some((name) => carried.includes(name))) return 1;
  }
  return 0;
}
