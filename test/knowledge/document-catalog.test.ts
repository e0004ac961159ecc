/**
 * The document catalog over a real SQLite file: a data folder from before document identities
 * keeps working after the migration (its documents keep their keys, and re-ingesting one under
 * its new path adopts it instead of doubling it); a department's document is found by its
 * people however many public passages outrank it, and never by anyone else.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqlitePassageStore, openSqliteKnowledgeBase } from '../../src/knowledge/index.ts';
import { createOfflineEmbedder } from '../../src/knowledge/search/offline-embedder.ts';
import { openDatabase } from '../../src/storage/index.ts';
import { tempDir } from '../support/kb-fixtures.ts';

const NOTICE = '# 关于召开机关座谈会的通知\n\n定于12月5日上午9时在三楼第二会议室召开机关工作座谈会，请各科室负责人准时参加。\n';
let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A data folder as the previous version left it: documents keyed by their bare file name. */
async function legacyDataFolder(data: string, file: string): Promise<void> {
  const db = openDatabase(data);
  const store = createSqlitePassageStore(db);
  const embedder = createOfflineEmbedder();
  const text = '定于12月5日上午9时在三楼第二会议室召开机关工作座谈会，请各科室负责人准时参加。';
  const [vector] = await embedder.embed([text]);
  await store.replaceDocument({ doc: '通知.md', title: '关于召开机关座谈会的通知', format: 'md', contentHash: createHash('sha256').update(readFileSync(file)).digest('hex') },
    [{ text, location: '第1段', context: '关于召开机关座谈会的通知', vector }], embedder.id);
  db.close();
}

describe('migrating a data folder from before document identities', () => {
  it('keeps old documents under their keys, and re-ingesting one adopts it under its new path', async () => {
    root = tempDir('lvzhi-catalog-');
    const data = join(root, 'data');
    mkdirSync(join(root, '办公室'));
    const file = join(root, '办公室', '通知.md');
    writeFileSync(file, NOTICE);
    await legacyDataFolder(data, file);

    const kb = await openSqliteKnowledgeBase({ dataDir: data });
    try {
      expect(await kb.documents()).toEqual([expect.objectContaining({ doc: '通知.md', passages: 1, scope: '公共', status: 'in_force' })]);
      expect((await kb.ask('机关座谈会在哪里召开')).sources[0].doc).toBe('通知.md');
      const report = await kb.ingest([file]);
      expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
      expect((await kb.documents()).map((d) => d.doc)).toEqual(['办公室/通知.md']);
      expect(kb.size()).toBe(1);
      expect((await kb.ask('机关座谈会在哪里召开')).sources[0].doc).toBe('办公室/通知.md');
    } finally {
      kb.close();
    }
  });
});

describe('departments in search', () => {
  it('finds a department document for its people below many public passages, and never for others', async () => {
    root = tempDir('lvzhi-catalog-');
    const shelf = join(root, 'shelf');
    mkdirSync(join(shelf, '公开'), { recursive: true });
    // 120 public passages that all mention 座谈会 more than the department's one does.
    for (let i = 0; i < 40; i++) {
      writeFileSync(join(shelf, '公开', `会议${i}.md`), `# 座谈会纪要${i}\n\n${[1, 2, 3].map((n) => `第${n}次座谈会座谈会议程安排第${i}号。`).join('\n\n')}\n`);
    }
    mkdirSync(join(shelf, '代表工委'));
    writeFileSync(join(shelf, '代表工委', '安排.md'), '# 内部安排\n\n代表工委座谈会由李四负责记录。\n');
    const kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data') });
    try {
      await kb.ingest([shelf], { departments: ['代表工委'] });
      expect((await kb.document('代表工委/安排.md'))?.scope).toBe('代表工委');
      const theirs = await kb.search('座谈会', 5, { scopes: ['公共', '代表工委'] });
      const others = await kb.search('座谈会由谁负责记录', 50, { scopes: ['公共'] });
      expect((await kb.search('座谈会由谁负责记录', 5, { scopes: ['公共', '代表工委'] }))[0].passage.doc).toBe('代表工委/安排.md');
      expect(theirs).toHaveLength(5);
      expect(others.map((hit) => hit.passage.doc)).not.toContain('代表工委/安排.md');
      expect(JSON.stringify(await kb.ask('座谈会由谁负责记录', { scopes: ['公共'] }))).not.toContain('李四');
      expect((await kb.documents({ scopes: ['公共'] })).map((d) => d.doc)).not.toContain('代表工委/安排.md');
      expect(await kb.document('代表工委/安排.md', { scopes: ['公共'] })).toBeUndefined();
    } finally {
      kb.close();
    }
  });
});

describe('document standings while the assistant runs', () => {
  it('a status set from another process (the CLI) or this one marks the very next answer', async () => {
    root = tempDir('lvzhi-catalog-');
    const data = join(root, 'data');
    mkdirSync(join(root, '办公室'));
    writeFileSync(join(root, '办公室', '通知.md'), NOTICE);
    const running = await openSqliteKnowledgeBase({ dataDir: data });
    const cli = await openSqliteKnowledgeBase({ dataDir: data });
    try {
      await running.ingest([join(root, '办公室')]);
      const [{ doc }] = await running.documents();
      const question = '机关座谈会在哪里召开';
      expect((await running.ask(question)).answer).not.toContain('已被替代');
      expect((await running.ask(question)).answer).not.toContain('已被替代'); // asked twice: standings come from memory now

      await cli.setStatus(doc, 'superseded');
      expect((await running.ask(question)).answer).toContain('（该条出自已被替代的版本）');

      await running.setStatus(doc, 'in_force');
      const answer = await running.ask(question);
      expect(answer.found).toBe(true);
      expect(answer.answer).not.toContain('已被替代');
    } finally {
      cli.close();
      running.close();
    }
  });
});
