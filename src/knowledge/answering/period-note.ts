/**
 * A question about a stretch of time named without its year (今年参训代表多少人次, 去年开了几次会)
 * answered from a dated document of another year (《…2024年上半年工作总结》): its figure is not
 * the one asked for, so the answer first says whose year it is — never a 2024 figure passed off as
 * this year's.
 */
import { knowledgeMessages as m } from '../messages.ts';

/** Periods named without a year, and how many years before today's each lies. */
const RELATIVE: ReadonlyArray<readonly [RegExp, number]> = [
  [/前年/, 2],
  [/去年|上一年|上年度/, 1],
  [/今年|本年|上半年|下半年|[一二三四1-4]季度|本季度|本月|这个月|这(?:一)?周|本周|今天/, 0],
];
const YEAR = /(?<![\d])((?:19|20)\d{2})\s*(?:年|—|-|–|至|到)/g;
const NAMED_YEAR = /(?:19|20)\d{2}\s*年|[〇零一二三四五六七八九]{4}\s*年/;
const RANGE = /((?:19|20)\d{2})\s*年?\s*(?:—|-|–|至|到)\s*((?:19|20)\d{2})/;

/**
 * The note to put before an answer whose document (by its title) is of another year than the one
 * the question names relative to `today` (YYYY-MM-DD); undefined when the question names no such
 * stretch, names its year, or the title carries no year.
 */
export function otherYearNote(question: string, title: string, today: string | undefined): string | undefined {
  if (!today || NAMED_YEAR.test(question)) return undefined;
  const relative = RELATIVE.find(([words]) => words.test(question));
  if (!relative) return undefined;
  const asked = Number(today.slice(0, 4)) - relative[1];
  const range = RANGE.exec(title);
  if (range && Number(range[1]) <= asked && asked <= Number(range[2])) return undefined;
  const years = [...title.matchAll(YEAR)].map((y) => Number(y[1]));
  if (years.length === 0 || years.includes(asked)) return undefined;
  return m.otherYear(title, years.join('、'), relative[0].exec(question)![0], asked);
}
