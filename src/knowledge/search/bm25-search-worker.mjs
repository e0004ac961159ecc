// Answers pruned BM25 searches of a large index on its own thread (bm25-search-thread.ts), so
// the hybrid search's vector vote runs beside them on the main thread. The index's arrays are
// views of the main thread's shared memory (no copy); this thread adds only its per-unit norms
// and passage heads and the bounds it computes (the longest lists' at once, between questions).
// Searches come as looked-up terms (no vocabulary here). Plain ESM: in dist/ it imports the
// compiled index beside it; in src/ (tests, tsx) it registers tsx itself and imports the TypeScript.
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

const compiled = existsSync(new URL('./bm25-index.js', import.meta.url));
if (!compiled) (await import('tsx/esm/api')).register();
const extension = compiled ? '.js' : '.ts';
const { Bm25Index } = await import(`./bm25-index${extension}`);
const { longTerms } = await import(`./bm25-block-max${extension}`);

/** The index searched, by the key the main thread gave it (one at a time: a newer one replaces it). */
let current = { key: -1, index: undefined };

/** Milliseconds of bound computing between two looks at the messages: a question waits at most this. */
const WARM_SLICE_MS = 2;

/**
 * Compute the bounds of the index's longest lists ahead of the questions, a slice at a time
 * (a search arriving meanwhile runs between two slices): a term's first search would otherwise
 * walk its whole list for them, ~1 ms per term in every other unit at 100,000 passages.
 */
function warm(held, offsets) {
  const terms = longTerms(offsets, held.index.size);
  let next = 0;
  const slice = () => {
    if (current !== held) return; // replaced: its bounds are of no more use
    const until = performance.now() + WARM_SLICE_MS;
    while (next < terms.length && performance.now() < until) {
      const t = terms[next++];
      held.index.bounds.queryTerm(t, offsets[t], offsets[t + 1], 0);
    }
    if (next < terms.length) setImmediate(slice);
  };
  setImmediate(slice);
}

parentPort.on('message', (message) => {
  if (message.type === 'index') {
    current = { key: message.key, index: new Bm25Index({ ...message.arrays, vocabulary: [] }) };
    warm(current, message.arrays.offsets);
    return;
  }
  try {
    if (message.key !== current.key) throw new Error(`search of index ${message.key}, holding ${current.key}`);
    const { terms: packed, k } = message;
    const terms = [];
    for (let i = 0; i < packed.length; i += 4) terms.push({ t: packed[i], start: packed[i + 1], end: packed[i + 2], lift: packed[i + 3] });
    const hits = current.index.searchTerms(terms, k);
    const ids = Int32Array.from(hits, (hit) => hit.id);
    const scores = Float64Array.from(hits, (hit) => hit.score);
    parentPort.postMessage({ id: message.id, ids, scores, walked: current.index.lastWalked, took: current.index.lastSearchMs }, [ids.buffer, scores.buffer]);
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String(error && error.stack ? error.stack : error) });
  }
});
