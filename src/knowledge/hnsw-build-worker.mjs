// Builds an HNSW index file from vectors in a worker thread, so the main thread can build the
// lexical index at the same time. Plain ESM (not TypeScript) so it loads in a worker under
// any runner: node, tsx or vitest. Parameters come from vector-index.ts (workerData).
import { renameSync, rmSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import hnswlib from 'hnswlib-node';

const { dimensions, m, efConstruction, seed, ids, values, path } = workerData;
const temporary = `${path}.tmp-${process.pid}`;
try {
  const index = new hnswlib.HierarchicalNSW('ip', dimensions);
  index.initIndex({ maxElements: Math.max(ids.length, 16), m, efConstruction, randomSeed: seed });
  const point = new Array(dimensions);
  for (let row = 0; row < ids.length; row++) {
    const base = row * dimensions;
    for (let j = 0; j < dimensions; j++) point[j] = values[base + j];
    index.addPoint(point, ids[row]);
  }
  index.writeIndexSync(temporary);
  renameSync(temporary, path);
  parentPort.postMessage({ ok: true });
} catch (error) {
  rmSync(temporary, { force: true });
  parentPort.postMessage({ ok: false, message: String(error && error.stack ? error.stack : error) });
}
