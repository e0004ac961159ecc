/**
 * What a count asks besides the figure: a chart (画个图), a share of the whole (占全部活动的比例),
 * the month or kind with the most or fewest (哪个月最多, 哪个月最忙). Read on their own, so a
 * follow-up that asks only this of the count just given (帮我画个图, 占比多少, 最忙的是哪个月) keeps
 * that count's kinds and period.
 */
import * as cue from './cues.ts';
import { normalizeForMatching } from './lexicon.ts';
import type { Extreme } from './types.ts';

/** The marks of a count. */
export interface CountMarks {
  readonly chart?: true;
  readonly share?: true;
  readonly extreme?: Extreme;
}

/** The month or kind asked for by an EXTREME match: most for 多 and 忙, fewest for 少 and 闲. */
export function extremeOf(match: RegExpExecArray): Extreme {
  const said = match[1] ?? match[2] ?? match[3] ?? match[4];
  return { by: /月/.test(match[0]) ? 'month' : 'kind', most: said === '多' || said === '忙' };
}

/** The marks the words ask for, or undefined when they ask none. */
export function countMarks(text: string): CountMarks | undefined {
  const words = normalizeForMatching(text);
  const extreme = cue.EXTREME.exec(words);
  const marks: CountMarks = {
    ...(cue.CHART.test(words) ? { chart: true as const } : {}),
    ...(cue.SHARE.test(words) ? { share: true as const } : {}),
    ...(extreme ? { extreme: extremeOf(extreme) } : {}),
  };
  return Object.keys(marks).length > 0 ? marks : undefined;
}

/** What asks for a mark, and the asking words around it, wherever they stand. */
const MARK_WORDS = [cue.EXTREME, cue.CHART, cue.SHARE].map((pattern) => new RegExp(pattern.source, 'g'));
const ASKING_AROUND = /(?:帮我|给我|请|麻烦)|(?:是|有|为)?(?:多少|几成)|占(?:全部|所有|总|各类|同期)?(?:活动)?的?/g;

/** The words without what asks for a mark (画个图, 占…比例是多少, 哪个月最多): what is left may name a period or kinds. */
export function withoutMarks(text: string): string {
  return [...MARK_WORDS, ASKING_AROUND].reduce((rest, pattern) => rest.replace(pattern, ''), text);
}
