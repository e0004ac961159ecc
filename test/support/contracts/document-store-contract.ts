/**
 * The contract every `DocumentStore` keeps (SQLite and PostgreSQL): a document's
 * passages and description change together; departments see their documents and no others';
 * the older version of a rule is marked superseded by the newer; changes by hand are audited;
 * an unknown document is a Chinese UserError. The last cases run the knowledge base itself
 * over the stores: an unchanged file ingested again stores nothing twice, and a removed
 * document is never quoted again.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import { type DocumentStore, type PassageStore, openKnowledgeBase } from '../../../src/knowledge/index.ts';
import { type OpenKnowledgeStoresRig, documentNamed, embedder, freshRigEach, passagesOf } from './knowledge-rig.ts';

const wang = { by: 'telegram:42', byName: '王芳', channel: 'telegram' };

/** Run the shared suite against document stores made by `open`. */
export function describeDocumentStoreContract(name: string, open: OpenKnowledgeStoresRig): void {
  describe(`DocumentStore contract: ${name}`, () => {
    const at = freshRigEach(open);

    const commit = async (doc: string, title: string, texts: string[], scope?: string) =>
      at.documents.commit({ ...documentNamed(doc, title), scope }, await passagesOf(title, texts), embedder.id);

    it('stores a document public and in force, with its passages, replacing them when committed again', async () => {
      const first = await commit('办公室/通知.md', '关于召开座谈会的通知', ['定于12月5日召开座谈会。', '请各科室负责人参加。']);
      expect(await at.documents.document('办公室/通知.md')).toMatchObject({ doc: '办公室/通知.md', title: '关于召开座谈会的通知', passages: 2, scope: '公共', status: 'in_force' });
      expect((await at.documents.document('办公室/通知.md'))?.added_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const second = await commit('办公室/通知.md', '关于召开座谈会的通知', ['定于12月6日召开座谈会。']);
      expect(await at.passages.passagesByIds(first)).toEqual([]);
      expect((await at.passages.passagesByIds(second)).map((p) => p.text)).toEqual(['定于12月6日召开座谈会。']);
      expect((await at.documents.documents()).map((d) => [d.doc, d.passages])).toEqual([['办公室/通知.md', 1]]);
    });

    it('shows a department\'s documents to that department only, and keeps the department when stored again', async () => {
      await commit('代表工委/安排.md', '内部安排', ['座谈会由李四负责记录。'], '代表工委');
      await commit('通知.md', '通知', ['定于12月5日召开座谈会。']);
      expect((await at.documents.documents(['公共'])).map((d) => d.doc)).toEqual(['通知.md']);
      expect((await at.documents.documents(['公共', '代表工委'])).map((d) => d.doc)).toEqual(['代表工委/安排.md', '通知.md']);
      expect(await at.documents.document('代表工委/安排.md', ['公共'])).toBeUndefined();
      await commit('代表工委/安排.md', '内部安排', ['座谈会由王五负责记录。']);
      expect((await at.documents.document('代表工委/安排.md'))?.scope).toBe('代表工委');
      expect(await at.documents.moveToScope('通知.md', '办公室')).toBe(true);
      expect(await at.documents.moveToScope('通知.md', '办公室')).toBe(false);
      expect((await at.documents.standings(['通知.md', '代表工委/安排.md'])).get('通知.md')).toEqual({ scope: '办公室', status: 'in_force' });
    });

    it('marks the older version of a rule superseded by the newer, and a status set by hand stays', async () => {
      await commit('代表法2015.md', '中华人民共和国代表法（2015年修正）', ['代表应当与原选区选民保持密切联系。']);
      await commit('代表法2010.md', '中华人民共和国代表法（2010年修正）', ['代表应当与原选区选民保持联系。']);
      await commit('2024年工作报告.md', '2024年工作报告', ['一年来共组织视察十二次。']);
      await commit('2025年工作报告.md', '2025年工作报告', ['一年来共组织视察十五次。']);
      const standings = await at.documents.standings(['代表法2010.md', '代表法2015.md', '2024年工作报告.md']);
      expect(standings.get('代表法2010.md')).toEqual({ scope: '公共', status: 'superseded', replacedBy: '中华人民共和国代表法（2015年修正）' });
      expect(standings.get('代表法2015.md')).toEqual({ scope: '公共', status: 'in_force' });
      expect(standings.get('2024年工作报告.md')?.status).toBe('in_force'); // two reports, not two versions

      const set = await at.documents.setStatus('代表法2015.md', 'superseded', '代表法2010.md', wang);
      expect(set).toMatchObject({ doc: '代表法2015.md', status: 'superseded' });
      expect((await at.documents.document('代表法2010.md'))?.status).toBe('in_force');
      await commit('代表法2015.md', '中华人民共和国代表法（2015年修正）', ['代表应当与原选区选民保持密切联系。']);
      expect((await at.documents.standings(['代表法2015.md'])).get('代表法2015.md')).toMatchObject({ status: 'superseded', replacedBy: '中华人民共和国代表法（2010年修正）' });
    });

    it('removes a document with its passages and keeps who did it in the audit trail', async () => {
      const ids = await commit('通知.md', '通知', ['定于12月5日召开座谈会。', '请准时参加。']);
      await at.documents.setStatus('通知.md', 'superseded', undefined, wang);
      expect(await at.documents.remove('通知.md', { by: 'terminal:admin', channel: 'cli' })).toEqual({ doc: '通知.md', passages: 2 });
      expect(await at.documents.remove('通知.md')).toBeUndefined();
      expect(await at.passages.passagesByIds(ids)).toEqual([]);
      expect(await at.documents.documents()).toEqual([]);
      const trail = await at.documents.auditTrail();
      expect(trail.map((e) => [e.action, e.doc, e.by, e.by_name, e.channel])).toEqual([
        ['status', '通知.md', 'telegram:42', '王芳', 'telegram'],
        ['remove', '通知.md', 'terminal:admin', null, 'cli'],
      ]);
      expect(JSON.parse(trail[0].detail)).toMatchObject({ from: 'in_force', to: 'superseded' });
      expect(JSON.parse(trail[1].detail)).toMatchObject({ title: '通知', passages: 2, scope: '公共' });
    });

    it('lists the documents a page at a time with the total, passage counts and only the departments asked', async () => {
      for (const n of [1, 2, 3, 4, 5]) await commit(`办公室/通知${n}.md`, `通知${n}`, Array.from({ length: n }, (_, i) => `第${i + 1}项安排。`));
      await commit('代表工委/安排.md', '内部安排', ['座谈会由李四负责记录。'], '代表工委');
      const first = await at.documents.documentPage(['公共'], { offset: 0, limit: 2 });
      expect(first.total).toBe(5);
      expect(first.items.map((d) => [d.doc, d.passages, d.scope, d.status])).toEqual([
        ['办公室/通知1.md', 1, '公共', 'in_force'], ['办公室/通知2.md', 2, '公共', 'in_force']]);
      expect((await at.documents.documentPage(['公共'], { offset: 4, limit: 2 })).items.map((d) => d.doc)).toEqual(['办公室/通知5.md']);
      expect(await at.documents.documentPage(['公共'], { offset: 10, limit: 2 })).toEqual({ total: 5, items: [] });
      const all = await at.documents.documentPage(undefined, { offset: 0, limit: 50 });
      expect(all.total).toBe(6);
      expect(all.items).toEqual(await at.documents.documents());
      expect((await at.documents.documentPage(['代表工委'], { offset: 0, limit: 5 })).items.map((d) => d.doc)).toEqual(['代表工委/安排.md']);
      expect(await at.documents.documentPage(['财经工委'], { offset: 0, limit: 5 })).toEqual({ total: 0, items: [] });
    });

    it('keeps who moved a document to another department in the audit trail', async () => {
      await commit('通知.md', '通知', ['定于12月5日召开座谈会。']);
      expect(await at.documents.moveToScope('通知.md', '代表工委', wang)).toBe(true);
      expect(await at.documents.moveToScope('通知.md', '代表工委', wang)).toBe(false);
      expect((await at.documents.document('通知.md'))?.scope).toBe('代表工委');
      const trail = await at.documents.auditTrail();
      expect(trail.map((e) => [e.action, e.doc, e.by, e.channel, JSON.parse(e.detail)])).toEqual([
        ['scope', '通知.md', 'telegram:42', 'telegram', { from: '公共', to: '代表工委' }]]);
    });

    it('refuses a status for an unknown document, or replaced by one, in Chinese, changing nothing', async () => {
      await commit('通知.md', '通知', ['定于12月5日召开座谈会。']);
      const unknown = await at.documents.setStatus('没有.md', 'superseded', undefined, wang).catch((error: unknown) => error);
      expect(unknown).toBeInstanceOf(UserError);
      expect(unknown).toMatchObject({ code: 'unknown_document', userMessage: expect.stringContaining('知识库里没有“没有.md”') });
      await expect(at.documents.setStatus('通知.md', 'superseded', '没有.md', wang)).rejects.toMatchObject({ code: 'unknown_document' });
      expect((await at.documents.document('通知.md'))?.status).toBe('in_force');
      expect(await at.documents.auditTrail()).toEqual([]);
    });

    it('through the knowledge base: an unchanged file ingested again stores nothing twice; a removed one is never quoted', async () => {
      const folder = join(at.rig.dataDir, '..', 'library');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, '议事规则.md'), '# 议事规则\n\n第一条 常务委员会会议一般每两个月举行一次。\n\n第二条 代表建议应当自交办之日起三个月内答复。\n');
      writeFileSync(join(folder, '通知.md'), '# 通知\n\n定于12月5日上午9时在三楼第二会议室召开机关工作座谈会。\n');
      const kb = await openKnowledgeBase({ dataDir: at.rig.dataDir, stores: at.rig.stores, warn: () => undefined });
      const first = await kb.ingest([folder]);
      expect(first).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
      const generation = await at.passages.generation();
      const again = await kb.ingest([folder]);
      expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2, chunks: first.chunks });
      expect(await at.passages.generation()).toBe(generation);

      expect((await kb.search('座谈会在哪里召开', 1))[0].passage.doc).toBe('通知.md');
      await kb.remove('通知.md');
      const hits = await kb.search('座谈会在哪里召开', 10);
      expect(hits.map((hit) => hit.passage.doc)).not.toContain('通知.md');
      expect(JSON.stringify(await kb.ask('座谈会在哪里召开'))).not.toContain('三楼第二会议室');
    });

    it('through the knowledge base: one document\'s passages and a search inside it, for those who may see it', async () => {
      const folder = join(at.rig.dataDir, '..', 'library');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, '议事规则.md'), '# 议事规则\n\n第一条 常务委员会会议一般每两个月举行一次。\n\n第二条 代表建议应当自交办之日起三个月内答复。\n\n第三条 常务委员会会议由主任召集。\n');
      writeFileSync(join(folder, '通知.md'), '# 通知\n\n常务委员会会议定于12月5日召开，请准时参加。\n');
      const kb = await openKnowledgeBase({ dataDir: at.rig.dataDir, stores: at.rig.stores, warn: () => undefined });
      await kb.ingest([folder]);
      const page = await kb.documentPassages('议事规则.md', { offset: 0, limit: 2 });
      expect(page?.total).toBe(3);
      expect(page?.items.map((p) => p.location)).toEqual(['第一条', '第二条']);
      expect(page?.items[0]).toMatchObject({ doc: '议事规则.md', title: '议事规则' });
      const hits = await kb.searchDocument('议事规则.md', '常务委员会会议', 5);
      expect(hits?.map((h) => h.passage.location).sort()).toEqual(['第一条', '第三条']);
      expect(hits?.every((h) => h.passage.doc === '议事规则.md')).toBe(true);

      const moved = await kb.setScope('议事规则.md', ' 代表工委 ', wang);
      expect(moved.scope).toBe('代表工委');
      expect(await kb.documentPassages('议事规则.md', { offset: 0, limit: 2 }, { scopes: ['公共'] })).toBeUndefined();
      expect(await kb.searchDocument('议事规则.md', '常务委员会会议', 5, { scopes: ['公共', '财经工委'] })).toBeUndefined();
      expect(await kb.searchDocument('议事规则.md', '常务委员会会议', 5, { scopes: ['公共', '代表工委'] })).toHaveLength(2);
      expect((await kb.documentPage({ offset: 0, limit: 10 }, { scopes: ['公共'] })).items.map((d) => d.doc)).toEqual(['通知.md']);
      await expect(kb.setScope('没有.md', '公共', wang)).rejects.toMatchObject({ code: 'unknown_document' });
      await expect(kb.setScope('通知.md', '代表 工委', wang)).rejects.toMatchObject({ code: 'bad_scope' });
      expect((await at.documents.document('通知.md'))?.scope).toBe('公共');
    });
  });
}
