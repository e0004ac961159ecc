/**
 * The contract every `KeywordSearch` keeps over its passage at.passages: the passage holding a
 * question's rare words comes first, rarer terms weigh more, a removed document's passages are
 * never found once the index is synced, and a change made through another handle is seen by
 * an index opened afterwards (and by one already open, at its next sync).
 */
import { describe, expect, it } from 'vitest';
import type { KeywordSearch, PassageStore } from '../../../src/knowledge/index.ts';
import { type OpenKnowledgeStoresRig, RULES, documentNamed, embedder, freshRigEach, passagesOf } from './knowledge-rig.ts';

/** Makes the keyword search under test over a passage at.passages, its index files in `dataDir`. */
export type KeywordSearchFactory = (store: PassageStore, dataDir: string) => KeywordSearch;

/** Run the shared suite against keyword searches made by `create` over stores made by `open`. */
export function describeKeywordSearchContract(name: string, open: OpenKnowledgeStoresRig, create: KeywordSearchFactory): void {
  describe(`KeywordSearch contract: ${name}`, () => {
    const at = freshRigEach(open);

    const synced = async (search: KeywordSearch, over = at.passages) => {
      await search.sync(await over.generation());
      return search;
    };
    const docsFound = async (search: KeywordSearch, query: string) =>
      (await at.passages.passagesByIds((await search.search(query, 10)).map((hit) => hit.id))).map((p) => p.doc);

    it('ranks the passage holding the question\'s words first, and weighs rare terms more', async () => {
      const ids = await at.passages.replaceDocument(documentNamed('规则.md', '议事规则'), await passagesOf('议事规则', RULES), embedder.id);
      const search = await synced(create(at.passages, at.rig.dataDir));
      const [best, ...rest] = await search.search('代表建议多长时间内答复', 3);
      expect(best.id).toBe(ids[1]);
      expect(rest.every((hit) => hit.score < best.score)).toBe(true);
      // 执法 is in one passage, 常委 (常务委员会 as the tokenizer reads it) in two.
      expect(search.idf('执法')).toBeGreaterThan(search.idf('常委'));
      expect(search.idf('\u0000')).toBeGreaterThanOrEqual(search.idf('执法'));
      expect(search.size).toBeGreaterThanOrEqual(3);
      expect(await search.search('完全无关的词语ＸＹＺ', 5)).toEqual([]);
    });

    it('searches among given passages only, ranking them as the whole search does', async () => {
      const rules = await at.passages.replaceDocument(documentNamed('规则.md', '议事规则'), await passagesOf('议事规则', RULES), embedder.id);
      const notice = await at.passages.replaceDocument(documentNamed('通知.md', '通知'),
        await passagesOf('通知', ['常务委员会会议定于12月5日召开。', '常务委员会会议请准时参加。']), embedder.id);
      const search = await synced(create(at.passages, at.rig.dataDir));
      const among = new Set(notice);
      const inside = await search.searchAmong('常务委员会会议', 5, among);
      expect(inside.map((hit) => hit.id).sort()).toEqual([...notice].sort());
      const whole = (await search.search('常务委员会会议', 10)).filter((hit) => among.has(hit.id));
      expect(inside).toEqual(whole);
      expect(await search.searchAmong('常务委员会会议', 5, new Set([rules[1]]))).toEqual([]); // 代表建议…答复 shares no word with it
      expect(await search.searchAmong('常务委员会会议', 5, new Set())).toEqual([]);
    });

    it('never finds a removed document\'s passages once synced', async () => {
      await at.passages.replaceDocument(documentNamed('规则.md', '议事规则'), await passagesOf('议事规则', RULES), embedder.id);
      await at.passages.replaceDocument(documentNamed('通知.md', '通知'), await passagesOf('通知', ['定于12月5日召开执法检查座谈会。']), embedder.id);
      const search = await synced(create(at.passages, at.rig.dataDir));
      expect(await docsFound(search, '执法检查')).toEqual(expect.arrayContaining(['规则.md', '通知.md']));
      await at.passages.removeDocument('规则.md');
      await synced(search);
      expect(await docsFound(search, '执法检查')).toEqual(['通知.md']);
      expect(await docsFound(await synced(create(at.passages, at.rig.dataDir)), '执法检查报告审议')).toEqual(['通知.md']);
    });

    it('sees a change made through another handle: an index opened afterwards, and one already open at its next sync', async () => {
      await at.passages.replaceDocument(documentNamed('规则.md', '议事规则'), await passagesOf('议事规则', RULES), embedder.id);
      const open = await synced(create(at.passages, at.rig.dataDir));
      const other = (await at.rig.reopen()).passages;
      await other.replaceDocument(documentNamed('联络站.md', '联络站制度'), await passagesOf('联络站制度', ['代表联络站每月第一个星期三接待群众来访。']), embedder.id);
      const later = await synced(create(other, at.rig.dataDir), other);
      expect(await docsFound(later, '联络站接待群众')).toEqual(['联络站.md']);
      expect(await docsFound(open, '联络站接待群众')).toEqual([]);
      await synced(open);
      expect(await docsFound(open, '联络站接待群众')).toEqual(['联络站.md']);
    });
  });
}
