/**
 * Writers never lose an entry to a busy database. A large import holds SQLite's one write
 * lock for seconds; people logging meanwhile wait (without stalling other chats) and are
 * stored; if the lock really never comes free they are asked to resend and nothing is
 * half-stored. An import killed half-way leaves none of its rows.
 */
import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openActivityLog, type ActivityLog } from '../../src/log/index.ts';
import { openServices, type Services } from '../../src/app.ts';
import { activityLogPort, createAccess, createAssistant } from '../../src/assistant/index.ts';
import type { Incoming } from '../../src/assistant/types.ts';
import { loadSettings } from '../../src/config.ts';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import { FakeKnowledgeBase } from '../support/fake-knowledge.ts';
import { REPO_ROOT, command, runCli } from '../support/cli-process.ts';
import { tempFolder } from '../support/temp-folders.ts';
import { ACCESS_FORMS } from '../../src/channels/index.ts';

/**
 * Rows of the imports people log during: enough to hold the write lock for a second or more
 * (about 25,000 rows a second here), so every log below really waits for it.
 */
const IMPORT_ROWS = 40_000;

const KINDS = ['meeting', 'study', 'report_review', 'inspection', 'research', 'training', 'visit'];

const csvs = new Map<number, string>();

/** A CSV of `rows` distinct activities (no duplicates among them), written once for the file. */
function bigCsv(rows: number): string {
  const made = csvs.get(rows);
  if (made) return made;
  const path = join(tempFolder('lvzhi-busy-csv-'), `rows-${rows}.csv`);
  csvs.set(rows, path);
  const lines = ['date,kind,title,by'];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + (i % 1500) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},${KINDS[i % KINDS.length]},第${i}项导入的履职活动,员工${i % 20}`);
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** Whether another connection holds the write lock right now. */
function writeLockHeld(dataDir: string): boolean {
  const probe = new Database(join(dataDir, 'lvzhi.db'), { timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    probe.close();
  }
}

/**
 * Wait until the import holds the write lock, polling SQLite (a held lock has no event to wait
 * on). No clock: an import that ends without being seen holding it fails the test at once, and
 * the test's own timeout is the guard for one that never starts (a start can take a minute on
 * this shared machine under load).
 */
async function lockTaken(dataDir: string, importer: Promise<unknown>): Promise<void> {
  let ended = false;
  const end = () => void (ended = true);
  importer.then(end, end);
  while (!writeLockHeld(dataDir)) {
    if (ended) throw new Error('the import ended before it was seen holding the write lock');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Wait until the write-ahead log holds at least `bytes`: a writer's pages, written before it
 * commits. Polled like the lock (a file's size has no event); an import that ends first fails at once.
 */
async function walGrown(dataDir: string, importer: Promise<unknown>, bytes: number): Promise<void> {
  let ended = false;
  const end = () => void (ended = true);
  importer.then(end, end);
  const wal = join(dataDir, 'lvzhi.db-wal');
  while ((statSync(wal, { throwIfNoEntry: false })?.size ?? 0) < bytes) {
    if (ended) throw new Error('the import ended before its rows were seen being written');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function count(dataDir: string, sql: string): number {
  const db = new Database(join(dataDir, 'lvzhi.db'), { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const say = (text: string, thread: string): Incoming =>
  ({ platform: 'terminal', userId: 'local', userName: '小王', chatId: 'local', threadId: `terminal:${thread}`, text });

const LOGS = ['6月3日组织代表视察了安全生产工作', '6月4日听取了区政府关于环保工作的报告', '6月5日开展了养老服务专题调研',
  '6月6日组织代表走访了辖区企业', '6月7日召开了主任会议'];

describe('a large import while people log', () => {
  const services: Services[] = [];
  afterAll(async () => {
    for (const s of services) await s.close();
  });

  it(`every /log sent during a ${IMPORT_ROWS}-row import from another process waits and is stored`, async () => {
    const dataDir = join(tempFolder('lvzhi-busy-'), 'data');
    const bot = await openServices({ dataDir, settings: loadSettings({}), now: () => new Date('2024-06-30T10:00:00+08:00') });
    services.push(bot);
    const csv = bigCsv(IMPORT_ROWS);
    const importing = runCli(['import', csv, '--data', dataDir, '--json'], { timeoutMs: 300_000 });
    await lockTaken(dataDir, importing);

    // The bot stays responsive while its writes wait: timers keep firing, another chat is answered.
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const replies: string[] = [];
    const logging = (async () => {
      for (const [i, text] of LOGS.entries()) replies.push((await bot.assistant.handle(say(text, `log${i}`))).text);
    })();
    const help = await bot.assistant.handle(say('/help', 'other'));
    expect(help.text).toContain('/ask');
    await logging;
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(5);

    for (const reply of replies) expect(reply).toMatch(/已记录/);
    const run = await importing;
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ imported: IMPORT_ROWS, duplicates: 0 });
    expect(count(dataDir, "SELECT COUNT(*) AS n FROM activities WHERE channel = 'cli'")).toBe(IMPORT_ROWS);
    expect(count(dataDir, "SELECT COUNT(*) AS n FROM activities WHERE channel = 'terminal'")).toBe(LOGS.length);
  }, 300_000);

  it(`a chat import of ${IMPORT_ROWS} rows runs in the bot without stopping it, and a /log meanwhile is stored`, async () => {
    const dataDir = join(tempFolder('lvzhi-busy-chat-'), 'data');
    const bot = await openServices({ dataDir, settings: loadSettings({}), now: () => new Date('2024-06-30T10:00:00+08:00') });
    services.push(bot);
    const csv = bigCsv(IMPORT_ROWS);
    const offered = await bot.assistant.handle({
      ...say('', 'upload'),
      files: [{ name: 'rows.csv', download: async (to) => writeFileSync(to, await import('node:fs').then((fs) => fs.readFileSync(csv))) }],
    });
    expect(offered.text).toContain('导入');
    const importing = bot.assistant.handle(say('导入', 'upload'));
    await lockTaken(dataDir, importing);
    const logged = await bot.assistant.handle(say(LOGS[0], 'log'));
    expect(logged.text).toMatch(/已记录/);
    expect((await importing).text).toContain(`已导入 ${IMPORT_ROWS} 条记录`);
    expect(count(dataDir, 'SELECT COUNT(*) AS n FROM activities')).toBe(IMPORT_ROWS + 1);
  }, 300_000);
});

describe('when the lock never comes free', () => {
  it('the person is asked to resend and nothing is stored; the resend is stored once', async () => {
    const dataDir = tempFolder('lvzhi-busy-held-');
    const log: ActivityLog = openActivityLog({ dataDir });
    const taxonomy = loadTaxonomy();
    const assistant = createAssistant({
      knowledge: new FakeKnowledgeBase(), reader: new RuleReader(taxonomy), taxonomy, access: createAccess({}, ACCESS_FORMS),
      activities: activityLogPort(log, undefined, { deadlineMs: 400 }),
      now: () => new Date('2024-06-30T10:00:00+08:00'), log: () => undefined,
    });
    const holder = new Database(join(dataDir, 'lvzhi.db'));
    holder.exec('BEGIN IMMEDIATE');
    try {
      const reply = await assistant.handle(say(LOGS[0], 'held'));
      expect(reply.text).toMatch(/数据库正忙.*没有保存.*重发/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(log.list()).toEqual([]);
    expect((await assistant.handle(say(LOGS[0], 'held'))).text).toMatch(/已记录/);
    expect(log.list()).toHaveLength(1);
    log.close();
  });
});

describe('an import killed half-way', () => {
  it('stores none of its rows and keeps what was there', async () => {
    const dataDir = join(tempFolder('lvzhi-busy-kill-'), 'data');
    const log = openActivityLog({ dataDir });
    log.add({ date: '2024-06-12', kind: 'inspection', title: '视察安全生产工作' }, { by: '办公室', channel: 'cli' });
    log.close();
    // The compiled CLI in one process, as `npm run cli` runs it: the kill reaches the importer itself.
    const child = spawn(process.execPath, command(['import', bigCsv(IMPORT_ROWS), '--data', dataDir, '--json']), {
      cwd: REPO_ROOT, stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
    // Kill it once its rows are being written: the lock is held and its uncommitted pages
    // spill into the write-ahead log (far more than the page cache holds).
    await lockTaken(dataDir, exited);
    await walGrown(dataDir, exited, 1 << 20);
    expect(child.exitCode).toBeNull(); // still importing: the kill lands mid-transaction
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(count(dataDir, 'SELECT COUNT(*) AS n FROM activities')).toBe(1);
    expect(count(dataDir, 'SELECT COUNT(*) AS n FROM activity_audit')).toBe(1);
    const db = new Database(join(dataDir, 'lvzhi.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 120_000);
});
