/**
 * The contract every `VectorSearch` keeps over its passage at.passages: a passage's own vector finds
 * it first; a removed document's passages are never found once synced; a change through
 * another handle is seen by an index opened afterwards; and an index of another embedder
 * gives every passage a vector of its own space first, never mixing spaces.
 */
import { describe, expect, it } from 'vitest';
import { createOfflineEmbedder, type PassageStore, type VectorSearch } from '../../../src/knowledge/index.ts';
import type { Embedder } from '../../../src/models/index.ts';
import { type OpenKnowledgeStoresRig, RULES, documentNamed, embedder, freshRigEach, passagesOf } from './knowledge-rig.ts';

/** Makes the vector search under test over a passage at.passages with an embedder, its index files in `dataDir`. */
export type VectorSearchFactory = (store: PassageStore, embedder: Embedder, dataDir: string) => VectorSearch;

/** Run the shared suite against vector searches made by `create` over stores made by `open`. */
export function describeVectorSearchContract(name: string, open: OpenKnowledgeStoresRig, create: VectorSearchFactory): void {
  describe(`VectorSearch contract: ${name}`, () => {
    const at = freshRigEach(open);

    const synced = async (search: VectorSearch, over = at.passages) => {
      await search.sync(await over.generation());
      return search;
    };
    const stored = async (doc: string, title: string, texts: string[], into = at.passages) => {
      const passages = await passagesOf(title, texts);
      return { ids: await into.replaceDocument(documentNamed(doc, title), passages, embedder.id), vectors: passages.map((p) => p.vector) };
    };

    it('finds a passage first by its own vector, and says which embedder and length built it', async () => {
      const { ids, vectors } = await stored('规则.md', '议事规则', RULES);
      const search = await synced(create(at.passages, embedder, at.rig.dataDir));
      expect(search.embedder).toBe(embedder.id);
      expect(search.dimensions).toBe(embedder.dimensions);
      expect(search.count).toBe(3);
      const [best] = await search.search(vectors[2], 2);
      expect(best.id).toBe(ids[2]);
      expect(best.score).toBeCloseTo(1, 3);
    });

    it('never finds a removed document\'s passages once synced, in an open index or a new one', async () => {
      const { ids: removed, vectors } = await stored('规则.md', '议事规则', RULES);
      const { ids: kept } = await stored('通知.md', '通知', ['定于12月5日召开执法检查座谈会。']);
      const search = await synced(create(at.passages, embedder, at.rig.dataDir));
      await at.passages.removeDocument('规则.md');
      await synced(search);
      const found = (await search.search(vectors[0], 10)).map((hit) => hit.id);
      expect(found).toEqual(kept);
      const reopened = (await (await synced(create(at.passages, embedder, at.rig.dataDir))).search(vectors[0], 10)).map((hit) => hit.id);
      expect(reopened.filter((id) => removed.includes(id))).toEqual([]);
    });

    it('sees a change made through another handle in an index opened afterwards', async () => {
      await stored('规则.md', '议事规则', RULES);
      await synced(create(at.passages, embedder, at.rig.dataDir));
      const other = (await at.rig.reopen()).passages;
      const { ids, vectors } = await stored('联络站.md', '联络站制度', ['代表联络站每月第一个星期三接待群众来访。'], other);
      const later = await synced(create(at.passages, embedder, at.rig.dataDir));
      expect((await later.search(vectors[0], 1))[0].id).toBe(ids[0]);
      expect(later.count).toBe(4);
    });

    it('gives every passage a vector of a new embedder before searching its space', async () => {
      const { ids } = await stored('规则.md', '议事规则', RULES);
      await synced(create(at.passages, embedder, at.rig.dataDir));
      const wider = createOfflineEmbedder({ dimensions: 128 });
      const search = await synced(create(at.passages, wider, at.rig.dataDir));
      expect(search.embedder).toBe(wider.id);
      expect(search.dimensions).toBe(128);
      expect(await at.passages.vectorCount(wider.id)).toBe(3);
      const [question] = await wider.embed([`议事规则\n${RULES[1]}`]);
      expect((await search.search(question, 1))[0].id).toBe(ids[1]);
    });
  });
}
