// Builds an HNSW index in a worker thread while the main thread does other work (loading
// and chunking files, building the lexical index). Vectors arrive in batches ('add'); on
// 'finish' the index is written to `path`, a temporary name the main thread checks and renames
// (hnswlib ignores write errors, so the check is what catches a full disk). Plain ESM (not
// TypeScript) so it loads in a worker under any runner: node, tsx or vitest. Parameters come
// from vector-index.ts (workerData).
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import hnswlib from 'hnswlib-node';

const { dimensions, m, efConstruction, seed, capacity, yieldCores, stop } = workerData;
// Linux: a thread's id is its own scheduling entity, and /proc/thread-self names it; lowering
// it leaves the process's other threads (the ingest, the keyword index, searches) as they are.
// Elsewhere, or without /proc, the worker simply runs at normal priority.
if (yieldCores) {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
  } catch {
    // no per-thread priority here
  }
}
const index = new hnswlib.HierarchicalNSW('ip', dimensions);
index.initIndex({ maxElements: Math.max(capacity, 16), m, efConstruction, randomSeed: seed });
const point = new Array(dimensions);

// A cancelled build is never terminated from outside: terminated inside hnswlib (addPoint),
// the addon's N-API error is fatal to the whole process. The main thread sets `stop` (shared
// memory, seen between two points) and posts 'stop'; this thread then lets its port go and ends.
const stopped = () => Atomics.load(stop, 0) !== 0;

function add(ids, values) {
  for (let row = 0; row < ids.length; row++) {
    if (stopped()) return;
    if (index.getCurrentCount() >= index.getMaxElements()) index.resizeIndex(Math.ceil(index.getMaxElements() * 1.5) + 16);
    const base = row * dimensions;
    for (let j = 0; j < dimensions; j++) point[j] = values[base + j];
    index.addPoint(point, ids[row]);
  }
}

parentPort.on('message', (message) => {
  if (stopped()) {
    parentPort.close(); // nothing else keeps this thread: it ends, and its graph with it
    return;
  }
  if (message.type === 'add') {
    add(message.ids, message.values);
    parentPort.postMessage({ type: 'done', count: message.ids.length }); // the ingest's backlog
    return;
  }
  try {
    index.writeIndexSync(message.path);
    // Free the graph now (initIndex drops the old one): the main thread goes on to load the
    // keyword index, and the worker's teardown would free it only later.
    index.initIndex({ maxElements: 1, m, efConstruction, randomSeed: seed });
    parentPort.postMessage({ type: 'finished', ok: true });
  } catch (error) {
    parentPort.postMessage({ type: 'finished', ok: false, message: String(error && error.stack ? error.stack : error) });
  }
});
