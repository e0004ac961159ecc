/**
 * One full garbage collection, for the moment a large piece of work has let go of its memory.
 *
 * V8 sets the size its old generation may reach before the next full collection from what was
 * alive at the last one. A full collection made in the middle of a large ingest (batches of
 * passages, kept vectors, the lexical build's data all alive) leaves that limit high, and the
 * questions that follow fill the heap with their garbage up to it: in the 100k-passage bench the
 * JS heap after the searches was 100–111 MB instead of 58–62 in about one run in three, and the
 * process peaked at 466–478 MB instead of 417–430 (sessions 36–38). Which runs did depended on
 * whether V8's idle-time memory reducer ran before the questions began. One collection once the
 * ingest's index is complete and its search warm-up over sizes the limit from what the index and
 * the process now hold (the bench: 58–91 MB of heap after the searches).
 *
 * Node offers the collector only under `--expose-gc`; the flag is set at run time and the
 * function taken from a new context (as jest's leak detector does), once. Where that fails,
 * nothing is collected and nothing else changes.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | null | undefined;

/** V8's full collection: the process's own `gc` (node --expose-gc), else one made available now; null where neither is. */
function fullCollection(): (() => void) | null {
  if (collector !== undefined) return collector;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return (collector = exposed);
  try {
    setFlagsFromString('--expose-gc');
    const made: unknown = runInNewContext('gc');
    collector = typeof made === 'function' ? (made as () => void) : null;
  } catch {
    collector = null;
  }
  return collector;
}

/** Collect all garbage now (a pause of tens of milliseconds on a heap of ~100 MB); false where the collector is not available. */
export function collectGarbage(): boolean {
  const collect = fullCollection();
  if (!collect) return false;
  collect();
  return true;
}
