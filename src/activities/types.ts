/** The shapes of the activity log: what a message means, what is stored, what is counted. */

/** An ISO date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** An inclusive period; `null` ends mean "no bound" (the message named no period). */
export interface Period {
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
}

/** What one chat message means (CONTRACTS.md, `parse`). */
export type Reading =
  | { intent: 'log'; activity: { kind: string; date: IsoDate; title: string } }
  | { intent: 'count' | 'list'; kinds: string[]; from: IsoDate | null; to: IsoDate | null }
  | { intent: 'ask' }
  | { intent: 'draft' }
  | { intent: 'undo' }
  | { intent: 'help' }
  /** The reader could not place the message; `question` asks back, in Chinese, with an example. */
  | { intent: 'unclear'; question: string };

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
  readonly by: string;
}

/** Where an entry came from, for the audit trail. */
export interface Provenance {
  /** Who logged it (a name or a platform user id). */
  readonly by: string;
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
