/**
 * The contract every `PassageStore` keeps (SQLite now, PostgreSQL next): a document's passages
 * are stored and replaced whole, a removed document's passages are never returned, the change
 * marker moves with every change and is seen through another handle, and passages and vectors
 * stream whole for index building.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PassageStore } from '../../../src/knowledge/index.ts';
import { type KnowledgeStoresRig, type OpenKnowledgeStoresRig, documentNamed, embedder, passagesOf } from './knowledge-rig.ts';

const RULES = ['常务委员会会议一般每两个月举行一次。', '代表建议应当自交办之日起三个月内答复。', '执法检查报告应当书面提交常务委员会审议。'];

/** Run the shared suite against passage stores made by `open`. */
export function describePassageStoreContract(name: string, open: OpenKnowledgeStoresRig): void {
  describe(`PassageStore contract: ${name}`, () => {
    let rig: KnowledgeStoresRig;
    let store: PassageStore;
    beforeEach(async () => {
      rig = await open();
      store = rig.stores.passages;
    });
    afterEach(async () => rig.close());

    it('stores a document\'s passages and gives them back by id in the order asked, leaving out unknown ids', async () => {
      const ids = await store.replaceDocument(documentNamed('办公室/议事规则.md', '议事规则'), await passagesOf('议事规则', RULES), embedder.id);
      expect(ids).toHaveLength(3);
      const found = await store.passagesByIds([ids[2], 987_654, ids[0]]);
      expect(found.map((p) => p.text)).toEqual([RULES[2], RULES[0]]);
      expect(found[0]).toMatchObject({ id: ids[2], doc: '办公室/议事规则.md', title: '议事规则', location: '第3条', context: '议事规则' });
      expect(await store.findDocument('办公室/议事规则.md')).toMatchObject({ doc: '办公室/议事规则.md', title: '议事规则', format: 'md', contentHash: 'hash-of-办公室/议事规则.md' });
      expect(await store.findDocument('议事规则.md')).toBeUndefined();
      expect(await store.passageCount()).toBe(3);
      expect(await store.documentTitles()).toEqual(['议事规则']);
    });

    it('replaces a document whole, and never returns the passages of a removed one', async () => {
      const old = await store.replaceDocument(documentNamed('规则.md', '议事规则'), await passagesOf('议事规则', RULES), embedder.id);
      const other = await store.replaceDocument(documentNamed('通知.md', '通知'), await passagesOf('通知', ['定于12月5日召开座谈会。']), embedder.id);
      const fresh = await store.replaceDocument(documentNamed('规则.md', '议事规则（修订）', 'new-hash'), await passagesOf('议事规则', [RULES[0]]), embedder.id);
      expect(await store.passagesByIds(old)).toEqual([]);
      expect((await store.passagesByIds(fresh))[0]).toMatchObject({ title: '议事规则（修订）', text: RULES[0] });
      expect(await store.passageCount()).toBe(2);
      expect(await store.vectorCount(embedder.id)).toBe(2);

      expect(await store.removeDocument('规则.md')).toBe(true);
      expect(await store.removeDocument('规则.md')).toBe(false);
      expect(await store.passagesByIds([...fresh, ...other])).toEqual(await store.passagesByIds(other));
      expect(await store.vectorOf(fresh[0], embedder.id)).toBeUndefined();
      expect(await store.findDocument('规则.md')).toBeUndefined();
      const streamed = [];
      for await (const batch of store.passageTexts()) streamed.push(...batch.map((p) => p.id));
      expect(streamed).toEqual(other);
    });

    it('moves the change marker with every committed change, and another handle sees the change', async () => {
      const start = await store.generation();
      await store.replaceDocument(documentNamed('规则.md', '议事规则'), await passagesOf('议事规则', RULES), embedder.id);
      const afterAdd = await store.generation();
      expect(afterAdd).not.toBe(start);
      expect(await store.removeDocument('没有.md')).toBe(false);
      expect(await store.generation()).toBe(afterAdd); // nothing changed, nothing to rebuild

      const other = (await rig.reopen()).passages;
      expect(await other.generation()).toBe(afterAdd);
      const ids = await other.replaceDocument(documentNamed('通知.md', '通知'), await passagesOf('通知', ['定于12月5日召开座谈会。']), embedder.id);
      expect(await store.generation()).not.toBe(afterAdd);
      expect((await store.passagesByIds(ids)).map((p) => p.doc)).toEqual(['通知.md']);
    });

    it('streams every passage and vector in id order, beyond one batch', async () => {
      const texts = Array.from({ length: 2_345 }, (_, i) => `第${i + 1}条 常务委员会依法行使第${i + 1}项职权。`);
      const vectors = texts.map((_, i) => Float32Array.of(Math.cos(i), Math.sin(i), 0.5));
      const ids = await store.replaceDocument(documentNamed('长文.md', '长文'),
        texts.map((text, i) => ({ text, location: `第${i + 1}条`, context: '长文', vector: vectors[i] })), 'tiny-3');
      const seen: number[] = [];
      for await (const batch of store.passageTexts()) seen.push(...batch.map((p) => p.id));
      expect(seen).toEqual(ids);
      const streamed: number[] = [];
      let sameVectors = true;
      for await (const batch of store.vectors('tiny-3')) {
        for (const { id, vector } of batch) {
          streamed.push(id);
          const i = ids.indexOf(id);
          sameVectors &&= vector.length === 3 && vector.every((v, j) => Math.abs(v - vectors[i][j]) < 1e-6);
        }
      }
      expect(streamed).toEqual(ids);
      expect(sameVectors).toBe(true);
      expect([...await store.passageIds()]).toEqual(ids);
      expect([...await store.vectorIds('tiny-3')]).toEqual(ids);
      expect(await store.vectorDimensions('tiny-3')).toBe(3);
    });

    it('lists the passages lacking a vector of a new embedder until their vectors are put', async () => {
      const ids = await store.replaceDocument(documentNamed('规则.md', '议事规则'), await passagesOf('议事规则', RULES), embedder.id);
      expect(await store.vectorDimensions('other-2')).toBe(0);
      const missing = await store.passagesWithoutVector('other-2', 2);
      expect(missing.map((p) => p.id)).toEqual(ids.slice(0, 2));
      expect(missing[0]).toMatchObject({ text: RULES[0], context: '议事规则' });
      await store.putVectors('other-2', ids.map((id) => ({ id, vector: Float32Array.of(1, 0) })));
      expect(await store.passagesWithoutVector('other-2', 10)).toEqual([]);
      expect(await store.vectorCount('other-2')).toBe(3);
      expect(await store.vectorCount(embedder.id)).toBe(0); // one vector per passage: the new space replaced the old
      expect(await store.vectorOf(ids[1], 'other-2')).toEqual(Float32Array.of(1, 0));
    });

    it('keeps index records set together', async () => {
      expect(await store.getMeta('lexical_file')).toBeUndefined();
      await store.setMeta({ lexical_file: 'lexical-3.bm25', lexical_generation: '3' });
      await store.setMeta({ lexical_generation: '4' });
      expect(await store.getMeta('lexical_file')).toBe('lexical-3.bm25');
      expect(await (await rig.reopen()).passages.getMeta('lexical_generation')).toBe('4');
    });
  });
}
