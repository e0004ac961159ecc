/**
 * `kill -9` in the middle of an ingest: the previous index stays whole and usable, and the
 * same ingest run again gives the same knowledge base as a clean run. The ingest runs in a
 * real child process (the compiled CLI, as `npm run cli` runs it: one process, so the kill
 * reaches the ingest itself) killed with SIGKILL once some documents are committed.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteKnowledgeBase, type SqliteKnowledgeBase } from '../../src/knowledge/index.ts';
import { Bm25Index } from '../../src/knowledge/search/bm25-index.ts';
import { REPO_ROOT, command } from '../support/cli-process.ts';
import { writeBenchCorpus } from '../../scripts/bench-corpus.ts';
import { tempDir } from '../support/kb-fixtures.ts';

const FILES = 24;
const PER_FILE = 60;
const root = tempDir('lvzhi-kill-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function committedDocuments(data: string): number {
  const path = join(data, 'lvzhi.db');
  if (!existsSync(path)) return 0;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM kb_documents').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet, or the schema is being written
  }
}

/** Start `ingest` in a child process and SIGKILL it once `after` documents are committed. */
async function ingestAndKill(corpus: string, data: string, after: number): Promise<number> {
  const child = spawn(process.execPath, command(['ingest', corpus, '--data', data, '--json']), {
    cwd: REPO_ROOT, stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
  for (;;) {
    if (committedDocuments(data) >= after) break;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  const signal = await exited;
  expect(signal).toBe('SIGKILL');
  return committedDocuments(data);
}

function snapshot(kb: SqliteKnowledgeBase): unknown {
  return {
    documents: kb.db.prepare('SELECT doc, title, format, content_hash FROM kb_documents ORDER BY doc').all(),
    passages: kb.db.prepare(
      `SELECT d.doc, p.ordinal, p.text, p.location, p.context, p.page FROM kb_passages p
         JOIN kb_documents d ON d.id = p.document_id ORDER BY d.doc, p.ordinal`).all(),
    vectors: kb.db.prepare(
      `SELECT d.doc, p.ordinal, v.embedder, hex(v.vector) AS vector FROM kb_vectors v
         JOIN kb_passages p ON p.id = v.passage_id JOIN kb_documents d ON d.id = p.document_id
        ORDER BY d.doc, p.ordinal`).all(),
  };
}

/** The HNSW graph holds exactly the stored passages. */
function hnswMatchesStore(kb: SqliteKnowledgeBase): boolean {
  const ids = (kb.db.prepare('SELECT id FROM kb_passages ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
  const labels = kb.indexes.hnsw().labels().sort((a, b) => a - b);
  return JSON.stringify(ids) === JSON.stringify(labels);
}

/** BM25 rankings (exact, so comparable run to run; the HNSW graph is checked by content). */
async function lexicalAnswers(kb: SqliteKnowledgeBase): Promise<string[][]> {
  const questions = ['常务委员会什么时候审议专项工作报告', '代表建议、批评和意见怎么答复', '执法检查报告需要书面提交吗'];
  const out: string[][] = [];
  for (const q of questions) {
    const hits = await kb.retrievers.bm25.search(q, 5);
    out.push((await kb.store.passagesByIds(hits.map((h) => h.id))).map((p) => `${p.doc} ${p.location}`));
  }
  return out;
}

describe('an ingest killed with SIGKILL', () => {
  it('leaves the previous index whole, and the re-run equals a clean run', async () => {
    const corpus = join(root, 'corpus');
    writeBenchCorpus(corpus, FILES * PER_FILE, { perFile: PER_FILE });
    const killedData = join(root, 'killed');

    const committed = await ingestAndKill(corpus, killedData, 3);
    expect(committed).toBeGreaterThanOrEqual(1);
    expect(committed).toBeLessThan(FILES); // killed mid-ingest, not after it

    // The index files the database points to are whole (the previous state).
    const db = new Database(join(killedData, 'lvzhi.db'), { readonly: true });
    const lexicalFile = (db.prepare("SELECT value FROM kb_meta WHERE key = 'lexical_file'").get() as { value: string }).value;
    db.close();
    expect(Bm25Index.load(join(killedData, lexicalFile))).toBeDefined();

    const resumed = await openSqliteKnowledgeBase({ dataDir: killedData });
    const report = await resumed.ingest([corpus]);
    expect(report.unchanged).toBe(committed);
    expect(report.added + report.updated).toBe(FILES - committed);

    const clean = await openSqliteKnowledgeBase({ dataDir: join(root, 'clean') });
    await clean.ingest([corpus]);
    try {
      expect(snapshot(resumed)).toEqual(snapshot(clean));
      expect(resumed.size()).toBe(clean.size());
      expect(await lexicalAnswers(resumed)).toEqual(await lexicalAnswers(clean));
      expect(hnswMatchesStore(resumed)).toBe(true);
      expect(hnswMatchesStore(clean)).toBe(true);
      expect((await resumed.search('专项工作报告', 5)).length).toBe(5);
    } finally {
      resumed.close();
      clean.close();
    }
  }, 240_000);
});
