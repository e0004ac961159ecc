/**
 * Numerals as the documents and answers write them, for comparing figures (answer-check.ts)
 * and article numbers (answer-claims.ts). Dates and counts in chat are read by src/time.
 */

const DIGIT: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const POWER: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** The value of a Chinese or Arabic numeral (五, 十五, 二十, 一百零五, 三万, 15); NaN when it is none. */
export function numeralValue(written: string): number {
  const ascii = written.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^[0-9.]+$/.test(ascii)) return Number(ascii);
  if (ascii === '半') return 0.5;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const c of ascii) {
    if (c in DIGIT) {
      digit = DIGIT[c];
    } else if (c === '万') {
      total += (section + Math.max(digit, 0)) * 10000;
      section = 0;
      digit = -1;
    } else if (c in POWER) {
      section += (digit < 0 ? 1 : digit) * POWER[c];
      digit = -1;
    } else {
      return NaN;
    }
  }
  return total + section + Math.max(digit, 0);
}
