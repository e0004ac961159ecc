/**
 * Bad input: each bad file gets a Chinese reason in `skipped`, the rest of the folder is
 * ingested, and what was already stored stays exactly as it was.
 */
import { mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, openSqliteKnowledgeBase, type SqliteKnowledgeBase } from '../../src/knowledge/index.ts';
import { binaryJunk, writePdf } from '../fixtures/documents.ts';
import { tempDir, writeLibrary } from '../support/kb-fixtures.ts';

const CHINESE = /[\u4e00-\u9fff]/;

let root: string;
let kb: SqliteKnowledgeBase;
let bad: string;
let storedBefore: unknown[];
let report: Awaited<ReturnType<SqliteKnowledgeBase['ingest']>>;

function storedRows(): unknown[] {
  return kb.db.prepare(
    `SELECT d.doc, d.content_hash, p.id, p.text, p.location FROM kb_passages p
       JOIN kb_documents d ON d.id = p.document_id ORDER BY p.id`).all();
}

beforeAll(async () => {
  root = tempDir();
  kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data') });
  await kb.ingest([writeLibrary(join(root, 'library'))]);
  storedBefore = storedRows();

  bad = join(root, 'incoming');
  mkdirSync(bad);
  writeFileSync(join(bad, 'empty.md'), '');
  writeFileSync(join(bad, 'corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), binaryJunk(2000)]));
  await writePdf(join(bad, 'encrypted.pdf'), { pages: [['第一条 本文件已加密。']], userPassword: 'secret' });
  writeFileSync(join(bad, 'junk.txt'), binaryJunk(4096));
  writeFileSync(join(bad, 'table.xls'), binaryJunk(512, 3));
  writeFileSync(join(bad, 'huge.txt'), '');
  truncateSync(join(bad, 'huge.txt'), MAX_DOCUMENT_BYTES + 1); // sparse: no 50 MB written
  writeFileSync(join(bad, 'good.md'), '# 新增规定\n\n第一条 常务委员会每年组织一次代表集中视察。\n');
  report = await kb.ingest([bad, join(root, 'no-such-folder')]);
});

afterAll(() => {
  kb.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a folder with bad files', () => {
  it.each(['empty.md', 'corrupt.pdf', 'encrypted.pdf', 'junk.txt', 'table.xls', 'huge.txt', 'no-such-folder'])(
    'reports %s as skipped with a Chinese reason',
    (name) => {
      const entry = report.skipped.find((s) => s.path.endsWith(name));
      expect(entry, `${name} in ${JSON.stringify(report.skipped)}`).toBeDefined();
      expect(entry!.reason).toMatch(CHINESE);
    },
  );

  it('ingests the good file beside them', async () => {
    expect(report.added).toBe(1);
    const [best] = await kb.search('代表集中视察一年几次', 1);
    expect(best.passage.doc).toBe('good.md');
  });

  it('leaves what was stored before untouched', () => {
    const after = storedRows() as Array<{ doc: string }>;
    expect(after.filter((r) => r.doc !== 'good.md')).toEqual(storedBefore);
  });

  it('gives each bad file its own reason, not one for all', () => {
    const reasons = new Set(report.skipped.map((s) => s.reason));
    expect(reasons.size).toBeGreaterThanOrEqual(5);
  });
});

describe('bad requests', () => {
  it('refuses an ingest where no path exists, with a Chinese message', async () => {
    await expect(kb.ingest([join(root, 'nowhere')])).rejects.toMatchObject({ code: 'path_missing', userMessage: expect.stringMatching(CHINESE) });
  });

  it('refuses an empty question', async () => {
    await expect(kb.ask(' \n ')).rejects.toMatchObject({ code: 'empty_question' });
  });

  it('re-ingesting a file that became broken keeps its old passages', async () => {
    const before = storedRows();
    writeFileSync(join(root, 'library', 'speech.txt'), binaryJunk(3000, 11));
    const again = await kb.ingest([join(root, 'library')]);
    expect(again.skipped.map((s) => s.path)).toEqual([join(root, 'library', 'speech.txt')]);
    expect(storedRows()).toEqual(before);
  });
});
