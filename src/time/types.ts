/** The shapes of time: an ISO day and an inclusive period. */

/** An ISO date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** An inclusive period; `null` ends mean "no bound" (the message named no period). */
export interface Period {
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
}
