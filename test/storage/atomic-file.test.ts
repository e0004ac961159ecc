/**
 * Atomic file replacement, tried for real: a write that fails part-way (an injected error, a
 * full disk, a SIGKILL of the writing process) leaves the old file exactly as it was and no
 * temporary file behind. A writer that wrote in place would fail each of these.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemporaries, replaceFileAtomic, writeFileAtomic } from '../../src/storage/index.ts';
import { mountSmallFilesystem } from '../support/small-filesystem.ts';
import { tempFolder } from '../support/temp-folders.ts';

const OLD = 'old content that must survive';

function folderWithOldFile(base = tempFolder('lvzhi-atomic-')): { dir: string; file: string } {
  const file = join(base, 'index.bin');
  writeFileSync(file, OLD);
  return { dir: base, file };
}

function* failingHalfWay(): Generator<Uint8Array> {
  yield Buffer.from('new content, first half;');
  throw new Error('injected failure');
}

describe('writeFileAtomic', () => {
  it('replaces the content and leaves only the target in the folder', () => {
    const { dir, file } = folderWithOldFile();
    writeFileAtomic(file, [Buffer.from('new '), Buffer.from('content')]);
    expect(readFileSync(file, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['index.bin']);
  });

  it('keeps the old file and no temporary when the write fails part-way', () => {
    const { dir, file } = folderWithOldFile();
    expect(() => writeFileAtomic(file, failingHalfWay())).toThrow('injected failure');
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['index.bin']);
  });

  it('keeps the old file and no temporary when a replace callback fails after writing', () => {
    const { dir, file } = folderWithOldFile();
    expect(() => replaceFileAtomic(file, (temporary) => {
      writeFileSync(temporary, 'half of the new');
      throw new Error('injected failure');
    })).toThrow('injected failure');
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['index.bin']);
  });

  it('refuses to publish a file its check finds incomplete', () => {
    const { dir, file } = folderWithOldFile();
    expect(() => replaceFileAtomic(file, (temporary) => writeFileSync(temporary, ''), {
      verify: (temporary) => {
        if (readFileSync(temporary).length === 0) throw new Error('empty index file');
      },
    })).toThrow('empty index file');
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['index.bin']);
  });

  it('keeps the old file when the writing process is killed with SIGKILL mid-write', async () => {
    const { dir, file } = folderWithOldFile();
    const marker = join(tempFolder('lvzhi-atomic-marker-'), 'started');
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'atomic-writer-child.ts'), file, marker], {
      cwd: resolve(import.meta.dirname, '../..'), stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
    while (!existsSync(marker)) {
      if (child.exitCode !== null) throw new Error(`writer exited early with ${child.exitCode}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    // The first half is on disk under a temporary name now; the target must not have changed.
    expect(readdirSync(dir).some((name) => name.startsWith('index.bin.tmp-'))).toBe(true);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    // The dead writer's temporary is debris: the next start-up clears it.
    expect(removeStaleTemporaries(dir)).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['index.bin']);
  }, 60_000);

  it('leaves temporaries of a process still running alone', () => {
    const { dir } = folderWithOldFile();
    writeFileSync(join(dir, `index.bin.tmp-${process.pid}-1`), 'in progress');
    expect(removeStaleTemporaries(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['index.bin', `index.bin.tmp-${process.pid}-1`]);
  });

  const fs = mountSmallFilesystem(256);
  it.skipIf(!fs)('keeps the old file and no temporary when the disk is full', () => {
    const { dir, file } = folderWithOldFile(fs!.path);
    fs!.fill();
    expect(() => writeFileAtomic(file, Buffer.alloc(64 * 1024, 7))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir).sort()).toEqual(['filler.bin', 'index.bin']);
  });
});
