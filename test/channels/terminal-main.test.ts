/**
 * `npm start` as a user runs it: a child process with a fresh data folder, questions piped
 * in, answers read back; SIGTERM in the middle of work leaves a whole database behind.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startMain, untilOutput, type MainRun } from '../support/run-main.ts';
import { removeAfterTests, tempFolder as tempDir } from '../support/temp-folders.ts';

/** Start main.ts and remember its working folder for clean-up. */
function start(dataDir: string, env: Record<string, string> = {}): MainRun {
  const run = startMain(dataDir, env);
  removeAfterTests(run.cwd);
  return run;
}

function openDb(dataDir: string) {
  return new Database(join(dataDir, 'lvzhi.db'), { readonly: true });
}

describe('npm start (terminal channel, child process)', () => {
  const dataDir = tempDir('lvzhi-start-');

  it('ingests the sample documents on first run, answers piped lines, and exits at end of input', async () => {
    const run = start(dataDir);
    run.child.stdin.end('常委会会议多久开一次\n6月12日组织代表视察了安全生产工作\n/help\n');
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toContain('首次启动');
    const replies = run.stdout().split('\n\n').filter((b) => b.trim());
    expect(replies).toHaveLength(3);
    expect(replies[0]).toContain('每两个月举行一次');
    expect(replies[0]).toMatch(/第二章 › 第四条/);
    expect(replies[1]).toContain('已记录：6月12日 视察 组织代表视察了安全生产工作');
    expect(replies[2]).toContain('/ask');
    const db = openDb(dataDir);
    expect((db.prepare('SELECT COUNT(*) AS n FROM activities').get() as { n: number }).n).toBe(1);
    db.close();
  }, 90_000);

  it('stops cleanly on SIGTERM mid-work: every confirmed entry is stored, nothing half-written', async () => {
    const temporary = tempDir('lvzhi-main-tmp-');
    const run = start(dataDir, { TMPDIR: temporary });
    const lines = Array.from({ length: 60 }, (_, i) => `${(i % 28) + 1}日组织代表视察了第${i + 1}项重点工作`);
    run.child.stdin.write(lines.join('\n') + '\n'); // stdin stays open: only the signal ends it
    await untilOutput(run, () => (run.stdout().match(/已记录/g) ?? []).length >= 3, 'a few entries logged');
    // A file sent in chat still being read when the signal comes: its download goes with the process.
    const download = join(temporary, `lvzhi-upload-${run.child.pid}-abcdef`);
    mkdirSync(download);
    writeFileSync(join(download, '通知.md'), '# 通知\n');
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toContain('已停止');
    expect(existsSync(download)).toBe(false);
    const confirmed = (run.stdout().match(/已记录/g) ?? []).length;
    const db = openDb(dataDir);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const logged = db.prepare("SELECT COUNT(*) AS n FROM activities WHERE title LIKE '%重点工作'").get() as { n: number };
    const audited = db.prepare("SELECT COUNT(*) AS n FROM activity_audit WHERE action = 'add'").get() as { n: number };
    db.close();
    // The turn under way when the signal came finished and was answered; none was cut in half.
    expect(logged.n).toBe(confirmed);
    expect(audited.n).toBe(confirmed + 1);
  }, 90_000);

  it('finishes a first-run ingest interrupted by SIGTERM before closing, so the next start has the whole index', async () => {
    const fresh = tempDir('lvzhi-start-int-');
    const run = start(fresh);
    await untilOutput(run, () => run.stderr().includes('首次启动'), 'the first-run note');
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    const db = openDb(fresh);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const again = start(fresh);
    again.child.stdin.end('常委会会议多久开一次\n');
    expect(await again.exit).toBe(0);
    expect(again.stderr()).not.toContain('首次启动'); // the index was complete: nothing to redo
    expect(again.stdout()).toContain('每两个月举行一次');
  }, 90_000);

  it('refuses to start on a bad setting, naming the variable in Chinese, with exit status 1', async () => {
    const run = start(tempDir('lvzhi-start-bad-'), { PORT: 'eighty' });
    run.child.stdin.end();
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain('启动失败：设置项 PORT 的值不正确');
    expect(run.stdout()).toBe('');
  }, 60_000);
});
