/**
 * Search results as one person may see them: passages of other departments are dropped
 * before anything reads them (ranking, answering, a model's prompt), and an older version of a
 * rule gives way to the version in force when both are found.
 */
import type { Answer, ScoredPassage } from '../types.ts';
import type { DocumentStanding } from '../ports/document-store.ts';
import { catalogMessages as m } from './messages.ts';

/** Hits of one search depth, with their documents' standings. */
export interface SearchRound {
  readonly passages: readonly ScoredPassage[];
  readonly standings: ReadonlyMap<string, DocumentStanding>;
  /** Fewer hits than the depth asked: the index has no more. */
  readonly exhausted: boolean;
}

/** How much deeper each further round reads when too few visible passages were found. */
const DEEPER = 4;

/**
 * The first `want` passages visible to `scopes` (all when undefined), reading deeper while a
 * round's visible hits fall short and the index has more: a department's documents are found
 * however many other passages outrank them.
 */
export async function visibleSearch(
  round: (depth: number) => Promise<SearchRound>, want: number, scopes: readonly string[] | undefined,
): Promise<SearchRound> {
  for (let depth = want; ; depth *= DEEPER) {
    const found = await round(depth);
    const visible = scopes
      ? found.passages.filter((hit) => scopes.includes(found.standings.get(hit.passage.doc)?.scope ?? '\u0000'))
      : found.passages;
    if (!scopes || visible.length >= want || found.exhausted) return { ...found, passages: visible };
  }
}

/**
 * The version in force first: a superseded passage goes after the others when the version
 * replacing it was found at the same place (the same article, the same heading). Found alone —
 * the new version dropped or moved that text — it keeps its rank, and the answer says so.
 */
export function inForceFirst(passages: readonly ScoredPassage[], standings: ReadonlyMap<string, DocumentStanding>): ScoredPassage[] {
  // Most lists hold no superseded version at all: nothing to move, no places to collect.
  if (!passages.some((hit) => standings.get(hit.passage.doc)?.status === 'superseded')) return passages.slice();
  const placesFound = new Set(passages.map((hit) => `${hit.passage.title}\u0000${hit.passage.location}`));
  const yields = (hit: ScoredPassage) => {
    const standing = standings.get(hit.passage.doc);
    return standing?.status === 'superseded' && standing.replacedBy !== undefined
      && placesFound.has(`${standing.replacedBy}\u0000${hit.passage.location}`);
  };
  return [...passages.filter((hit) => !yields(hit)), ...passages.filter(yields)];
}

/** The answer with "（该条出自已被《…》替代的版本）" when its best passage is of a superseded version. */
export function withSupersededNote(answer: Answer, best: ScoredPassage | undefined, standings: ReadonlyMap<string, DocumentStanding>): Answer {
  const standing = best && standings.get(best.passage.doc);
  if (!answer.found || standing?.status !== 'superseded') return answer;
  return { ...answer, answer: `${answer.answer}\n${m.supersededNote(standing.replacedBy)}` };
}
