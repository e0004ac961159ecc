import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { DATABASE_FILE, migrate, openDatabase } from '../../src/storage/index.ts';
import { tempFolder } from '../support/temp-folders.ts';

const tempDir = () => tempFolder('lvzhi-storage-');

describe('storage', () => {
  it('opens a WAL database and applies each migration step once', () => {
    const dir = tempDir();
    const steps = ['CREATE TABLE a (x INTEGER)', 'ALTER TABLE a ADD COLUMN y TEXT'];
    let db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    migrate(db, 'test', steps);
    db.prepare('INSERT INTO a VALUES (1, ?)').run('kept');
    db.close();
    db = openDatabase(dir);
    migrate(db, 'test', steps); // second run must not re-apply (ALTER would fail)
    expect(db.prepare('SELECT y FROM a').get()).toEqual({ y: 'kept' });
    db.close();
  });

  it('refuses a data folder that is a file, in Chinese, as the user\'s error', () => {
    const file = join(tempDir(), 'not-a-folder.txt');
    writeFileSync(file, 'x');
    for (const dataDir of [file, join(file, 'sub')]) {
      let caught: unknown;
      try {
        openDatabase(dataDir);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UserError);
      expect(caught).toMatchObject({ code: 'bad_data_dir' });
      expect((caught as UserError).userMessage).toContain(dataDir);
    }
  });

  it('refuses a lvzhi.db that is not a database and leaves it as it was', () => {
    const dir = tempDir();
    const junk = Buffer.from('这不是数据库'.repeat(200));
    writeFileSync(join(dir, DATABASE_FILE), junk);
    expect(() => openDatabase(dir)).toThrow(expect.objectContaining({ code: 'not_a_database', userMessage: expect.stringMatching(/不是履职助手的数据库/) }));
    expect(readFileSync(join(dir, DATABASE_FILE)).equals(junk)).toBe(true);
  });
});

