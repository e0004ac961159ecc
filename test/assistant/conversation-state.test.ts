/**
 * The assistant's conversation state in the data folder's database: a question asked by one
 * assistant is answered through the next one on the same database (a restart), and damaged
 * state is dropped with a log line instead of failing the turn.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import { createSqliteConversationStore, openDatabase, type Db } from '../../src/storage/index.ts';
import { tempFolder } from '../support/temp-folders.ts';
import { makeBench, say, type TestBench } from '../support/assistant-helpers.ts';

const reader = new RuleReader(loadTaxonomy());
const opened: Array<{ bench: TestBench; db: Db }> = [];

/** An assistant whose conversation state is in a database of its own. */
function assistantOn(): { bench: TestBench; db: Db } {
  const db = openDatabase(tempFolder('lvzhi-convo-state-'));
  const bench = makeBench(reader, { today: '2026-12-01', conversations: createSqliteConversationStore(db) });
  opened.push({ bench, db });
  return { bench, db };
}

afterEach(() => {
  for (const { bench, db } of opened.splice(0)) {
    bench.assistant.close();
    db.close();
    bench.close();
  }
});

describe('conversation state in the database', () => {
  it('a question asked by one assistant is answered through the next one on the same store', async () => {
    const first = assistantOn();
    expect((await first.bench.assistant.handle(say('下周五组织代表视察河道治理'))).text).toContain('还没到');
    first.bench.assistant.close();
    const second = makeBench(reader, { today: '2026-12-01', conversations: createSqliteConversationStore(first.db) });
    try {
      expect((await second.assistant.handle(say('按计划记录'))).text).toContain('已记录');
      expect(second.log.list().map((a) => a.title)).toEqual(['组织代表视察河道治理']);
      expect(first.bench.log.list()).toEqual([]);
    } finally {
      second.assistant.close();
      second.close();
    }
  });

  it('drops a damaged waiting question with a log line, and reads the message afresh', async () => {
    const { bench, db } = assistantOn();
    await bench.assistant.handle(say('下周五组织代表视察河道治理'));
    db.prepare("UPDATE conversation_state SET value = '{\"kind\":\"log\",\"activ' WHERE scope = 'pending'").run();
    const reply = await bench.assistant.handle(say('上半年视察了几次'));
    expect(reply.text).toContain('2026年上半年');
    expect(db.prepare("SELECT COUNT(*) FROM conversation_state WHERE scope = 'pending'").pluck().get()).toBe(0);
    expect((await bench.assistant.handle(say('确认'))).text).not.toContain('已记录');
    expect(bench.log.list()).toEqual([]);
  });

  it('drops a waiting import that points outside its upload folder, deleting nothing there', async () => {
    const { bench, db } = assistantOn();
    db.prepare('INSERT INTO conversation_state VALUES (?, ?, ?, ?)').run('pending', 'terminal:local|local',
      JSON.stringify({ kind: 'import', file: { name: 'x.csv', path: `${bench.dataDir}/lvzhi.db`, folder: bench.dataDir } }), Date.now() + 60_000);
    const reply = await bench.assistant.handle(say('导入'));
    expect(reply.text).not.toMatch(/已导入/);
    expect(bench.errors).toContainEqual(expect.objectContaining({ code: 'conversation_state_dropped', scope: 'pending' }));
    expect(db.prepare('SELECT COUNT(*) FROM conversation_state').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBeGreaterThan(0); // the database is still there
  });

  it('drops a waiting replacement whose upload points outside its upload folder, deleting nothing there', async () => {
    const { bench, db } = assistantOn();
    db.prepare('INSERT INTO conversation_state VALUES (?, ?, ?, ?)').run('pending', 'terminal:local|local',
      JSON.stringify({ kind: 'replace', uploads: [{ name: '通知.md', path: `${bench.dataDir}/lvzhi.db`, folder: bench.dataDir, target: { doc: '公共/通知.md', scope: '公共' } }] }),
      Date.now() + 60_000);
    const reply = await bench.assistant.handle(say('替换'));
    expect(reply.text).not.toMatch(/已收录|已更新/);
    expect(bench.errors).toContainEqual(expect.objectContaining({ code: 'conversation_state_dropped', scope: 'pending' }));
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBeGreaterThan(0); // the folder was not deleted
  });
});
