/** The shapes of the activity log: what is stored, who did it, what is counted. */
import type { IsoDate } from '../time/index.ts';

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
