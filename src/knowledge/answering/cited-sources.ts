/**
 * The sources a reply lists under an answer: only those the answer cites ([n]), and none
 * when the documents were found not to answer (the nearest are named in the text instead).
 */
import type { Answer, Source } from '../types.ts';

/** The cited sources with their numbers, in the order of the sources list. */
export function citedSources(answer: Answer): Array<{ n: number; source: Source }> {
  if (!answer.found) return [];
  const cited = new Set([...answer.answer.matchAll(/\[(\d{1,2})\]/g)].map((m) => Number(m[1])));
  return answer.sources.map((source, i) => ({ n: i + 1, source })).filter(({ n }) => cited.has(n));
}
