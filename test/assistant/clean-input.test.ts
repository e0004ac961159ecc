/**
 * Clean input and clean up, as people meet them in chat: an endless message is read up to
 * 2,000 characters and the reply says so; escape sequences, control characters and bidi marks
 * are neither stored nor echoed; a downloaded table waiting for "导入" is deleted when it expires,
 * is replaced or the bot stops, and one a killed bot left behind is cleared at the next start;
 * a table larger than the limit is refused before it is downloaded.
 */
import { existsSync, mkdirSync, readdirSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import { removeAbandonedUploads, removeOwnUploads } from '../../src/assistant/upload-folders.ts';
import type { IncomingFile } from '../../src/assistant/types.ts';
import { MAX_QUESTION_CHARS, MAX_TABLE_BYTES } from '../../src/input/index.ts';
import { createMemoryConversationStore } from '../../src/storage/index.ts';
import { FakeKnowledgeBase } from '../support/fake-knowledge.ts';
import { runCli } from '../support/cli-process.ts';
import { tempFolder } from '../support/temp-folders.ts';
import { makeBench, say, type TestBench } from '../support/assistant-helpers.ts';

const benches: TestBench[] = [];
afterEach(() => {
  for (const bench of benches.splice(0)) {
    bench.assistant.close();
    bench.close();
  }
});

function bench(options: Parameters<typeof makeBench>[1] = {}): TestBench {
  const made = makeBench(new RuleReader(loadTaxonomy()), { today: '2024-06-30', ...options });
  benches.push(made);
  return made;
}

/** A table "sent in chat": written to wherever the assistant downloads it, remembering where. */
function table(name: string, body = 'date,kind,title\n2024-06-12,视察,视察安全生产工作\n', size?: number): IncomingFile & { savedTo?: string; calls: number } {
  const file: IncomingFile & { savedTo?: string; calls: number } = {
    name, calls: 0, ...(size === undefined ? {} : { size }),
    async download(to: string) {
      file.calls++;
      file.savedTo = to;
      writeFileSync(to, body);
    },
  };
  return file;
}

/** Where a table offered for import is held while it waits (a folder a restart keeps). */
function held(file: { savedTo?: string }): string {
  return file.savedTo!.replace(`lvzhi-upload-${process.pid}-`, 'lvzhi-upload-held-');
}

describe('an endless message', () => {
  it('is read up to 2,000 characters, answered, and the reply says the rest was not read', async () => {
    const { assistant } = bench();
    const long = '请问常委会会议多久召开一次？'.repeat(45_000); // 630,000 characters
    const reply = await assistant.handle(say(long));
    expect(reply.text).toContain(`消息超过 ${MAX_QUESTION_CHARS} 字，只读取了前 ${MAX_QUESTION_CHARS} 字`);
  });

  it('a 600 KB question through `ask --batch` is answered with a note, not a crash', async () => {
    const data = tempFolder('lvzhi-long-ask-');
    const question = '常委会会议多久召开一次'.repeat(60_000);
    const run = await runCli(['ask', '--batch', '--json', '--data', data], { input: JSON.stringify({ question }) + '\n' });
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout.trim());
    expect(answer.note).toMatch(/只读取了前 2000 字/);
    expect(typeof answer.answer).toBe('string');
  }, 120_000);
});

describe('escape sequences, control characters and bidi marks', () => {
  it('are not stored in a logged title or name, and not echoed back', async () => {
    const { assistant, log } = bench();
    const reply = await assistant.handle(say('/log 今天组织代表视察了\u001b[31m安全生产\u202e工作\u0000\u001b[0m', { userName: '小\u202e王\u0007' }));
    expect(log.list().map((a) => a.title)).toEqual(['组织代表视察了安全生产工作']);
    expect(log.history().map((h) => h.byName)).toEqual(['小王']);
    expect(reply.text).not.toMatch(/[\u0000-\u0008\u001b\u202e]/);
    const echoed = await assistant.handle(say('/\u001b]0;pwned\u0007nosuch'));
    expect(echoed.text).toContain('没有 /nosuch 这个命令');
    expect(echoed.text).not.toMatch(/[\u0000-\u0008\u001b]/);
  });
});

describe('downloaded tables waiting for an answer', () => {
  it('are deleted when they are replaced by another table', async () => {
    const { assistant } = bench();
    const first = table('上半年.csv');
    await assistant.handle(say('', { files: [first] }));
    expect(existsSync(held(first))).toBe(true);
    const second = table('下半年.csv');
    await assistant.handle(say('', { files: [second] }));
    expect(existsSync(dirname(held(first)))).toBe(false);
    expect(existsSync(held(second))).toBe(true);
  });

  it('are deleted when they expire, even if nobody writes again', async () => {
    const { assistant } = bench({ memory: { ttlMs: 50, sweepMs: 20 } });
    const file = table('活动.csv');
    await assistant.handle(say('', { files: [file] }));
    expect(existsSync(held(file))).toBe(true);
    const deadline = Date.now() + 5000;
    while (existsSync(dirname(held(file))) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(dirname(held(file)))).toBe(false);
    expect((await assistant.handle(say('导入'))).text).not.toMatch(/已导入/);
  });

  it('are deleted when the bot stops', async () => {
    const { assistant } = bench();
    const file = table('活动.csv');
    await assistant.handle(say('', { files: [file] }));
    assistant.close();
    expect(existsSync(dirname(held(file)))).toBe(false);
  });

  it('left by a killed bot are cleared at the next start; those of a running one stay', () => {
    const folder = tempFolder('lvzhi-tmp-');
    const dead = join(folder, 'lvzhi-upload-99999999-abcdef');
    const live = join(folder, `lvzhi-upload-${process.pid}-abcdef`);
    for (const upload of [dead, live]) {
      mkdirSync(upload);
      writeFileSync(join(upload, '活动.csv'), 'date,kind,title\n');
    }
    expect(removeAbandonedUploads(folder)).toBe(1);
    expect(readdirSync(folder)).toEqual([`lvzhi-upload-${process.pid}-abcdef`]);
  });

  it('a bot restarted under the same process id (a restarted container) clears what its predecessor left', () => {
    const folder = tempFolder('lvzhi-tmp-');
    const before = join(folder, `lvzhi-upload-${process.pid}-older1`);
    const mine = join(folder, `lvzhi-upload-${process.pid}-mine01`);
    for (const upload of [before, mine]) mkdirSync(upload);
    const yesterday = new Date(Date.now() - 24 * 60 * 60_000 - process.uptime() * 1000);
    utimesSync(before, yesterday, yesterday);
    expect(removeAbandonedUploads(folder)).toBe(1);
    expect(readdirSync(folder)).toEqual([`lvzhi-upload-${process.pid}-mine01`]);
    // As the process stops, its own go too; another process's stay.
    mkdirSync(join(folder, 'lvzhi-upload-1-theirs'));
    removeOwnUploads(folder);
    expect(readdirSync(folder)).toEqual(['lvzhi-upload-1-theirs']);
  });

  it('a document whose lookup fails leaves no download behind, nor the table sent with it', async () => {
    const knowledge = new FakeKnowledgeBase();
    knowledge.document = async () => {
      throw new Error('database unreachable');
    };
    const { assistant, errors } = bench({ knowledge });
    const sheet = table('活动.csv');
    const notice = table('通知.md', '# 通知\n\n下周一召开主任会议。\n');
    const reply = await assistant.handle(say('', { files: [sheet, notice] }));
    expect(reply.text).toMatch(/出错|错误/);
    expect(errors.length).toBeGreaterThan(0);
    expect(existsSync(dirname(notice.savedTo!))).toBe(false);
    expect(existsSync(dirname(held(sheet)))).toBe(false);
  });

  it('a table whose question cannot be stored is not kept waiting for an answer', async () => {
    const store = createMemoryConversationStore();
    const conversations = { ...store, durable: true, sweep: () => store.sweep(), get: store.get.bind(store), delete: store.delete.bind(store), take: store.take.bind(store),
      set: async () => {
        throw new Error('disk full');
      } };
    const { assistant } = bench({ conversations });
    const sheet = table('活动.csv');
    await assistant.handle(say('', { files: [sheet] }));
    expect(existsSync(dirname(held(sheet)))).toBe(false);
  });

  it('the system temporary folder holds none of this bot\'s uploads after it stops', async () => {
    const { assistant } = bench();
    await assistant.handle(say('', { files: [table('一.csv')] }));
    await assistant.handle(say('', { files: [table('二.xlsx')] }));
    assistant.close();
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`lvzhi-upload-${process.pid}-`))).toEqual([]);
  });
});

describe('size limits on tables sent in chat', () => {
  it('refuses a table the platform says is too large, without downloading it', async () => {
    const { assistant } = bench();
    const big = table('全年.xlsx', '', MAX_TABLE_BYTES + 1);
    const reply = await assistant.handle(say('', { files: [big] }));
    expect(reply.text).toMatch(/《全年\.xlsx》有 51 MB，超过了.*50 MB/);
    expect(big.calls).toBe(0);
  });

  it('refuses a table that turns out larger than the limit, and deletes it', async () => {
    const { assistant } = bench();
    let saved = '';
    const liar: IncomingFile = {
      name: '全年.csv',
      async download(to) {
        saved = to;
        writeFileSync(to, '');
        truncateSync(to, MAX_TABLE_BYTES + 1);
      },
    };
    const reply = await assistant.handle(say('', { files: [liar] }));
    expect(reply.text).toMatch(/“全年\.csv”超过 50 MB 的上限，没有下载/);
    expect(existsSync(dirname(saved))).toBe(false);
  });
});
