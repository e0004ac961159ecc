/**
 * What a model draft says besides its figures (grounding.ts checks those): when things
 * happened and what kind of work was done. A year or a month outside the period drafted
 * (2022年以来 in a draft of 2023上半年) and work of a kind the log has no entry of in the
 * period (开展执法检查 with no 执法检查 logged) are the model's, not the office's. Only explicit
 * dates and the kinds' own names are read, so ordinary wording never blocks a draft.
 */
import type { IsoDate } from '../time/index.ts';
import { chineseValue } from './grounding.ts';

/** Something a draft states that the log does not bear out, as written (for the retry). */
export interface StrayClaim {
  readonly text: string;
  readonly index: number;
}

const NUMBER = '[0-9０-９]{1,4}|[〇零一二两三四五六七八九十]{1,4}';
// 2023年, 二〇二三年; 3月, 三月, 3月15日 — not 三个月 (a duration) nor 十二 read as 二.
const YEAR = /((?:19|20)[0-9]{2}|[一二][〇零一二三四五六七八九]{3})年/g;
const MONTH = new RegExp(`(?<![0-9０-９〇零一二两三四五六七八九十])(${NUMBER})月(?:份)?(?:(${NUMBER})[日号])?`, 'g');
const DIGIT_BY_DIGIT: Readonly<Record<string, string>> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

function valueOf(written: string): number {
  const ascii = written.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return /^[0-9]+$/.test(ascii) ? Number(ascii) : chineseValue(written);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Years, months and days a draft names that fall outside from..to. */
export function strayDates(text: string, from: IsoDate, to: IsoDate): StrayClaim[] {
  const stray: StrayClaim[] = [];
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  for (const m of text.matchAll(YEAR)) {
    const year = /^[0-9]+$/.test(m[1]) ? Number(m[1]) : Number([...m[1]].map((c) => DIGIT_BY_DIGIT[c]).join(''));
    if (year < first || year > last) stray.push({ text: m[0], index: m.index });
  }
  for (const m of text.matchAll(MONTH)) {
    const month = valueOf(m[1]);
    const day = m[2] ? valueOf(m[2]) : undefined;
    if (!(month >= 1 && month <= 12)) continue;
    // In some year of the period, that month (or that day) lies within it.
    let inside = false;
    for (let year = first; year <= last && !inside; year++) {
      const start = `${year}-${pad(month)}-${pad(day ?? 1)}`;
      const end = `${year}-${pad(month)}-${pad(day ?? 31)}`;
      inside = start <= to && end >= from;
    }
    if (!inside) stray.push({ text: m[0], index: m.index });
  }
  return stray.sort((a, b) => a.index - b.index);
}

// A clause that says a kind of work was not done (没有登记, 未开展) names it without claiming it.
const NEGATION = /没有|未|无|尚未/;
const CLAUSE = /[^，,。；;！!？?\n]+/g;

/**
 * Kinds of work a draft says were done that the period's facts hold none of, each by the
 * kind's own name (视察, 执法检查): `done` holds the kinds with entries in the period.
 */
export function unrecordedKinds(
  text: string, kinds: ReadonlyArray<{ readonly id: string; readonly label: string }>, done: ReadonlySet<string>,
): StrayClaim[] {
  const stray: StrayClaim[] = [];
  for (const clause of text.matchAll(CLAUSE)) {
    if (NEGATION.test(clause[0])) continue;
    for (const kind of kinds) {
      if (done.has(kind.id)) continue;
      const at = clause[0].indexOf(kind.label);
      if (at >= 0) stray.push({ text: kind.label, index: clause.index + at });
    }
  }
  return stray.sort((a, b) => a.index - b.index);
}

/** Whether a draft is written in Chinese: letters of other scripts are at most a few names. */
export function writtenInChinese(text: string): boolean {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return han > 0 && latin <= han / 4;
}
