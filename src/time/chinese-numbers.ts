/**
 * Numbers as staff write them: Arabic (12, １２), Chinese (十二, 二十八, 一百一十二, 两),
 * and digit-by-digit years (二〇二三, 二零二三).
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Full-width digits to ASCII, so `１２` reads as 12. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * The value of a written number, or undefined when it is not one.
 * Handles 0–9999 in Chinese (十, 十二, 二十, 一百零五, 两千, 廿六, 卅一), any Arabic integer,
 * and digit-by-digit forms (二〇二三 → 2023).
 */
export function parseChineseNumber(written: string): number | undefined {
  // 廿 and 卅 (twenty, thirty) are how many people still write days: 廿六日 is the 26th.
  const ascii = toAsciiDigits(written.trim()).replace(/^廿/, '二十').replace(/^卅/, '三十');
  // 十8, 二十5: a figure typed after a unit (digits mixed with Chinese numerals) is that digit.
  const text = /[十百千万]/.test(ascii) && /[十百千万][0-9]$/.test(ascii) ? ascii.replace(/[0-9]$/, (d) => '〇一二三四五六七八九'[Number(d)]) : ascii;
  if (text === '') return undefined;
  if (/^[0-9]+$/.test(text)) return Number(text);
  if (![...text].every((c) => c in DIGITS || c in UNITS)) return undefined;
  // Digit-by-digit (years): no unit characters at all and more than one character.
  if (text.length > 1 && ![...text].some((c) => c in UNITS)) {
    return Number([...text].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let pending: number | undefined;
  let lastUnit = Infinity;
  for (const c of text) {
    if (c in DIGITS) {
      if (pending !== undefined && DIGITS[c] !== 0) return undefined; // 二三 inside a unit form
      pending = DIGITS[c] === 0 ? undefined : DIGITS[c];
      continue;
    }
    const unit = UNITS[c];
    if (unit >= lastUnit) return undefined; // 十百, 百百: not a number
    total += (pending ?? (total === 0 ? 1 : NaN)) * unit; // leading 十 means 一十
    if (Number.isNaN(total)) return undefined;
    pending = undefined;
    lastUnit = unit;
  }
  return total + (pending ?? 0);
}
