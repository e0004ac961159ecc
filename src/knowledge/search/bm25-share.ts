/**
 * One pruned BM25 search shared by two threads (the caller's and the search thread): the index's
 * units are cut into ranges at passage starts, each thread takes the next range not yet taken
 * (so the one that starts late, or is slowed, simply takes fewer), and each tells the other the
 * k-th best score it holds. That score is a lower bound of the k-th best of the whole search, so
 * either thread may prune what cannot beat it: the merged top k is exactly the one-thread top k
 * (bm25-maxscore.ts; ties go to the earlier passage, as passage ids ascend with the units).
 * The state lives in a SharedArrayBuffer: [next range, k-th best as float32 bits, who started].
 */
import type { Hit } from './top-k.ts';

/** What a thread searching its share reads and tells (bm25-maxscore.ts). */
export interface SearchShare {
  /** The next range of units [from, to) to search, or undefined when every range is taken. */
  take(): readonly [number, number] | undefined;
  /** The best k-th score another thread has told (-Infinity before any). */
  floor(): number;
  /** Tell the other thread this thread's k-th best score. */
  raise(score: number): void;
}

const NEXT = 0;
const FLOOR = 1;
const STATE = 2;
/** STATE: neither thread has begun, the search thread has, the caller finished without it. */
const WAITING = 0;
const JOINED = 1;
const ALONE = 2;

const bits = new Int32Array(1);
const asFloat = new Float32Array(bits.buffer);

/** The shared state of one search (sent to the search thread with its terms). */
export function newShareState(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
}

/** The search thread's claim on a search: false when the caller already finished it alone. */
export function joinShare(state: Int32Array): boolean {
  return Atomics.compareExchange(state, STATE, WAITING, JOINED) === WAITING;
}

/** The caller's last word: true when the search thread never began (its answer need not be awaited). */
export function finishedAlone(state: Int32Array): boolean {
  return Atomics.compareExchange(state, STATE, WAITING, ALONE) === WAITING;
}

/** A thread's view of a search's shared state over an index cut at `starts` (ascending unit starts, then the end). */
export function searchShare(state: Int32Array, starts: Int32Array): SearchShare {
  return {
    take() {
      const i = Atomics.add(state, NEXT, 1);
      return i + 1 < starts.length ? [starts[i], starts[i + 1]] : undefined;
    },
    floor() {
      bits[0] = Atomics.load(state, FLOOR);
      return bits[0] === 0 ? -Infinity : asFloat[0];
    },
    raise(score) {
      if (!(score > 0)) return;
      asFloat[0] = score; // scores are float32 sums: exact; positive floats order as their bits
      const mine = bits[0];
      for (let held = Atomics.load(state, FLOOR); mine > held;) {
        const seen = Atomics.compareExchange(state, FLOOR, held, mine);
        if (seen === held) return;
        held = seen;
      }
    },
  };
}

/** Units per range, about: 4 windows of the pruned search (at 100,000 passages, 25 ranges). */
export const UNITS_PER_RANGE = 1 << 12;

const cutsByHead = new WeakMap<Int32Array, { readonly unitsPerRange: number; readonly starts: Int32Array }>();

/** `rangeStarts` of an index (by its `head`), computed once per size of range. */
export function rangesOf(head: Int32Array, unitsPerRange = UNITS_PER_RANGE): Int32Array {
  let cut = cutsByHead.get(head);
  if (cut?.unitsPerRange !== unitsPerRange) cutsByHead.set(head, cut = { unitsPerRange, starts: rangeStarts(head, unitsPerRange) });
  return cut.starts;
}

const ascendingIds = new WeakMap<Int32Array, boolean>();

/** Whether an index's passage ids ascend with its units (as every index Lüzhi builds): merged ties then go to the earlier passage. */
export function ascending(passageIds: Int32Array): boolean {
  let known = ascendingIds.get(passageIds);
  if (known === undefined) {
    known = true;
    for (let u = 1; u < passageIds.length && known; u++) known = passageIds[u] >= passageIds[u - 1];
    ascendingIds.set(passageIds, known);
  }
  return known;
}

/** The k best of two threads' hits (each best first): higher score first, on a tie the earlier passage. */
export function mergeHits(a: readonly Hit[], b: readonly Hit[], k: number): Hit[] {
  return [...a, ...b].sort((x, y) => y.score - x.score || x.id - y.id).slice(0, k);
}

/**
 * Where the ranges of an index start: about every `unitsPerRange` units, moved on to the next
 * passage's first unit (a passage is never split), then the number of units; `head` gives each
 * unit's passage's first unit.
 */
export function rangeStarts(head: Int32Array, unitsPerRange: number): Int32Array {
  const starts = [0];
  for (let u = unitsPerRange; u < head.length; u += unitsPerRange) {
    let at = u;
    while (at < head.length && head[at] !== at) at++;
    if (at < head.length && at > starts[starts.length - 1]) starts.push(at);
  }
  starts.push(head.length);
  return Int32Array.from(starts);
}
