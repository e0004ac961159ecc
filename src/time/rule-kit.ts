/**
 * The pieces every time-word rule is built from: named pattern groups for years, months,
 * days and weekdays, and the shape of a rule and of what it resolves to.
 */
import { parseChineseNumber } from './chinese-numbers.ts';
import { DAY_SOURCE, MONTH_SOURCE, WEEKDAY_SOURCE, YEAR_SOURCE, notInFuture, resolveYear, type Readings, type Span } from './dates.ts';
import type { IsoDate } from './types.ts';

/** The captured groups of a rule's match. */
export type Groups = Record<string, string | undefined>;

/** What a rule read from its words. */
export interface Resolved extends Span {
  /**
   * The other readings of words that name no year, month or week (12月20日, 28号, 周五):
   * `from`/`to` hold the past reading a question takes; a log takes the nearest.
   */
  readonly readings?: Readings;
  /** Which part the words leave to context, for the far end of a range (9月3日至5日). */
  readonly partial?: { readonly month?: number; readonly day?: number; readonly weekday?: number };
}

/** One rule: a pattern and how to turn its groups into a span. */
export interface Rule {
  readonly pattern: RegExp;
  /** True when the words name one day (a date an activity can be logged on). */
  readonly day: boolean;
  /** A written date that matches but does not exist (2月30日) is worth reporting. */
  readonly strict?: boolean;
  /** A time of day only (晚上8点): the day is today, or the day named before it. */
  readonly timeOnly?: boolean;
  resolve(g: Groups, now: IsoDate): Resolved | undefined;
}

/** Build a rule; every pattern is global so a message is scanned once per rule. */
export const rule = (
  source: string, day: boolean, resolve: Rule['resolve'], options: { strict?: boolean; timeOnly?: boolean } = {},
): Rule => ({ pattern: new RegExp(source, 'g'), day, resolve, ...options });

/** Give a source's capturing groups names, in order. */
export const named = (source: string, ...names: string[]): string => {
  let i = 0;
  return source.replace(/\((?!\?)/g, () => `(?<${names[i++]}>`);
};

/** A count written in words or digits: 30, 三十, 两. */
export const COUNT = '([0-9]+|[零〇一二两三四五六七八九十百]+)';
/** The same, captured as `n`. */
export const N = named(COUNT, 'n');
export const Y = named(YEAR_SOURCE, 'y', 'yw');
/** An optional year before a month: 2016年, 二零一六年，, 去年. */
export const Y_OPT = `(?:${Y}\\s*的?\\s*[，,]?\\s*)?`;
export const M = named(MONTH_SOURCE, 'm');
export const M2 = named(MONTH_SOURCE, 'm2');
export const D = named(DAY_SOURCE, 'd');
export const W = named(WEEKDAY_SOURCE, 'w');
/** 一 after 周 is Monday unless it starts 一共/一般/一样/一些/一切/一直/一周年. */
export const W_GUARD = '(?<!一(?=[共般样些切直]))';
export const WEEK = '(?:周|星期|礼拜)';
/**
 * Before a 下 that means "next": not the 一下 of 查一下, 写一下 (查一下一季度 is the first
 * quarter, 列一下一月份 January), unless that 一 ends 统一, 第一…; 查一下下个月 still reads 下个月.
 */
export const NOT_YIXIA = '(?<!(?<![统唯单专同万逐划均第])一)';
/** Which week, month or quarter: 上上上 (three back) … 本/这 … 下下 (two ahead). */
export const WHICH = `(?<which>上+|${NOT_YIXIA}下+|本|这|今|当)`;
/** The same before 月 or 季度, where a 一 or 个 may follow: 上一个, 下个, 这一. */
export const WHICH_OF = `(?<which>本|这一?个?|当|上+一?个?|${NOT_YIXIA}下+一?个?)`;

/** Weeks (months, quarters) back from `which`: 上上 is 2, 本 is 0, 下 is -1. */
export const stepsBack = (which: string | undefined): number => {
  if (!which) return 0;
  if (which.startsWith('上')) return which.length;
  if (which.startsWith('下')) return -which.length;
  return 0;
};

/** The year a rule's groups name, if any. */
export const yearOf = (g: Groups, now: IsoDate): number | undefined => resolveYear(g.y, g.yw, now);

/** A number from its written form. */
export const num = (written: string | undefined): number | undefined =>
  written === undefined ? undefined : parseChineseNumber(written);

/** Build a span for a named year, or for the latest year that keeps it out of the future. */
export const inYear = (g: Groups, now: IsoDate, build: (year: number) => Span | undefined): Span | undefined => {
  const year = yearOf(g, now);
  return year !== undefined ? build(year) : notInFuture(build, now);
};

/** A resolved one-day span that also carries its other readings. */
export const withReadings = (readings: Readings | undefined, partial: Resolved['partial']): Resolved | undefined =>
  readings ? { ...readings.past, readings, partial } : undefined;
