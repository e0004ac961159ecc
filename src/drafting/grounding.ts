/**
 * The number-grounding check (CONTRACTS.md, "Drafting"; issue 13): every count-like
 * figure in a draft must be one of the facts' counts. A figure is a number — Arabic,
 * full-width or Chinese (14, １４, 十四, 两, 三十) — before a measure word (次, 个, 项, 场,
 * 期, 件, 批, 人次, 名, 人, 所, 家, 条, 篇, 份), or any percentage (30%, 百分之三十).
 * Not figures: ordinals (第3次, 第十一次), durations (6个月), and the set phrases of
 * SET_PHRASES. A vague count (数十次, 几十个) is a figure no fact can ground.
 */
import { figureKinds, type KindWords } from './figure-kinds.ts';

/** A counted figure found in a text. */
export interface CountedFigure {
  /** Its value; NaN for a vague count (数十次) or a percentage, which no count grounds. */
  readonly value: number;
  /** The figure as written, e.g. `14个`, `三十次`, `12%`. */
  readonly text: string;
  /** Where it starts in the text (UTF-16 offset), so a page can mark it in place. */
  readonly index: number;
}

/** A figure of a text with the facts whose count it states: none means no fact grounds it. */
export interface CheckedFigure extends CountedFigure {
  /** Positions in the facts given of those whose count equals the figure. */
  readonly facts: readonly number[];
}

/**
 * Political and idiomatic phrases written with Chinese numerals that are not counts of
 * the office's work. Kept short on purpose: anything else with a number is checked.
 */
export const SET_PHRASES: readonly string[] = [
  '两个确立', '两个维护', '四个意识', '四个自信', '两个结合', '三个代表', '五个必由之路',
  '一批', '一府一委两院', '一府两院', '千家万户', '一把手', '一盘棋', '一张蓝图', '一条龙',
  '一次性', '一次次', '一项项', '一件件', '一个个', '一条条', '一场场', '一批批', '一名名',
];

const CHINESE = '零〇一二两三四五六七八九十百千万';
const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS = '人次|次|个(?![多半]?月)|项|场|期|件|批|名|人|所|家|条|篇|份';
const NUMBER = `[0-9０-９]+(?:[.．][0-9０-９]+)?[万千]?|[${CHINESE}]+`;
const FIGURE = new RegExp(
  `(第|[数几上](?=[十百千万]))?(${NUMBER})\\s*([余多来])?\\s*(?:(${UNITS})|([%％]))|(百分之(?:${NUMBER}))`, 'g');

/** 0–99,999,999 in Chinese numerals (十二, 一百二十, 两万三千), or NaN. */
export function chineseValue(written: string): number {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of written) {
    if (c in DIGITS) {
      digit = DIGITS[c];
      continue;
    }
    const unit = c === '十' ? 10 : c === '百' ? 100 : c === '千' ? 1000 : c === '万' ? 10000 : NaN;
    if (Number.isNaN(unit)) return NaN;
    if (unit === 10000) {
      total = (total + section + (digit ?? 0) || 1) * 10000;
      section = 0;
    } else {
      section += (digit ?? 1) * unit;
    }
    digit = undefined;
  }
  return total + section + (digit ?? 0);
}

function valueOf(number: string): number {
  const ascii = number.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const arabic = /^([0-9]+(?:\.[0-9]+)?)([万千])?$/.exec(ascii);
  if (arabic) return Number(arabic[1]) * (arabic[2] === '万' ? 10000 : arabic[2] === '千' ? 1000 : 1);
  // Digit by digit (二〇二三) is a year, never a count; it is not followed by a measure word anyway.
  return chineseValue(number);
}

/** Where the set phrases stand in a text, so figures inside them are skipped. */
function setPhraseSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const phrase of SET_PHRASES) {
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) spans.push([at, at + phrase.length]);
  }
  return spans;
}

/** Every count-like figure in a text; ordinals, durations and set phrases excluded. */
export function countedFigures(text: string): CountedFigure[] {
  const spans = setPhraseSpans(text);
  const figures: CountedFigure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index;
    if (spans.some(([a, b]) => start >= a && start < b)) continue;
    const [whole, prefix, number, about, , percent, written] = m;
    if (written) {
      figures.push({ value: NaN, text: written, index: start });
      continue;
    }
    if (prefix === '第') continue;
    // 数十次, 十余次, 上百人: an estimate, which no count in the log can ground.
    const vague = prefix !== undefined || about !== undefined;
    figures.push({ value: vague || percent ? NaN : valueOf(number), text: whole, index: start });
  }
  return figures;
}

/** The figures of a text that are not among the allowed counts. */
export function ungroundedFigures(text: string, counts: Iterable<number>): CountedFigure[] {
  const allowed = new Set(counts);
  return countedFigures(text).filter((f) => !allowed.has(f.value));
}

/**
 * Every figure of a text — a draft as a person edited it — with the facts that ground it:
 * the same check the drafter runs before a draft leaves it, so a figure changed by hand that
 * no longer matches a count from the log shows up as one with no facts. Given the kinds' words,
 * a figure whose clause names kinds (执法检查12次) is grounded only by a fact about one of
 * them: a count of some other kind that happens to be equal does not ground it.
 */
export function checkFigures(
  text: string,
  facts: ReadonlyArray<{ readonly count: number; readonly kinds?: readonly string[] }>,
  words?: KindWords,
): CheckedFigure[] {
  const figures = countedFigures(text);
  const named = words ? figureKinds(text, figures, words) : [];
  return figures.map((figure, n) => {
    const kinds = named[n];
    const about = (fact: { readonly kinds?: readonly string[] }) =>
      !kinds || kinds.size === 0 || (fact.kinds ?? []).some((k) => kinds.has(k));
    return { ...figure, facts: facts.flatMap((fact, i) => (fact.count === figure.value && about(fact) ? [i] : [])) };
  });
}

/** The figures of a text that no fact grounds (kind-aware when the kinds' words are given). */
export function strayFigures(
  text: string,
  facts: ReadonlyArray<{ readonly count: number; readonly kinds?: readonly string[] }>,
  words?: KindWords,
): CheckedFigure[] {
  return checkFigures(text, facts, words).filter((f) => f.facts.length === 0);
}
