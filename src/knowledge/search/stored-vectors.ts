/** The passage store's vectors of one embedder, read into a matrix or patched into a loaded graph. */
import type { PassageStore } from '../ports/passage-store.ts';
import type { VectorIndex, VectorMatrix } from './vector-index.ts';

/** Share of deleted vectors above which the HNSW graph is rebuilt rather than patched. */
const REBUILD_DELETED_SHARE = 0.25;

/** Up to `count` stored vectors of one embedder, `dimensions` long, as one matrix (ascending passage id). */
export async function storedVectorMatrix(store: PassageStore, embedder: string, count: number, dimensions: number): Promise<VectorMatrix> {
  const ids = new Int32Array(count);
  const values = new Float32Array(count * dimensions);
  let row = 0;
  for await (const batch of store.vectors(embedder)) {
    for (const { id, vector } of batch) {
      if (row === count) break;
      if (vector.length !== dimensions) continue; // another space's leftover: never mixed in
      ids[row] = id;
      values.set(vector, row * dimensions);
      row++;
    }
  }
  return { ids: ids.subarray(0, row), values: values.subarray(0, row * dimensions), dimensions };
}

/** Patch a loaded graph to the store (passage ids are never reused, so labels missing from the store are deletions); undefined when a rebuild is due. */
export async function patchToStore(index: VectorIndex, store: PassageStore, id: string, wanted: number): Promise<VectorIndex | undefined> {
  const labels = new Set(index.labels());
  const live = await store.vectorIds(id);
  const liveSet = new Set(live);
  for (const passageId of live) {
    if (labels.has(passageId)) continue;
    const vector = await store.vectorOf(passageId, id);
    if (vector) index.add(passageId, vector);
  }
  for (const label of labels) if (!liveSet.has(label)) index.markDeleted(label);
  return index.count > 0 && (index.count - wanted) / index.count > REBUILD_DELETED_SHARE ? undefined : index;
}
