/**
 * A clause of its own that bounds the period asked (截至6月底，今年视察了几次): the count runs from the
 * asked period's start to that bound, never over the whole of the asked period past it.
 */
import type { PeriodMatch } from '../time/index.ts';

/** The words of a bound: 截至…, 截止到…. */
const BOUND = /^(?:截至|截止|截止到|截止至)/;

/** The asked period cut at the end of a 截至… period the message names beside it; else as it is. */
export function boundedPeriod<P extends { from: string; to: string }>(period: P | undefined, spans: readonly PeriodMatch[]): P | undefined {
  if (!period) return period;
  const bound = spans.find((x) => x !== (period as unknown) && BOUND.test(x.words) && x.to >= period.from && x.to < period.to);
  return bound ? { ...period, to: bound.to } : period;
}
