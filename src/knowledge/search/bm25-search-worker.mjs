// Searches its share of pruned BM25 searches of a large index (bm25-search-thread.ts): it begins
// at once, the main thread joins once the hybrid search's vector vote is done. The index's arrays are
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
const { warmBounds } = await import(`./bm25-bounds-cache${extension}`);
const { joinShare, rangesOf, searchShare } = await import(`./bm25-share${extension}`);

/** The index searched, by the key the main thread gave it (one at a time: a newer one replaces it). */
let current = { key: -1, index: undefined };

parentPort.on('message', (message) => {
  if (message.type === 'index') {
    const held = current = { key: message.key, index: new Bm25Index({ ...message.arrays, vocabulary: [] }) };
    // The bounds it computes ahead go to the main thread too, which searches the index beside it.
    warmBounds(held.index.bounds, message.arrays.offsets, held.index.size, () => current === held,
      (terms) => parentPort.postMessage({ type: 'bounds', key: held.key, terms }));
    return;
  }
  try {
    if (message.key !== current.key) throw new Error(`search of index ${message.key}, holding ${current.key}`);
    const { terms: packed, k, state, unitsPerRange } = message;
    // The caller finished the search alone before this thread woke: nothing is awaited.
    if (!joinShare(state)) return parentPort.postMessage({ id: message.id, skipped: true });
    const terms = [];
    for (let i = 0; i < packed.length; i += 4) terms.push({ t: packed[i], start: packed[i + 1], end: packed[i + 2], lift: packed[i + 3] });
    const { index } = current;
    const hits = index.searchTerms(terms, k, searchShare(state, rangesOf(index.head, unitsPerRange)));
    const ids = Int32Array.from(hits, (hit) => hit.id);
    const scores = Float64Array.from(hits, (hit) => hit.score);
    parentPort.postMessage({ id: message.id, ids, scores, walked: index.lastWalked }, [ids.buffer, scores.buffer]);
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String(error && error.stack ? error.stack : error) });
  }
});
