/** What one chat message means, and the reader that says so. */
import type { IsoDate } from '../time/index.ts';

/** One activity as read from a message, before it is stored. */
export interface ReadActivity {
  readonly kind: string;
  /** The day it took place (the first day of a multi-day activity). */
  readonly date: IsoDate;
  readonly title: string;
  /** The last day of a multi-day activity (9月3日至5日). */
  readonly to?: IsoDate;
  /**
   * When the words name no year or week (12月20日, 周五) and the day read is still to come:
   * the latest such day already past, offered instead ("last year's") — never taken silently.
   */
  readonly earlier?: IsoDate;
}

/** Which month, kind or person logging (`recorder`: 谁记的最多, 每个人记了几条) had the most activities, or the fewest. */
export interface Extreme {
  readonly by: 'month' | 'kind' | 'recorder';
  readonly most: boolean;
}

/** What one chat message means (CONTRACTS.md, `parse`). */
export type Reading =
  /** One or more activities, in the message's order; `activity` is the first, for older callers. */
  | { intent: 'log'; activities: ReadActivity[]; activity: ReadActivity }
  /**
   * `about`: the subject the question narrows to (上半年视察了学校吗 → 学校), matched in entries' titles;
   * `latest`: only the most recent entry up to today is asked for (最近一次视察是什么时候);
   * `chart`: the counts are wanted as a picture too (上半年视察调研画个图);
   * `share`: the count is wanted as a share of every activity in the period too (视察占全部活动的比例);
   * `by`: only the entries this person logged (我 for the one asking: 我上个月记了哪些);
   * `extreme`: which month or kind had the most (or fewest) is asked (上半年哪个月活动最多);
   * `whether`: asked yes or no (4月开党组会没, 周五开党组会吗): the reply says 开过/没有记录 first;
   * `done`: asked of what was done (开过, 开了, 没开), not of what is planned: plans alone are 还没有.
   * `units`: what is counted is not the entries but places or bodies inside them (几家企业 → 企业).
   */
  | {
    intent: 'count' | 'list'; kinds: string[]; from: IsoDate | null; to: IsoDate | null;
    about?: string; latest?: true; chart?: true; share?: true; by?: string; extreme?: Extreme; whether?: true; done?: true; units?: string;
  }
  | { intent: 'ask' }
  | { intent: 'draft' }
  | { intent: 'undo' }
  | { intent: 'help' }
  /**
   * The reader could not place the message; `question` asks back, in Chinese, with an example.
   * `settled` when the rules know why (a date that cannot exist or be read, a summary, a path,
   * thanks): then no model may guess instead.
   */
  | { intent: 'unclear'; question: string; settled?: true; ends?: LastingEnds };

/**
 * 今天…，为期三天: the entry read with the day named as its first day and as its last; the
 * person picks one (nothing is stored until then).
 */
export interface LastingEnds {
  readonly first: ReadActivity;
  readonly last: ReadActivity;
}

/** Reads a message; rules first, a model may come after (issue 5). */
export interface MessageReader {
  /** `now` is today's date, fixing relative words like 昨天 and 上半年. */
  read(text: string, now: IsoDate): Promise<Reading>;
}
