/**
 * The HNSW search `ef` by graph size and by what the search is for, shared by the in-process
 * index (vector-index.ts) and pgvector's `hnsw.ef_search` so both paths answer alike.
 */
import type { VectorPurpose } from '../ports/vector-search.ts';

type Curve = ReadonlyArray<readonly [count: number, ef: number]>;

/**
 * Neighbours in their own right, by graph size, interpolated on log10 of the count: a fixed 380
 * gave recall@10 0.956 at 100,000 vectors but 0.846 at a million (the bench of 2026-12-02). Sweep
 * at 300,000 (`sweep-hnsw-ef.ts --passages 300000 --no-top5`, 300 questions, recall@10): ef 380
 * 0.908, 500 0.930, 700 0.956, 1000 0.973, 1400 0.982. The ef holding 0.956 grew 1.84× for 3×
 * the vectors (∝ N^0.56), which put a million at ≈ 1,370. The 1M bench's own curve
 * (`hnsw_recall_at_10_by_ef`) then gave 0.954 at 1,400 in session 32 and 0.9493 in both of
 * session 34's runs (1,000 0.930, 2,000 0.964, 3,000 0.979; the same curve twice, so not the
 * build's chance — what moved it since session 32 was not found), so a million takes 1,700
 * (≈ 0.957 on that curve, interpolated) rather than an ef at the edge of 0.95.
 */
const NEIGHBOURS: Curve = [[100_000, 380], [300_000, 700], [1_000_000, 1700]];

/**
 * The hybrid's vector vote (weight 0.1 in the fusion) only re-orders the keyword search's
 * candidates: it needs the whole search's answer, not recall@10. Chosen as the smallest ef whose
 * whole-search top 5 equals that of a near-exact ef 3000 for ≥ 98% of the bench's 300 questions
 * (`sweep-hnsw-ef.ts`, 2026-12-02). 100,000 passages: ef 160 96.0%, 240 98.3%, 380 98.7%, 700
 * 99.3%. 300,000: ef 160 96.3%, 240 96.3%, 380 98.0%, 500 99.3%, 700 99.7%. Beyond 300,000 the
 * last slope (≈ 530 at a million); the bench's `hybrid_top5_same_as_at_hnsw_ef` checks it at
 * each size against the neighbours' ef.
 */
const VOTE: Curve = [[100_000, 240], [300_000, 380]];

/** Past the last point a curve goes on at its last slope, up to this (a tenth of the exact scan's time at 1M). */
const MAX_EF = 4_000;

/** The search ef for a graph of `count` vectors searched for `purpose` (by the measured curves above). */
export function efFor(count: number, purpose: VectorPurpose = 'neighbours'): number {
  const curve = purpose === 'vote' ? VOTE : NEIGHBOURS;
  const [first] = curve;
  if (count <= first[0]) return first[1];
  let i = 1;
  while (i < curve.length - 1 && count > curve[i][0]) i++;
  const [[n0, ef0], [n1, ef1]] = [curve[i - 1], curve[i]];
  const at = (Math.log10(count) - Math.log10(n0)) / (Math.log10(n1) - Math.log10(n0));
  return Math.min(MAX_EF, Math.round(ef0 + at * (ef1 - ef0)));
}
