// Answers pruned BM25 searches of a large index on its own thread (bm25-search-thread.ts), so
// the hybrid search's vector vote runs beside them on the main thread. The index's arrays are
// views of the main thread's shared memory (no copy); this thread adds only its per-unit norms
// and passage heads and the bounds it computes. Searches come as looked-up terms (no
// vocabulary here). Plain ESM: in dist/ it imports the compiled index beside it; in src/
// (tests, tsx) it registers tsx itself and imports the TypeScript.
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

const compiled = existsSync(new URL('./bm25-index.js', import.meta.url));
if (!compiled) (await import('tsx/esm/api')).register();
const { Bm25Index } = await import(`./bm25-index${compiled ? '.js' : '.ts'}`);

/** The index searched, by the key the main thread gave it (one at a time: a newer one replaces it). */
let current = { key: -1, index: undefined };

parentPort.on('message', (message) => {
  if (message.type === 'index') {
    current = { key: message.key, index: new Bm25Index({ ...message.arrays, vocabulary: [] }) };
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
    parentPort.postMessage({ id: message.id, ids, scores, walked: current.index.lastWalked }, [ids.buffer, scores.buffer]);
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String(error && error.stack ? error.stack : error) });
  }
});
