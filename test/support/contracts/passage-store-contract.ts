/**
 * The contract every `PassageStore` keeps (SQLite and PostgreSQL): a document's passages
 * are stored and replaced whole, a removed document's passages are never returned, the change
 * marker moves with every change and is seen through another handle, and passages and vectors
 * stream whole for index building.
 */
import { describe, expect, it } from 'vitest';
import type { PassageStore } from '../../../src/knowledge/index.ts';
import { type OpenKnowledgeStoresRig, RULES, documentNamed, embedder, freshRigEach, passagesOf } from './knowledge-rig.ts';

/** Run the shared suite against passage stores made by `open`. */
export function describePassageStoreContract(name: string, open: OpenKnowledgeStoresRig): void {
  describe(`PassageStore contract: ${name}`, () => {
    const at = freshRigEach(open);

    it('stores a document\'s passages and gives them back by id in the order asked, leaving out unknown ids', async () => {
      const ids = await at.passages.replaceDocument(documentNamed('办公室/议事规则.md', '议事规则'), await passagesOf('议事规则', RULES), embedder.id);
      expect(ids).toHaveLength(3);
      const found = await at.passages.passagesByIds([ids[2], 987_654, ids[0]]);
      expect(found.map((p) => p.text)).toEqual([RULES[2], RULES[0]]);
      expect(found[0]).toMatchObject({ id: ids[2], doc: '办公室/议事规则.md', title: '议事规则', location: '第3条', context: '议事规则' });
      // A long list (a whole document's passages, hundreds of ids) comes back the same way.
      const long = Array.from({ length: 300 }, (_, i) => (i % 3 === 1 ? 900_000 + i : ids[i % 3]));
      expect((await at.passages.passagesByIds(long)).map((p) => p.id)).toEqual(long.filter((id) => id < 900_000));
      expect(await at.passages.findDocument('办公室/议事规则.md')).toMatchObject({ doc: '办公室/议事规则.md', title: '议事规则', format: 'md', contentHash: 'hash-of-办公室/议事规则.md' });
      expect(await at.passages.findDocument('议事规则.md')).toBeUndefined();
      expect(await at.passages.passageCount()).toBe(3);
      expect(await at.passages.documentTitles()).toEqual(['议事规则']);
    });

    it('gives one document\'s passages a page at a time in the document\'s order, with their locations and the total', async () => {
      const ids = await at.passages.replaceDocument(documentNamed('规则.md', '议事规则'), await passagesOf('议事规则', RULES), embedder.id);
      await at.passages.replaceDocument(documentNamed('通知.md', '通知'), await passagesOf('通知', ['定于12月5日召开座谈会。']), embedder.id);
      const first = await at.passages.documentPassages('规则.md', { offset: 0, limit: 2 });
      expect(first.total).toBe(3);
      expect(first.items.map((p) => [p.id, p.location, p.text, p.doc])).toEqual([[ids[0], '第1条', RULES[0], '规则.md'], [ids[1], '第2条', RULES[1], '规则.md']]);
      expect(first.items[0]).not.toHaveProperty('page');
      expect((await at.passages.documentPassages('规则.md', { offset: 2, limit: 2 })).items.map((p) => p.location)).toEqual(['第3条']);
      expect(await at.passages.documentPassages('规则.md', { offset: 9, limit: 2 })).toEqual({ total: 3, items: [] });
      expect(await at.passages.documentPassages('没有.md', { offset: 0, limit: 2 })).toEqual({ total: 0, items: [] });
      expect([...await at.passages.documentPassageIds('规则.md')]).toEqual(ids);
      expect([...await at.passages.documentPassageIds('没有.md')]).toEqual([]);
    });

    it('replaces a document whole, and never returns the passages of a removed one', async () => {
      const old = await at.passages.replaceDocument(documentNamed('规则.md', '议事规则'), await passagesOf('议事规则', RULES), embedder.id);
      const other = await at.passages.replaceDocument(documentNamed('通知.md', '通知'), await passagesOf('通知', ['定于12月5日召开座谈会。']), embedder.id);
      const fresh = await at.passages.replaceDocument(documentNamed('规则.md', '议事规则（修订）', 'new-hash'), await passagesOf('议事规则', [RULES[0]]), embedder.id);
      expect(await at.passages.passagesByIds(old)).toEqual([]);
      expect((await at.passages.passagesByIds(fresh))[0]).toMatchObject({ title: '议事规则（修订）', text: RULES[0] });
      expect(await at.passages.passageCount()).toBe(2);
      expect(await at.passages.vectorCount(embedder.id)).toBe(2);

      expect(await at.passages.removeDocument('规则.md')).toBe(true);
      expect(await at.passages.removeDocument('规则.md')).toBe(false);
      expect(await at.passages.passagesByIds([...fresh, ...other])).toEqual(await at.passages.passagesByIds(other));
      expect(await at.passages.vectorOf(fresh[0], embedder.id)).toBeUndefined();
      expect(await at.passages.findDocument('规则.md')).toBeUndefined();
      const streamed = [];
      for await (const batch of at.passages.passageTexts()) streamed.push(...batch.map((p) => p.id));
      expect(streamed).toEqual(other);
    });

    it('moves the change marker with every committed change, and another handle sees the change', async () => {
      const start = await at.passages.generation();
      await at.passages.replaceDocument(documentNamed('规则.md', '议事规则'), await passagesOf('议事规则', RULES), embedder.id);
      const afterAdd = await at.passages.generation();
      expect(afterAdd).not.toBe(start);
      expect(await at.passages.removeDocument('没有.md')).toBe(false);
      expect(await at.passages.generation()).toBe(afterAdd); // nothing changed, nothing to rebuild

      const other = (await at.rig.reopen()).passages;
      expect(await other.generation()).toBe(afterAdd);
      const ids = await other.replaceDocument(documentNamed('通知.md', '通知'), await passagesOf('通知', ['定于12月5日召开座谈会。']), embedder.id);
      expect(await at.passages.generation()).not.toBe(afterAdd);
      expect((await at.passages.passagesByIds(ids)).map((p) => p.doc)).toEqual(['通知.md']);
    });

    it('streams every passage and vector in id order, beyond one batch', async () => {
      const texts = Array.from({ length: 2_345 }, (_, i) => `第${i + 1}条 常务委员会依法行使第${i + 1}项职权。`);
      const vectors = texts.map((_, i) => Float32Array.of(Math.cos(i), Math.sin(i), 0.5));
      const ids = await at.passages.replaceDocument(documentNamed('长文.md', '长文'),
        texts.map((text, i) => ({ text, location: `第${i + 1}条`, context: '长文', vector: vectors[i] })), 'tiny-3');
      const seen: number[] = [];
      for await (const batch of at.passages.passageTexts()) seen.push(...batch.map((p) => p.id));
      expect(seen).toEqual(ids);
      const streamed: number[] = [];
      let sameVectors = true;
      for await (const batch of at.passages.vectors('tiny-3')) {
        for (const { id, vector } of batch) {
          streamed.push(id);
          const i = ids.indexOf(id);
          sameVectors &&= vector.length === 3 && vector.every((v, j) => Math.abs(v - vectors[i][j]) < 1e-6);
        }
      }
      expect(streamed).toEqual(ids);
      expect(sameVectors).toBe(true);
      expect([...await at.passages.passageIds()]).toEqual(ids);
      expect([...await at.passages.vectorIds('tiny-3')]).toEqual(ids);
      expect(await at.passages.vectorDimensions('tiny-3')).toBe(3);
    });

    it('lists the passages lacking a vector of a new embedder until their vectors are put', async () => {
      const ids = await at.passages.replaceDocument(documentNamed('规则.md', '议事规则'), await passagesOf('议事规则', RULES), embedder.id);
      expect(await at.passages.vectorDimensions('other-2')).toBe(0);
      const missing = await at.passages.passagesWithoutVector('other-2', 2);
      expect(missing.map((p) => p.id)).toEqual(ids.slice(0, 2));
      expect(missing[0]).toMatchObject({ text: RULES[0], context: '议事规则' });
      await at.passages.putVectors('other-2', ids.map((id) => ({ id, vector: Float32Array.of(1, 0) })));
      expect(await at.passages.passagesWithoutVector('other-2', 10)).toEqual([]);
      // The same name giving vectors of another length (the model behind it changed): all lack one.
      expect(await at.passages.passagesWithoutVector('other-2', 10, 2)).toEqual([]);
      expect((await at.passages.passagesWithoutVector('other-2', 10, 3)).map((p) => p.id)).toEqual(ids);
      expect(await at.passages.vectorCount('other-2')).toBe(3);
      expect(await at.passages.vectorCount(embedder.id)).toBe(0); // one vector per passage: the new space replaced the old
      expect(await at.passages.vectorOf(ids[1], 'other-2')).toEqual(Float32Array.of(1, 0));
    });

    it('keeps index records set together', async () => {
      expect(await at.passages.getMeta('lexical_file')).toBeUndefined();
      await at.passages.setMeta({ lexical_file: 'lexical-3.bm25', lexical_generation: '3' });
      await at.passages.setMeta({ lexical_generation: '4' });
      expect(await at.passages.getMeta('lexical_file')).toBe('lexical-3.bm25');
      expect(await (await at.rig.reopen()).passages.getMeta('lexical_generation')).toBe('4');
    });
  });
}
