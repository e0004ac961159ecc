/**
 * Counts a request itself states (上半年开了十次常委会，帮我写一段…): a draft writes the log's
 * figure, never the one asked, and when the two differ it says so beside the draft, so a wrong
 * premise is corrected rather than silently kept or silently dropped.
 */
import type { IsoDate } from '../time/index.ts';
import type { ActivityQuery, Stats } from '../log/index.ts';
import type { KindWords } from './figure-kinds.ts';

/** A count stated in a request: its words, its value and the kinds its clause names. */
export interface AskedCount {
  readonly words: string;
  readonly value: number;
  readonly kinds: readonly string[];
}

/** A count before a measure word, not an ordinal (第十次) nor a length (一段, 两三段 have no measure word). */
const COUNT = /(第)?([0-9]+|[一二两三四五六七八九十百]{1,4})\s*(次|场|期|个|项|件|批|回)/g;
const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十 → 10, 二十 → 20, 十五 → 15, 一百二十 → 120; undefined for what is no number. */
export function chineseNumber(text: string): number | undefined {
  if (/^[0-9]+$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  for (const c of text) {
    if (c in DIGITS) digit = DIGITS[c];
    else if (c === '十' || c === '百') {
      total += (digit || 1) * (c === '十' ? 10 : 100);
      digit = 0;
    } else return undefined;
  }
  return total + digit;
}

/** The counts a request states whose clause names kinds of activity (组织了五次代表培训 → training 5). */
export function askedCounts(request: string, words: KindWords): AskedCount[] {
  const found: AskedCount[] = [];
  for (const clause of request.split(/[，,。；;！!？?\n]/)) {
    for (const match of clause.matchAll(COUNT)) {
      const value = chineseNumber(match[2]);
      // 一段, 一个 (写一个…): a count of one is how a request asks, not what it claims.
      if (match[1] || value === undefined || value < 2) continue;
      const kinds = [...words.named(clause)];
      if (kinds.length > 0) found.push({ words: clause.trim(), value, kinds: kinds.sort() });
    }
  }
  return found;
}

/** The asked counts the log disagrees with over the draft's period, each with the log's count. */
export async function wrongCounts(
  request: string, words: KindWords, log: { stats(query: ActivityQuery): Promise<Stats> }, from: IsoDate, to: IsoDate,
): Promise<Array<AskedCount & { readonly logged: number }>> {
  const asked = askedCounts(request, words);
  const checked = await Promise.all(asked.map(async (a) => ({ ...a, logged: (await log.stats({ from, to, kinds: a.kinds })).total })));
  return checked.filter((a) => a.logged !== a.value);
}
