/**
 * Start-up checks of the data folder, as a person meets them: `npm start` and the command line
 * refuse to run on a data folder or database they cannot write (instead of starting and failing
 * every message), and a damaged database gets its own message. Nothing stored is changed.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openActivityLog } from '../../src/log/index.ts';
import { startMain } from '../support/run-main.ts';
import { REPO_ROOT, runCli } from '../support/cli-process.ts';
import { mountSmallFilesystem } from '../support/small-filesystem.ts';
import { removeAfterTests, tempFolder } from '../support/temp-folders.ts';

/** A data folder holding one logged activity. */
function dataFolderWithOneEntry(dataDir = join(tempFolder('lvzhi-startup-'), 'data')): string {
  const log = openActivityLog({ dataDir });
  log.add({ date: '2024-06-12', kind: 'inspection', title: '视察安全生产工作' }, { by: '办公室', channel: 'cli' });
  log.close();
  return dataDir;
}

async function npmStart(dataDir: string, input: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const run = startMain(dataDir);
  removeAfterTests(run.cwd);
  run.child.stdin.end(input);
  const status = await run.exit;
  return { status, stdout: run.stdout(), stderr: run.stderr() };
}

const CAN_SWITCH_USER = process.getuid?.() === 0;

describe('a data folder that cannot be written', () => {
  const fs = mountSmallFilesystem(4096);

  it.skipIf(!fs)('on a read-only disk: npm start and the command line refuse to start, in Chinese', async () => {
    const dataDir = dataFolderWithOneEntry(join(fs!.path, 'data'));
    const before = readFileSync(join(dataDir, 'lvzhi.db'));
    fs!.remountReadOnly();

    const cli = await runCli(['log', '今天组织代表视察了安全生产工作', '--data', dataDir, '--json']);
    expect(cli.status).toBe(1);
    expect(JSON.parse(cli.stdout).error).toMatchObject({ code: 'data_read_only', message: expect.stringMatching(/只读.*没有启动/) });

    const started = await npmStart(dataDir, '今天组织代表视察了安全生产工作\n');
    expect(started.status).toBe(1);
    expect(started.stderr).toMatch(/启动失败：数据“.*”是只读的/);
    expect(started.stdout).toBe(''); // no reply pretends to have logged anything
    expect(readFileSync(join(dataDir, 'lvzhi.db')).equals(before)).toBe(true);
  }, 120_000);

  it.skipIf(!CAN_SWITCH_USER)('a lvzhi.db the running user may not write: refused at start-up with its name', () => {
    const dataDir = dataFolderWithOneEntry();
    chmodSync(join(dataDir, '..'), 0o755);
    chmodSync(dataDir, 0o777);
    chmodSync(join(dataDir, 'lvzhi.db'), 0o444);
    // The compiled CLI (built here first when src/ is newer: the service account may not write dist/),
    // run as an ordinary user (root may write any file), the way the office's service account runs it.
    const built = spawnSync(process.execPath, ['--input-type=module', '-e', "(await import('./scripts/build.mjs')).build({ onlyIfStale: true })"], {
      cwd: REPO_ROOT, stdio: 'inherit',
    });
    expect(built.status).toBe(0);
    const run = spawnSync(process.execPath, ['dist/cli.js', 'stats', '--data', dataDir, '--json'], {
      cwd: REPO_ROOT, uid: 65534, gid: 65534, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/tmp' },
    });
    expect(run.status).toBe(1);
    const error = JSON.parse(run.stdout).error;
    expect(error.code).toBe('data_read_only');
    expect(error.message).toContain(join(dataDir, 'lvzhi.db'));
  }, 60_000);
});

describe('a damaged database', () => {
  /** Keep the first page (the header and schema root), overwrite the rest with garbage. */
  function damagePages(dataDir: string): Buffer {
    const file = join(dataDir, 'lvzhi.db');
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (let i = pageSize; i < bytes.length; i++) bytes[i] = (i * 131) & 0xff;
    writeFileSync(file, bytes);
    return bytes;
  }

  it('the command line says the database is damaged (not "internal error") and leaves it as it was', async () => {
    const dataDir = dataFolderWithOneEntry();
    const damaged = damagePages(dataDir);
    const run = await runCli(['stats', '--data', dataDir, '--json']);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).error).toMatchObject({ code: 'database_corrupt', message: expect.stringMatching(/数据库文件已损坏/) });
    expect(readFileSync(join(dataDir, 'lvzhi.db')).equals(damaged)).toBe(true);
  });

  it('npm start refuses to start with the same message', async () => {
    const dataDir = dataFolderWithOneEntry();
    damagePages(dataDir);
    const started = await npmStart(dataDir, '上半年视察了几次\n');
    expect(started.status).toBe(2);
    expect(started.stderr).toMatch(/启动失败：数据库文件已损坏/);
  }, 90_000);
});
