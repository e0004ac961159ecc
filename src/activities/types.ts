/** The shapes of the activity log: what a message means, what is stored, what is counted. */

/** An ISO date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** An inclusive period; `null` ends mean "no bound" (the message named no period). */
export interface Period {
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
}

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

/** What one chat message means (CONTRACTS.md, `parse`). */
export type Reading =
  /** One or more activities, in the message's order; `activity` is the first, for older callers. */
  | { intent: 'log'; activities: ReadActivity[]; activity: ReadActivity }
  | { intent: 'count' | 'list'; kinds: string[]; from: IsoDate | null; to: IsoDate | null }
  | { intent: 'ask' }
  | { intent: 'draft' }
  | { intent: 'undo' }
  | { intent: 'help' }
  /**
   * The reader could not place the message; `question` asks back, in Chinese, with an example.
   * `settled` when the rules know why (a date that cannot exist or be read, a summary, a path,
   * thanks): then no model may guess instead.
   */
  | { intent: 'unclear'; question: string; settled?: true };

/** Reads a message; rules first, a model may come after (issue 5). */
export interface MessageReader {
  /** `now` is today's date, fixing relative words like 昨天 and 上半年. */
  read(text: string, now: IsoDate): Promise<Reading>;
}

/** A stored activity as `list --json` prints it. */
export interface Activity {
  readonly id: number;
  readonly date: IsoDate;
  readonly kind: string;
  readonly title: string;
  /** Who logged it, as the platform knows them: `telegram:<id>`, `slack:<id>`, `terminal:<user>`. */
  readonly by: string;
  /** Their display name when they logged it (for lists; `by` decides whose entry it is). */
  readonly by_name?: string;
  /** The last day of a multi-day activity. */
  readonly to?: IsoDate;
}

/** Where an entry came from, for the audit trail. */
export interface Provenance {
  /** Who acted, as the platform knows them (`telegram:<id>`, `terminal:<user>`, or a name given on the command line). */
  readonly by: string;
  /** Their display name at the time; defaults to `by`. */
  readonly byName?: string;
  /** `terminal`, `cli`, `telegram`, `slack`, `import`. */
  readonly channel: string;
  /** Chat or thread id, when there is one. */
  readonly chat?: string;
  /** The original message. */
  readonly message?: string;
}

/** A query over the log. An empty or missing `kinds` means every kind. */
export interface ActivityQuery {
  readonly from?: IsoDate | null;
  readonly to?: IsoDate | null;
  readonly kinds?: readonly string[];
}

/** Counts per kind for a period, as `stats --json` prints them. */
export interface Stats {
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
  readonly total: number;
  readonly counts: ReadonlyArray<{ kind: string; label: string; count: number }>;
}
